import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { totp } from '@halooid/functions/platform/auth/totp.test-helper';
import type { Tx } from '@halooid/shared/db/transaction';
import { OPERATOR_GROUP } from '@halooid/shared/operator';
import { ensureOperatorGroup } from './cognito-pool';
import { DEMO_OPERATOR } from './demo-data';
import { ensureCognitoUser } from './seed';

export interface DemoOperatorDeps {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  password: string;
  dataDir: string;
  systemTransaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
}

/** The demo operator's sign-in: its TOTP secret is this data dir's, kept in this file (local dev only). */
const SECRET_FILE = 'demo-operator-totp.txt';

/**
 * The local platform operator, ensured on every start: operator@halooid.example
 * in the pool's operators group, with TOTP enrolled through the same Cognito
 * calls the auth API makes (AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference), so signing in asks for a code like in AWS, and
 * platform.users.mfa_enabled set, which is what the authorizer reads.
 * cognito-local makes the secret; it is kept in the data dir and printed at
 * start, for an authenticator app or `totp()` (functions/platform/auth/totp.test-helper.ts).
 */
export async function ensureDemoOperator(
  deps: DemoOperatorDeps,
): Promise<{ email: string; totpSecret: string }> {
  const { cognito, userPoolId } = deps;
  const { email, name } = DEMO_OPERATOR;
  const userId = await ensureCognitoUser(deps, email, name);
  await ensureOperatorGroup(cognito, userPoolId, OPERATOR_GROUP);
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: OPERATOR_GROUP }),
  );
  await deps.systemTransaction((tx) =>
    tx.query(
      `insert into platform.users (id, email, name, mfa_enabled) values ($1, $2, $3, true)
       on conflict (id) do update set mfa_enabled = true`,
      [userId, email, name],
    ),
  );
  const file = path.join(deps.dataDir, SECRET_FILE);
  const saved = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  if (saved && user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA')) return { email, totpSecret: saved };

  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: deps.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: deps.password },
    }),
  );
  const accessToken = signedIn.AuthenticationResult?.AccessToken;
  if (!accessToken)
    throw new Error(`The demo operator could not sign in to enrol TOTP (${signedIn.ChallengeName})`);
  const { SecretCode: secret } = await cognito.send(
    new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
  );
  if (!secret) throw new Error('cognito-local returned no TOTP secret');
  await cognito.send(
    new VerifySoftwareTokenCommand({
      AccessToken: accessToken,
      UserCode: totp(secret),
      FriendlyDeviceName: 'demo',
    }),
  );
  await cognito.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { email, totpSecret: secret };
}
