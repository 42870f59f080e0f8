import type { Tx } from '@halooid/shared/db/transaction';
import type { TimeReportGroup, TimeReportQuery } from './schemas';

/**
 * Report SQL. Only finished, live entries count, by the UTC day they start.
 * Money is computed in numeric (never floats): seconds × rate summed, then
 * divided by 3600 and rounded to cents once per group.
 */
interface Filters extends Omit<TimeReportQuery, 'groupBy'> {
  /** Restricts to these users (a non-approver sees only their own time). */
  userIds?: string[];
}

const GROUPS = {
  project: {
    key: 'e.project_id::text',
    name: "coalesce(max(p.key || ' · ' || p.name), '(no project)')",
    joins: '',
  },
  user: {
    key: 'e.user_id::text',
    name: "coalesce(max(u.name), '(unknown user)')",
    joins: 'left join platform.users u on u.id = e.user_id',
  },
  task: {
    key: 'e.task_id::text',
    name: `coalesce(max(coalesce(p.key, 'TASK') || '-' || t.sequence || ' ' || t.title), '(no task)')`,
    joins: '',
  },
  label: {
    key: 'l.label',
    name: "coalesce(l.label, '(no label)')",
    joins: 'left join lateral unnest(t.labels) as l(label) on true',
  },
} as const;

function whereOf(tenantId: string, filters: Filters) {
  const params: unknown[] = [tenantId, filters.from, filters.to];
  const where = [
    'e.tenant_id = $1',
    'e.deleted_at is null',
    'e.ended_at is not null',
    `e.started_at >= $2::date::timestamp at time zone 'UTC'`,
    `e.started_at < ($3::date + 1)::timestamp at time zone 'UTC'`,
  ];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.userIds) where.push(`e.user_id = any(${bind(filters.userIds)}::uuid[])`);
  if (filters.userId) where.push(`e.user_id = ${bind(filters.userId)}`);
  if (filters.projectId) where.push(`e.project_id = ${bind(filters.projectId)}`);
  if (filters.billable !== undefined) where.push(`e.billable = ${bind(filters.billable)}`);
  return { params, sql: where.join(' and ') };
}

const FROM = `
  from taskodex.time_entries e
  left join taskodex.projects p on p.tenant_id = e.tenant_id and p.id = e.project_id
  left join taskodex.tasks t on t.tenant_id = e.tenant_id and t.id = e.task_id`;

const MEASURES = `
  coalesce(sum(e.duration_seconds), 0)::bigint::text as total_seconds,
  coalesce(sum(e.duration_seconds) filter (where e.billable), 0)::bigint::text as billable_seconds,
  to_char(round(coalesce(sum(e.duration_seconds * coalesce(p.hourly_rate, 0)) filter (where e.billable), 0) / 3600, 2), 'FM9999999999990.00') as billable_amount,
  count(*)::int as entry_count`;

interface MeasureRow {
  total_seconds: string;
  billable_seconds: string;
  billable_amount: string;
  entry_count: number;
}

const measures = (row: MeasureRow) => ({
  totalSeconds: Number(row.total_seconds),
  billableSeconds: Number(row.billable_seconds),
  billableAmount: row.billable_amount,
  entryCount: row.entry_count,
});

export async function reportGroups(
  tx: Tx,
  tenantId: string,
  groupBy: TimeReportQuery['groupBy'],
  filters: Filters,
): Promise<TimeReportGroup[]> {
  const group = GROUPS[groupBy];
  const where = whereOf(tenantId, filters);
  const { rows } = await tx.query<MeasureRow & { key: string | null; name: string }>(
    `select ${group.key} as key, ${group.name} as name, ${MEASURES}
       ${FROM} ${group.joins}
      where ${where.sql}
      group by ${group.key}
      order by sum(e.duration_seconds) desc, name, key`,
    where.params,
  );
  return rows.map((row) => ({ id: row.key, name: row.name, ...measures(row) }));
}

export async function reportTotals(tx: Tx, tenantId: string, filters: Filters) {
  const where = whereOf(tenantId, filters);
  const { rows } = await tx.query<MeasureRow>(`select ${MEASURES} ${FROM} where ${where.sql}`, where.params);
  return measures(rows[0] as MeasureRow);
}
