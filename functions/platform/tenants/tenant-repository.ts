import type { Tx } from '@halooid/shared/db/transaction';
import { type Member, PRODUCTS, type Tenant, type UpdateTenantInput } from './schemas';

interface TenantRow {
  id: string;
  name: string;
  slug: string;
  tier: Tenant['tier'];
  status: Tenant['status'];
  settings: Record<string, unknown>;
  /** May hold keys of products that do not exist (yet): see PRODUCTS. */
  enabled_products: string[];
  created_at: Date;
  updated_at: Date;
}

export async function findCurrentTenant(tx: Tx): Promise<Tenant | undefined> {
  const { rows } = await tx.query<TenantRow>(
    `select id, name, slug, tier, status, settings, enabled_products, created_at, updated_at
       from platform.tenants where id = platform.current_tenant_id()`,
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      name: row.name,
      slug: row.slug,
      tier: row.tier,
      status: row.status,
      settings: row.settings,
      enabledProducts: row.enabled_products.filter((key) => PRODUCTS.includes(key)),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }
  );
}

/**
 * What a tenant may change about itself; never the tier (setCurrentTenantTier,
 * billing's). A new `enabledProducts` replaces the known products only:
 * stored keys of products that do not exist yet are not the caller's to drop.
 */
export async function updateCurrentTenant(tx: Tx, changes: Omit<UpdateTenantInput, 'tier'>): Promise<void> {
  await tx.query(
    `update platform.tenants
        set name = coalesce($1, name), settings = coalesce($2, settings),
            enabled_products = coalesce(
              $3::text[] || array(select p from unnest(enabled_products) p where p <> all($4::text[])),
              enabled_products),
            updated_at = now()
      where id = platform.current_tenant_id()`,
    [changes.name ?? null, changes.settings ?? null, changes.enabledProducts ?? null, PRODUCTS],
  );
}

export async function setCurrentTenantTier(tx: Tx, tier: Tenant['tier']): Promise<void> {
  await tx.query(
    'update platform.tenants set tier = $1, updated_at = now() where id = platform.current_tenant_id()',
    [tier],
  );
}

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  status: Member['status'];
  created_at: Date;
  roles: Member['roles'];
  __sort0: string;
  __sort1: string;
}

const MEMBER_SELECT = `select m.user_id, u.email, u.name, m.status, m.created_at,
    coalesce(json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name) order by r.name)
             filter (where r.id is not null), '[]') as roles
  from platform.memberships m
  join platform.users u on u.id = m.user_id
  left join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
  left join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id`;

function toMember(row: MemberRow): Member {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    status: row.status,
    roles: row.roles,
    joinedAt: row.created_at.toISOString(),
  };
}

export async function findMember(tx: Tx, userId: string): Promise<Member | undefined> {
  const { rows } = await tx.query<MemberRow>(
    `${MEMBER_SELECT} where m.tenant_id = platform.current_tenant_id() and m.user_id = $1
      group by m.user_id, u.email, u.name, m.status, m.created_at`,
    [userId],
  );
  return rows[0] && toMember(rows[0]);
}

/** Members by email then id; `after` is the previous page's last (email, id). */
export async function listMembers(tx: Tx, limit: number, after?: { email: string; userId: string }) {
  const { rows } = await tx.query<MemberRow>(
    `${MEMBER_SELECT}
      where m.tenant_id = platform.current_tenant_id()
        and ($1::text is null or (lower(u.email), m.user_id) > ($1::text, $2::uuid))
      group by m.user_id, u.email, u.name, m.status, m.created_at
      order by lower(u.email), m.user_id
      limit $3`,
    [after?.email ?? null, after?.userId ?? null, limit + 1],
  );
  return rows.map(toMember);
}

export async function findUserByEmail(tx: Tx, email: string): Promise<{ id: string } | undefined> {
  // Runs as the platform identity lookup: users of other tenants are invisible
  // to halooid_app, so invitations resolve emails through Cognito instead.
  const { rows } = await tx.query<{ id: string }>(
    'select id from platform.users where lower(email) = lower($1)',
    [email],
  );
  return rows[0];
}

export async function replaceMemberRoles(tx: Tx, userId: string, roleIds: readonly string[]): Promise<void> {
  await tx.query(
    'delete from platform.member_roles where tenant_id = platform.current_tenant_id() and user_id = $1',
    [userId],
  );
  await tx.query(
    `insert into platform.member_roles (tenant_id, user_id, role_id)
     select platform.current_tenant_id(), $1, unnest($2::uuid[])`,
    [userId, roleIds],
  );
}

// Shared with products whose facts end access (shared/src/tenancy.ts).
export { setMembershipStatus as updateMembershipStatus } from '@halooid/shared/tenancy';

export async function deleteMembership(tx: Tx, userId: string): Promise<void> {
  await tx.query(
    'delete from platform.memberships where tenant_id = platform.current_tenant_id() and user_id = $1',
    [userId],
  );
}

/** Active members holding the owner role, locked so two concurrent demotions cannot both pass the last-owner check. */
export { activeOwnerIds as ownerIds } from '@halooid/shared/tenancy';
