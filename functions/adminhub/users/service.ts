import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  InvitationResent,
  ListUsersQuery,
  MemberParams,
  SessionParams,
  SessionsEnded,
  User,
  UserPage,
  UserSessionList,
} from './schemas';

const RULES =
  'Nobody acts on themselves, nor on a member holding a role with grants they lack (an Admin cannot act on an Owner); audited.';

/** The managed-account rule (adminhub.manages_account, migration 0008). */
const MANAGED =
  "The account is the person's, shared by every workspace they belong to: 403 `account_not_managed` unless this workspace manages it (they belong to no other workspace, or their email domain is one of its verified domains; the directory's `accountManaged`).";

/**
 * User administration: the tenant's member directory (status, last sign-in,
 * MFA, roles, linked employee) and what an administrator does to one member:
 * disable and enable, force a password reset, reset MFA, resend or revoke an
 * invitation, list and end sign-in sessions. Members, roles and sessions are
 * the platform's records (shared/src/tenancy.ts, sessions.ts); this is their
 * console. Bulk jobs and CSV import are the bulk-jobs and user-import
 * capabilities, under the same two permissions.
 */
export const usersService = defineService({
  product: 'adminhub',
  capability: 'users',
  description:
    'The member directory, member actions (disable, password and MFA reset, invitations) and sessions.',
  resources: { database: true, cognito: true, tables: ['idempotency', 'revocations'] },
  permissions: [
    { name: 'adminhub:user:read', description: 'See the member directory, sessions and bulk jobs.' },
    {
      name: 'adminhub:user:write',
      description:
        'Disable and enable members, force password and MFA resets, manage invitations, end sessions, run bulk jobs and imports.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listUsers',
      method: 'GET',
      path: '/v1/adminhub/users',
      permission: 'adminhub:user:read',
      summary: 'The member directory',
      description:
        'By email, a page at a time. Status: `disabled` (membership suspended), `invited` (has not signed in yet), `locked` (the sign-in lock after repeated failures, 15 minutes), else `active`.',
      query: ListUsersQuery,
      response: UserPage,
    }),
    defineRoute({
      operationId: 'getUser',
      method: 'GET',
      path: '/v1/adminhub/users/{memberId}',
      permission: 'adminhub:user:read',
      summary: 'One member',
      description: 'Someone who is not a member of this tenant is a 404.',
      params: MemberParams,
      response: User,
    }),
    defineRoute({
      operationId: 'disableUser',
      method: 'POST',
      path: '/v1/adminhub/users/{memberId}/disable',
      permission: 'adminhub:user:write',
      summary: 'Disable a member',
      description: `Suspends the membership (roles kept): their requests here are refused within 5 s. When this workspace manages their account (\`accountManaged\`) their tokens are revoked too; otherwise their other workspaces keep their sessions. The last active Owner cannot be disabled. ${RULES}`,
      params: MemberParams,
      response: User,
    }),
    defineRoute({
      operationId: 'enableUser',
      method: 'POST',
      path: '/v1/adminhub/users/{memberId}/enable',
      permission: 'adminhub:user:write',
      summary: 'Enable a disabled member',
      description: `Reactivates the membership; the member signs in again. ${RULES}`,
      params: MemberParams,
      response: User,
    }),
    defineRoute({
      operationId: 'forceUserPasswordReset',
      method: 'POST',
      path: '/v1/adminhub/users/{memberId}/password-reset',
      permission: 'adminhub:user:write',
      summary: 'Force a password reset',
      description: `Marks the account as needing a new password, ends every session, and emails the member a reset code (the forgot-password flow). ${RULES} ${MANAGED}`,
      params: MemberParams,
      response: User,
    }),
    defineRoute({
      operationId: 'resetUserMfa',
      method: 'POST',
      path: '/v1/adminhub/users/{memberId}/mfa-reset',
      permission: 'adminhub:user:write',
      summary: 'Reset MFA',
      description: `Clears the member's MFA enrolment (they enrol again where MFA is required) and ends every session. ${RULES} ${MANAGED}`,
      params: MemberParams,
      response: User,
    }),
    defineRoute({
      operationId: 'resendUserInvitation',
      method: 'POST',
      path: '/v1/adminhub/users/{memberId}/invitation/resend',
      permission: 'adminhub:user:write',
      summary: 'Resend an invitation',
      description:
        'Only for a member who has not signed in yet (409 otherwise); Cognito emails a new temporary password.',
      params: MemberParams,
      response: InvitationResent,
    }),
    defineRoute({
      operationId: 'revokeUserInvitation',
      method: 'DELETE',
      path: '/v1/adminhub/users/{memberId}/invitation',
      permission: 'adminhub:user:write',
      summary: 'Revoke an invitation',
      description: `Removes the membership of someone who has not signed in yet (409 otherwise). ${RULES}`,
      params: MemberParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listUserSessions',
      method: 'GET',
      path: '/v1/adminhub/users/{memberId}/sessions',
      permission: 'adminhub:user:read',
      summary: "A member's open sign-in sessions",
      description: 'Newest first: device, IP, country, first and last seen.',
      params: MemberParams,
      response: UserSessionList,
    }),
    defineRoute({
      operationId: 'endUserSession',
      method: 'DELETE',
      path: '/v1/adminhub/users/{memberId}/sessions/{sessionId}',
      permission: 'adminhub:user:write',
      summary: 'Sign a member out of one session',
      description: `Its refresh token stops working and its access tokens are refused within seconds. An unknown or ended session is a 404. ${RULES} ${MANAGED}`,
      params: SessionParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'endUserSessions',
      method: 'DELETE',
      path: '/v1/adminhub/users/{memberId}/sessions',
      permission: 'adminhub:user:write',
      summary: 'Sign a member out everywhere',
      description: `Every session ends: refresh tokens fail, access tokens issued so far are refused within seconds. ${RULES} ${MANAGED}`,
      params: MemberParams,
      response: SessionsEnded,
    }),
  ],
  // The directory's linked employee: a projection of Qultrix's employee events (link-employee.ts).
  subscriptions: [
    {
      name: 'link-employee',
      pattern: { source: ['halooid.qultrix'], 'detail-type': ['employee.created', 'employee.updated'] },
      handler: 'linkEmployee',
    },
    {
      name: 'employee-terminated',
      pattern: { source: ['halooid.qultrix'], 'detail-type': ['employee.terminated'] },
      handler: 'unlinkTerminatedEmployee',
    },
  ],
});
