import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type AuditActor, bumpRbacVersion, recordAudit } from './audit';
import { cognitoSdk } from './auth/cognito-client';
import { sqlState, UNIQUE_VIOLATION } from './db/errors';
import type { TenantScope, Tx } from './db/transaction';
import { BusinessRuleError, ConflictError, ValidationError } from './errors';
import { currentSecurityPolicy, invitationDomainAllowed } from './security-policy';

/**
 * The one way someone is invited into a tenant, for the platform's member
 * API and AdminHub's CSV import alike: the Cognito account is found or
 * created first (Cognito emails a new person a temporary password); then, in
 * one tenant transaction, the tenant's invitation rules (allowed email
 * domains), the membership, its roles, the RBAC version and the audit record
 * are written together. A failed transaction leaves at most an unused
 * Cognito account, which the next invitation reuses. Who may hand out which
 * roles is the caller's rule (functions/role-guards.ts), given as `checkRoles`.
 */
export interface InvitationRole {
  id: string;
  key: string;
  name: string;
  system: boolean;
  grants: string[] | null;
}

export interface InvitationInput {
  email: string;
  name?: string | undefined;
  roleIds: readonly string[];
}

export interface InvitationDeps {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  transaction: <T>(scope: TenantScope, work: (tx: Tx) => Promise<T>) => Promise<T>;
  scope: TenantScope;
  actor: AuditActor;
  /** Throws when the caller may not assign these roles. */
  checkRoles: (roles: readonly InvitationRole[]) => void;
  /** Added to the audit record's details (an import's job and line, say). */
  auditDetails?: Record<string, unknown>;
}

/** The roles by id in the current tenant; a 400 naming the unknown ones. */
export async function invitationRoles(tx: Tx, roleIds: readonly string[]): Promise<InvitationRole[]> {
  const { rows } = await tx.query<InvitationRole>(
    `select id, key, name, system, grants from platform.roles
      where tenant_id = platform.current_tenant_id() and id = any($1::uuid[])`,
    [roleIds],
  );
  const missing = roleIds.filter((id) => !rows.some((role) => role.id === id));
  if (missing.length > 0) {
    throw new ValidationError('Some roles do not exist in this tenant.', [
      { field: 'body.roleIds', message: `Unknown role ids: ${missing.join(', ')}.`, code: 'unknown_role' },
    ]);
  }
  return rows;
}

/** 422 when the tenant's security policy does not allow invitations to this email's domain. */
export async function assertInvitationAllowed(tx: Tx, email: string): Promise<void> {
  const { policy } = await currentSecurityPolicy(tx);
  if (!invitationDomainAllowed(policy, email)) {
    throw new BusinessRuleError(
      'domain_not_allowed',
      `Invitations to ${email.split('@').pop()} are not allowed by this workspace's security policy.`,
    );
  }
}

/** Whether a member of the current tenant already has this email. */
export async function memberWithEmail(tx: Tx, email: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select u.id from platform.users u
       join platform.memberships m on m.user_id = u.id and m.tenant_id = platform.current_tenant_id()
      where lower(u.email) = lower($1)`,
    [email],
  );
  return rows[0]?.id;
}

/**
 * Invites by email; resolves to the invitee's user id once the membership
 * is committed. `then` runs in the same transaction (the caller's read-back).
 */
export async function inviteToTenant<T>(
  input: InvitationInput,
  deps: InvitationDeps,
  then: (tx: Tx, userId: string) => Promise<T>,
): Promise<T> {
  const email = input.email.toLowerCase();
  // The tenant's rules first, so a refused domain creates no Cognito account.
  await deps.transaction(deps.scope, async (tx) => {
    await assertInvitationAllowed(tx, email);
    deps.checkRoles(await invitationRoles(tx, input.roleIds));
  });
  const { sub, created } = await ensureCognitoUser(deps, email, input.name);
  return deps.transaction(deps.scope, async (tx) => {
    await assertInvitationAllowed(tx, email);
    const roles = await invitationRoles(tx, input.roleIds);
    deps.checkRoles(roles);
    if (await isMemberOfTenant(tx, sub))
      throw new ConflictError(`${email} is already a member of this tenant.`, 'already_member');
    await ensureUserRow(tx, { id: sub, email, name: input.name ?? email.split('@')[0] ?? email });
    await tx.query(
      `insert into platform.memberships (tenant_id, user_id) values (platform.current_tenant_id(), $1)`,
      [sub],
    );
    await tx.query(
      `insert into platform.member_roles (tenant_id, user_id, role_id)
       select platform.current_tenant_id(), $1, unnest($2::uuid[])`,
      [sub, input.roleIds],
    );
    await bumpRbacVersion(tx);
    await recordAudit(tx, deps.actor, {
      action: 'member.invited',
      targetType: 'user',
      targetId: sub,
      details: { email, roles: roles.map((role) => role.key), newAccount: created, ...deps.auditDetails },
    });
    return then(tx, sub);
  });
}

async function isMemberOfTenant(tx: Tx, userId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from platform.memberships where tenant_id = platform.current_tenant_id() and user_id = $1',
    [userId],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Creates the platform row of an invitee unless it exists. The row of a user
 * from another tenant is invisible here (RLS), and ON CONFLICT would need to
 * see it, so a plain insert runs under a savepoint and a duplicate is ignored.
 */
async function ensureUserRow(tx: Tx, user: { id: string; email: string; name: string }): Promise<void> {
  await tx.query('savepoint ensure_user');
  try {
    await tx.query('insert into platform.users (id, email, name) values ($1, $2, $3)', [
      user.id,
      user.email,
      user.name,
    ]);
    await tx.query('release savepoint ensure_user');
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    await tx.query('rollback to savepoint ensure_user');
  }
}

async function ensureCognitoUser(
  deps: Pick<InvitationDeps, 'cognito' | 'userPoolId'>,
  email: string,
  name: string | undefined,
) {
  try {
    const existing = await deps.cognito.send(
      new (cognitoSdk().AdminGetUserCommand)({ UserPoolId: deps.userPoolId, Username: email }),
    );
    const sub = existing.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    if (sub) return { sub, created: false };
  } catch (error) {
    if ((error as Error).name !== 'UserNotFoundException') throw error;
  }
  const created = await deps.cognito.send(
    new (cognitoSdk().AdminCreateUserCommand)({
      UserPoolId: deps.userPoolId,
      Username: email,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        ...(name ? [{ Name: 'name', Value: name }] : []),
      ],
    }),
  );
  const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito created a user without a sub');
  return { sub, created: true };
}

/**
 * Emails an invitee a new temporary password (Cognito's RESEND). The local
 * stand-in (cognito-local) cannot; it answers Unsupported, and the
 * caller is told nothing was sent rather than failing.
 */
export async function resendInvitation(
  deps: Pick<InvitationDeps, 'cognito' | 'userPoolId'>,
  email: string,
): Promise<boolean> {
  try {
    await deps.cognito.send(
      new (cognitoSdk().AdminCreateUserCommand)({
        UserPoolId: deps.userPoolId,
        Username: email,
        MessageAction: 'RESEND',
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    return true;
  } catch (error) {
    // cognito-local answers `CognitoLocal#Unsupported`, which the SDK names `Unsupported`.
    if ((error as Error).name.includes('Unsupported')) return false;
    throw error;
  }
}
