import { type Filter, filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { UUID_SOURCE } from '@halooid/shared/ids';
import type { AuditEntry, AuditFilters } from './schemas';

/**
 * SQL over platform.audit_log, the kernel's append-only table every product
 * writes. Reads only (halooid_app has no UPDATE or DELETE on it); every
 * statement filters by tenant_id and RLS is the backstop.
 */
interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string;
  actor_type: string;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  ip: string | null;
  correlation_id: string | null;
  details: Record<string, unknown>;
}

/** Without `from`, free text searches this many days back, so a rare term cannot walk a tenant's whole history. */
export const SEARCH_WINDOW_DAYS = 90;

const SORTS: Record<string, SortColumn> = { occurredAt: { sql: 'a.occurred_at', type: 'timestamptz' } };
const ID_COLUMN: SortColumn = { sql: 'a.id', type: 'uuid' };
const UUID_TEXT = `'^${UUID_SOURCE}$'`;

// A person's name and email beside their id; an API key or the system has none.
// The CASE keeps a non-uuid actor id from reaching the cast.
const SELECT = (sortValues: string) => `select a.id, a.occurred_at, a.actor_id, a.actor_type,
    u.name as actor_name, u.email as actor_email, a.action, a.target_type, a.target_id, a.ip,
    a.correlation_id, a.details, ${sortValues}
  from platform.audit_log a
  left join platform.users u
    on a.actor_type = 'user' and u.id = (case when a.actor_id ~ ${UUID_TEXT} then a.actor_id::uuid end)`;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { id: row.actor_id, type: row.actor_type, name: row.actor_name, email: row.actor_email },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    ip: row.ip,
    correlationId: row.correlation_id,
    details: row.details,
  };
}

/** `_` is a LIKE wildcard an action may contain; `%` and `\` cannot pass the schema. */
function likePrefix(prefix: string): string {
  return `${prefix.replaceAll('_', '\\_')}%`;
}

/** The WHERE of the filters, each value bound (never spliced), each matching an index led by tenant_id. */
export function auditFilter(tenantId: string, filters: AuditFilters, now: Date): Filter {
  const filter = filterOf([tenantId], ['a.tenant_id = $1']);
  if (filters.actor) filter.where.push(`a.actor_id = ${filter.bind(filters.actor)}`);
  if (filters.action?.endsWith('.*'))
    filter.where.push(`a.action like ${filter.bind(likePrefix(filters.action.slice(0, -1)))}`);
  else if (filters.action) filter.where.push(`a.action = ${filter.bind(filters.action)}`);
  if (filters.target) {
    const split = filters.target.indexOf(':');
    const type = split < 0 ? filters.target : filters.target.slice(0, split);
    filter.where.push(`a.target_type = ${filter.bind(type)}`);
    if (split >= 0) filter.where.push(`a.target_id = ${filter.bind(filters.target.slice(split + 1))}`);
  }
  const from =
    filters.from ??
    (filters.q ? new Date(now.getTime() - SEARCH_WINDOW_DAYS * 86_400_000).toISOString() : undefined);
  if (from) filter.where.push(`a.occurred_at >= ${filter.bind(from)}::timestamptz`);
  if (filters.to) filter.where.push(`a.occurred_at < ${filter.bind(filters.to)}::timestamptz`);
  if (filters.q) {
    filter.where.push(
      `strpos(lower(a.action || ' ' || a.target_type || ' ' || coalesce(a.target_id, '') || ' ' || a.details::text),
              lower(${filter.bind(filters.q)})) > 0`,
    );
  }
  return filter;
}

/** Newest first, keyset-paged on (occurred_at, id): page 500 costs what page 1 costs. */
export function selectAuditPage(
  tx: Tx,
  tenantId: string,
  filters: AuditFilters,
  page: { cursor?: string | undefined; limit: number; now: Date },
) {
  return selectPage(tx, auditFilter(tenantId, filters, page.now), {
    select: SELECT,
    terms: parseSort(undefined, SORTS, '-occurredAt', ID_COLUMN),
    cursor: page.cursor,
    limit: page.limit,
    map: (row: AuditRow & Record<string, unknown>) => toEntry(row),
  });
}
