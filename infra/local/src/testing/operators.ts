import { randomUUID } from 'node:crypto';
import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { OPERATOR_GROUP } from '@halooid/shared/operator';
import { ensureOperatorGroup } from '../cognito-pool';
import { ensureCognitoUser } from '../seed';
import type { Session, TestPlatform } from './test-platform';

const PASSWORD = 'Operator-test-9-passphrase';

/**
 * A new platform operator, signed in: a user in the pool's `operators` group
 * with a platform.users row whose `mfa_enabled` is `mfa` (what the authorizer
 * reads). Tests take the MFA enrolment as given; the demo operator
 * (seed.ts) goes through the real TOTP enrolment.
 */
export async function signInOperator(platform: TestPlatform, options: { mfa: boolean }): Promise<Session> {
  const email = `operator-${randomUUID().slice(0, 8)}@halooid.example`;
  const { cognito, userPoolId } = platform;
  const sub = await ensureCognitoUser({ cognito, userPoolId, password: PASSWORD }, email, 'Test Operator');
  await ensureOperatorGroup(cognito, userPoolId, OPERATOR_GROUP);
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: OPERATOR_GROUP }),
  );
  await platform.db.query(
    `insert into platform.users (id, email, name, mfa_enabled) values ($1, $2, 'Test Operator', $3)
     on conflict (id) do update set mfa_enabled = excluded.mfa_enabled`,
    [sub, email, options.mfa],
  );
  return platform.login(email, PASSWORD);
}
