import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import type * as z from 'zod';
import { provisionTenant } from '../domain/provision-tenant';
import { accountKey, guardAttempt } from './abuse-limits';
import { cognitoErrorName, mapCommonCognitoError, weakPassword } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';
import type { SignUpBody } from './schemas';
import { slugFromName, withRandomSuffix } from './tenant-slug';

export type SignUpDeps = Pick<
  AuthDeps,
  'cognito' | 'clientId' | 'userPoolId' | 'transaction' | 'cache' | 'limits'
> & {
  newId?: () => string;
  /**
   * Both answers (new account, existing account) take at least this long, so
   * timing does not tell them apart: the new-account path also writes a
   * tenant, which the other path does not.
   */
  minDurationMs?: number;
};

export const SIGN_UP_ANSWER = {
  status: 'pending',
  message: 'If this address can be used, we have sent a confirmation code to it. Confirm it, then sign in.',
} as const;

const SLUG_ATTEMPTS = 5;

/**
 * Creates the Cognito user, then the platform user (id = Cognito `sub`) and a
 * new tenant with system roles and the user as Owner, in one transaction
 * scoped to the new tenant so row-level security checks every insert.
 *
 * Whether the email already has an account is never revealed: an existing
 * address gets the same 202 answer after the same minimum time, and Cognito
 * is asked to resend the confirmation code (which only an unconfirmed owner of
 * the address receives; for a confirmed account Cognito refuses and nothing is
 * sent). If the tenant cannot be written, the Cognito user is deleted again so
 * a retry starts clean instead of finding a user without a tenant.
 */
export async function signUp(
  input: z.output<typeof SignUpBody>,
  caller: Caller,
  deps: SignUpDeps,
): Promise<typeof SIGN_UP_ANSWER> {
  const account = accountKey(input.email);
  await guardAttempt('signup', { ip: caller.ip, account }, deps);
  const started = Date.now();
  let sub: string | undefined;
  try {
    const created = await deps.cognito.send(
      new (cognitoSdk().SignUpCommand)({
        ClientId: deps.clientId,
        Username: account,
        Password: input.password,
        UserAttributes: [
          { Name: 'email', Value: account },
          { Name: 'name', Value: input.name },
        ],
      }),
    );
    sub = created.UserSub;
  } catch (error) {
    const name = cognitoErrorName(error);
    if (name === 'InvalidPasswordException') throw weakPassword('body.password', error);
    if (name !== 'UsernameExistsException') throw mapCommonCognitoError(error);
    await resendCode(account, deps);
  }
  if (sub) {
    const userId = sub;
    try {
      await createTenantFor({ id: userId, email: account, name: input.name }, input.tenantName, deps);
    } catch (error) {
      await deps.cognito
        .send(new (cognitoSdk().AdminDeleteUserCommand)({ UserPoolId: deps.userPoolId, Username: account }))
        .catch(() => undefined);
      throw error;
    }
  }
  const wait = (deps.minDurationMs ?? 0) - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return SIGN_UP_ANSWER;
}

async function resendCode(account: string, deps: SignUpDeps): Promise<void> {
  // Confirmed accounts make Cognito refuse (InvalidParameter); cognito-local has no such API. Either way: silence.
  await deps.cognito
    .send(new (cognitoSdk().ResendConfirmationCodeCommand)({ ClientId: deps.clientId, Username: account }))
    .catch(() => undefined);
}

/** provisionTenant with a unique slug: the plain one first, then suffixed ones. */
async function createTenantFor(
  owner: { id: string; email: string; name: string },
  tenantName: string,
  deps: SignUpDeps,
): Promise<{ tenantId: string; slug: string }> {
  const newId = deps.newId ?? uuidv7;
  const base = slugFromName(tenantName);
  for (let attempt = 1; ; attempt++) {
    const tenantId = newId();
    const slug = attempt === 1 ? base : withRandomSuffix(base);
    try {
      await deps.transaction({ tenantId, userId: owner.id }, (tx: Tx) =>
        provisionTenant(tx, { id: tenantId, name: tenantName, slug, owner }, newId),
      );
      return { tenantId, slug };
    } catch (error) {
      if (attempt < SLUG_ATTEMPTS && isSlugTaken(error)) continue;
      throw error;
    }
  }
}

function isSlugTaken(error: unknown): boolean {
  if (sqlState(error) !== UNIQUE_VIOLATION) return false;
  const { constraint, detail } = error as { constraint?: string; detail?: string };
  return /slug/.test(constraint ?? '') || /\(slug\)/.test(detail ?? '');
}
