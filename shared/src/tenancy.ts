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

export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
}

/** The tenants a user belongs to (RLS lets a user see their own memberships across tenants). */
export async function tenantsOfUser(tx: Tx, userId: string): Promise<TenantSummary[]> {
  const { rows } = await tx.query<TenantSummary>(
    `select t.id, t.name, t.slug
       from platform.memberships m join platform.tenants t on t.id = m.tenant_id
      where m.user_id = $1 and m.status = 'active'
      order by t.name, t.id`,
    [userId],
  );
  return rows;
}

/** Grants of a user's roles in the current tenant; undefined when they are not an active member. */
export async function grantsInTenant(tx: Tx, userId: string): Promise<string[] | undefined> {
  const { rows } = await tx.query<{ grants: string[] | null; status: string }>(
    `select m.status, array_agg(distinct g) filter (where g is not null) as grants
       from platform.memberships m
       left join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
       left join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
       left join lateral unnest(r.grants) as g on true
      where m.tenant_id = platform.current_tenant_id() and m.user_id = $1
      group by m.status`,
    [userId],
  );
  const row = rows[0];
  if (row?.status !== 'active') return undefined;
  return row.grants ?? [];
}
