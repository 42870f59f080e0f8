import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  GetGroupCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export interface PoolIds {
  userPoolId: string;
  clientId: string;
}

/**
 * The local user pool and app client, created on first start and remembered
 * in the data dir so tokens and users survive restarts. Settings mirror the
 * pool CDK creates in AWS: email usernames, a strong password policy.
 */
export async function ensureUserPool(
  cognito: CognitoIdentityProviderClient,
  dataDir: string,
): Promise<PoolIds> {
  const file = path.join(dataDir, 'cognito-pool.json');
  const saved = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as PoolIds,
    () => undefined,
  );
  if (saved) {
    const exists = await cognito
      .send(new DescribeUserPoolClientCommand({ UserPoolId: saved.userPoolId, ClientId: saved.clientId }))
      .then(
        () => true,
        () => false,
      );
    if (exists) {
      // A pool saved before MFA was turned on locally gets it now; setting it again is harmless.
      await enableOptionalTotp(cognito, saved.userPoolId);
      return saved;
    }
  }
  const pool = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'halooid-local',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      // As in AWS: users may turn on TOTP; nobody is forced to.
      MfaConfiguration: 'OPTIONAL',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    }),
  );
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local did not return a user pool id');
  await enableOptionalTotp(cognito, userPoolId);
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'halooid-web',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const clientId = client.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local did not return an app client id');
  const ids = { userPoolId, clientId };
  await writeFile(file, JSON.stringify(ids, null, 2));
  return ids;
}

/**
 * cognito-local ignores MfaConfiguration on create and treats the pool as MFA-off; set it
 * explicitly, as identity-stack.ts does in AWS, so sign-in asks users who turned TOTP on for a code.
 */
async function enableOptionalTotp(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  await cognito.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
}

/**
 * The pool's operators group (shared/src/operator.ts), as identity-stack.ts
 * creates it in AWS. Created only when missing: cognito-local's CreateGroup
 * on an existing group replaces it, members and all.
 */
export async function ensureOperatorGroup(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  groupName: string,
): Promise<void> {
  const exists = await cognito
    .send(new GetGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }))
    .then(
      () => true,
      () => false,
    );
  if (exists) return;
  await cognito.send(
    new CreateGroupCommand({
      UserPoolId: userPoolId,
      GroupName: groupName,
      Description: 'Platform operators: the /v1/operator/* console (MFA required)',
    }),
  );
}
