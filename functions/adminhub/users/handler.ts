import { getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import type { InTenant, RequestDeps } from '@halooid/shared/http/request-deps';
import { resendInvitation } from '@halooid/shared/invitations';
import type { Logger } from '@halooid/shared/observability';
import { pendingRevocations } from '../domain/members-revocations';
import { type CognitoAccountDeps, disableCognitoMfa, sendPasswordResetCode } from './cognito-account';
import type { UserActionDeps } from './deps';
import { endUserSessions } from './end-user-sessions';
import { forcePasswordReset } from './force-password-reset';
import { getUser } from './get-user';
import { listUserSessions } from './list-user-sessions';
import { listUsers } from './list-users';
import { recordInvitationResent, revokeInvitation } from './manage-invitation';
import { resetMfa } from './reset-mfa';
import { usersService } from './service';
import { setUserAccess } from './set-user-access';

const config = requireKeys(getConfig(), ['COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID']);

/** Created on first use: only the account actions call Cognito (cold start). */
const cognitoDeps = (logger: Logger): CognitoAccountDeps => ({
  cognito: getCognitoClient(),
  userPoolId: config.COGNITO_USER_POOL_ID,
  clientId: config.COGNITO_CLIENT_ID,
  local: Boolean(getConfig().COGNITO_ENDPOINT),
  logger,
});

/**
 * Runs a member action in the caller's tenant and writes the token
 * revocations it collected once the transaction has committed
 * (domain/members-revocations.ts).
 */
async function withRevocations<T>(
  inTenant: InTenant,
  work: (deps: UserActionDeps) => Promise<T>,
): Promise<T> {
  const pending = pendingRevocations();
  const result = await inTenant((deps: RequestDeps) => work({ ...deps, revocations: pending.store }));
  await pending.flush();
  return result;
}

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(usersService, {
  listUsers: async ({ query, inTenant }) => ({ body: await inTenant((deps) => listUsers(query, deps)) }),
  getUser: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getUser(params.memberId, deps)),
  }),
  disableUser: async ({ params, inTenant }) => ({
    body: await withRevocations(inTenant, (deps) => setUserAccess(params.memberId, 'disable', deps)),
  }),
  enableUser: async ({ params, inTenant }) => ({
    body: await withRevocations(inTenant, (deps) => setUserAccess(params.memberId, 'enable', deps)),
  }),
  forceUserPasswordReset: async ({ params, inTenant, logger }) => {
    const member = await withRevocations(inTenant, (deps) => forcePasswordReset(params.memberId, deps));
    await sendPasswordResetCode(member.email, cognitoDeps(logger));
    return { body: member };
  },
  resetUserMfa: async ({ params, inTenant, logger }) => {
    const member = await withRevocations(inTenant, (deps) => resetMfa(params.memberId, deps));
    await disableCognitoMfa(member.email, cognitoDeps(logger));
    return { body: member };
  },
  resendUserInvitation: async ({ params, inTenant, logger }) => {
    const member = await inTenant((deps) => recordInvitationResent(params.memberId, deps));
    const sent = await resendInvitation(cognitoDeps(logger), member.email);
    return { body: { memberId: member.memberId, email: member.email, sent } };
  },
  revokeUserInvitation: async ({ params, inTenant }) => {
    await withRevocations(inTenant, (deps) => revokeInvitation(params.memberId, deps));
    return { body: undefined };
  },
  listUserSessions: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => listUserSessions(params.memberId, deps)),
  }),
  endUserSession: async ({ params, inTenant }) => {
    await withRevocations(inTenant, (deps) => endUserSessions(params.memberId, params.sessionId, deps));
    return { body: undefined };
  },
  endUserSessions: async ({ params, inTenant }) => ({
    body: await withRevocations(inTenant, (deps) => endUserSessions(params.memberId, undefined, deps)),
  }),
});
