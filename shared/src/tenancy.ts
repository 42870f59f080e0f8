import type { Tx } from './db/transaction';

/**
 * Platform facts other products may ask about inside their own tenant
 * transaction. They read the platform schema, which belongs to the kernel;
 * products never read each other's schemas.
 */
export async function isActiveMember(tx: Tx, userId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `select 1 from platform.memberships
      where tenant_id = platform.current_tenant_id() and user_id = $1 and status = 'active'`,
    [userId],
  );
  return (rowCount ?? 0) > 0;
}

/** Whether the user has, or had, a membership in the current tenant (any status). */
export async function hasMembership(tx: Tx, userId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from platform.memberships where tenant_id = platform.current_tenant_id() and user_id = $1',
    [userId],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * The active Owners of the current tenant, their memberships locked (FOR
 * UPDATE) to the end of the transaction, so two concurrent demotions or
 * suspensions cannot both pass a last-Owner check.
 */
export async function activeOwnerIds(tx: Tx): Promise<string[]> {
  const { rows } = await tx.query<{ user_id: string }>(
    `select mr.user_id
       from platform.member_roles mr
       join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id and r.system and r.key = 'owner'
       join platform.memberships m on m.tenant_id = mr.tenant_id and m.user_id = mr.user_id and m.status = 'active'
      where mr.tenant_id = platform.current_tenant_id()
      for update of m`,
  );
  return rows.map((row) => row.user_id);
}

/**
 * Sets a membership's status in the current tenant. Suspension is
 * membership-level: the authorizer grants only active members, so once the
 * caller bumps the RBAC version (audit.ts `bumpRbacVersion`, same
 * transaction) the person's requests to this tenant are refused within about
 * 2 s, and their other tenants are untouched. Used by the platform's member
 * API and by products whose facts end access (a Qultrix termination).
 */
export async function setMembershipStatus(
  tx: Tx,
  userId: string,
  status: 'active' | 'suspended',
): Promise<void> {
  await tx.query(
    `update platform.memberships set status = $2, updated_at = now()
      where tenant_id = platform.current_tenant_id() and user_id = $1`,
    [userId, status],
  );
}

export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
}

/**
 * The tenants a user belongs to. Row-level security keeps tenants and
 * memberships to the current tenant; the one way across is
 * platform.my_tenants() (platform/0007), which returns the transaction's own
 * user's active memberships, so the transaction must be that user's.
 */
export async function tenantsOfUser(tx: Tx, userId: string): Promise<TenantSummary[]> {
  const { rows } = await tx.query<TenantSummary>(
    `select id, name, slug from platform.my_tenants()
      where platform.current_user_id() = $1::uuid
      order by name, id`,
    [userId],
  );
  return rows;
}

export type Tier = 'free' | 'pro' | 'enterprise';

/** What the authorizer needs to know about the current tenant. */
export interface TenantState {
  id: string;
  /** `suspended`: by a platform operator (shared/src/operator.ts); every request of the tenant is refused. */
  status: 'active' | 'disabled' | 'suspended';
  tier: Tier;
  usageKey: string;
  rbacVersion: number;
  /** The current security policy's IP allowlist, when the authorizer loaded it (functions/platform/authorizer). */
  ipAllowlist?: { cidrs: string[]; applyToPeople: boolean };
}

export async function tenantState(tx: Tx): Promise<TenantState | undefined> {
  const { rows } = await tx.query<{
    id: string;
    status: TenantState['status'];
    tier: Tier;
    usage_key: string;
    rbac_version: number;
  }>(
    `select id, status, tier, usage_key, rbac_version from platform.tenants where id = platform.current_tenant_id()`,
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      status: row.status,
      tier: row.tier,
      usageKey: row.usage_key,
      rbacVersion: row.rbac_version,
    }
  );
}

export interface MemberRole {
  id: string;
  key: string;
  name: string;
  system: boolean;
  grants: string[] | null;
}

/** The roles of a user in the current tenant; undefined when they are not an active member. */
export async function memberRoles(tx: Tx, userId: string): Promise<MemberRole[] | undefined> {
  const { rows } = await tx.query<{ status: string; roles: MemberRole[] }>(
    `select m.status,
            coalesce(json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name, 'system', r.system, 'grants', r.grants)
                     order by r.name) filter (where r.id is not null), '[]') as roles
       from platform.memberships m
       left join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
       left join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
      where m.tenant_id = platform.current_tenant_id() and m.user_id = $1
      group by m.status`,
    [userId],
  );
  const row = rows[0];
  if (row?.status !== 'active') return undefined;
  return row.roles;
}
