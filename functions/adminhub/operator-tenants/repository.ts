import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { ListOperatorTenantsQuery, OperatorTenant } from './schemas';

/**
 * SQL of the operator console over platform.tenants, run as halooid_operator
 * (platform/0011): every tenant's console columns are readable; writes reach
 * only the tenant the transaction is pointed at (OperatorDeps.actOn).
 */
interface TenantRow {
  id: string;
  name: string;
  slug: string;
  tier: OperatorTenant['tier'];
  status: OperatorTenant['status'];
  members: number;
  requests_today: number;
  errors_today: number;
  suspended_at: Date | null;
  suspended_reason: string | null;
  enabled_products: string[];
  created_at: Date;
  updated_at: Date;
}

/**
 * Active members and today's traffic beside each tenant. Usage is summed from
 * platform.request_usage's hourly rows since 00:00 UTC (tenant-leading key).
 */
const SELECT = `select t.id, t.name, t.slug, t.tier, t.status, t.suspended_at, t.suspended_reason,
       t.enabled_products, t.created_at, t.updated_at,
       (select count(*)::int from platform.memberships m
         where m.tenant_id = t.id and m.status = 'active') as members,
       coalesce(u.requests, 0)::int as requests_today, coalesce(u.errors, 0)::int as errors_today`;
const FROM = `from platform.tenants t
  left join lateral (
    select sum(r.requests) as requests, sum(r.errors) as errors from platform.request_usage r
     where r.tenant_id = t.id and r.hour >= date_trunc('day', now() at time zone 'utc') at time zone 'utc'
  ) u on true`;

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 't.created_at', type: 'timestamptz' } };
const ID = { sql: 't.id', type: 'uuid' } as const;

function toTenant(row: TenantRow): OperatorTenant {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    tier: row.tier,
    status: row.status,
    members: row.members,
    usageToday: { requests: row.requests_today, errors: row.errors_today },
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    suspendedReason: row.suspended_reason,
    enabledProducts: row.enabled_products,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Newest first, keyset-paged; filters by status and tier, a search over name and slug. */
export async function selectTenants(tx: Tx, query: ListOperatorTenantsQuery) {
  const filter = filterOf([], ['true']);
  if (query.status) filter.where.push(`t.status = ${filter.bind(query.status)}`);
  if (query.tier) filter.where.push(`t.tier = ${filter.bind(query.tier)}`);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) {
    const q = filter.bind(query.q);
    filter.where.push(`(strpos(lower(t.name), lower(${q})) > 0 or strpos(t.slug, lower(${q})) > 0)`);
  }
  return selectPage(tx, filter, {
    select: (sortValues) => `${SELECT}, ${sortValues} ${FROM}`,
    terms: parseSort(undefined, SORTS, '-createdAt', ID),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: TenantRow & Record<string, unknown>) => toTenant(row),
  });
}

export async function selectTenant(tx: Tx, tenantId: string): Promise<OperatorTenant | undefined> {
  const { rows } = await tx.query<TenantRow>(`${SELECT} ${FROM} where t.id = $1`, [tenantId]);
  return rows[0] ? toTenant(rows[0]) : undefined;
}

/** Locks the tenant's row for the change (two operators acting at once serialize). */
export async function lockTenant(
  tx: Tx,
  tenantId: string,
): Promise<Pick<OperatorTenant, 'status' | 'tier'> | undefined> {
  const { rows } = await tx.query<Pick<TenantRow, 'status' | 'tier'>>(
    'select status, tier from platform.tenants where id = $1 for update',
    [tenantId],
  );
  return rows[0];
}

export async function setSuspension(tx: Tx, tenantId: string, reason: string | null): Promise<void> {
  await tx.query(
    `update platform.tenants
        set status = case when $2::text is null then 'active' else 'suspended' end,
            suspended_at = case when $2::text is null then null else now() end,
            suspended_reason = $2, updated_at = now()
      where id = $1`,
    [tenantId, reason],
  );
}

export async function setTier(tx: Tx, tenantId: string, tier: OperatorTenant['tier']): Promise<void> {
  await tx.query('update platform.tenants set tier = $2, updated_at = now() where id = $1', [tenantId, tier]);
}
