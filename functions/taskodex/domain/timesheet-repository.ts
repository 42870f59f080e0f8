import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';

/** SQL for timesheet weeks. No row means the week is open. */
export type TimesheetStatus = 'open' | 'submitted' | 'approved' | 'rejected';

export interface TimesheetState {
  status: TimesheetStatus;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
}

interface TimesheetRow {
  status: Exclude<TimesheetStatus, 'open'>;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  rejection_reason: string | null;
}

export const OPEN_WEEK: TimesheetState = {
  status: 'open',
  submittedAt: null,
  decidedBy: null,
  decidedAt: null,
  rejectionReason: null,
};

export async function findTimesheet(
  tx: Tx,
  tenantId: string,
  userId: string,
  weekStart: string,
): Promise<TimesheetState> {
  const { rows } = await tx.query<TimesheetRow>(
    `select status, submitted_at, decided_by, decided_at, rejection_reason from taskodex.timesheets
      where tenant_id = $1 and user_id = $2 and week_start = $3`,
    [tenantId, userId, weekStart],
  );
  const row = rows[0];
  if (!row) return OPEN_WEEK;
  return {
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    rejectionReason: row.rejection_reason,
  };
}

/** Submitted and approved weeks freeze their entries; open and rejected ones do not. */
export async function isWeekLocked(
  tx: Tx,
  tenantId: string,
  userId: string,
  weekStart: string,
): Promise<boolean> {
  const { status } = await findTimesheet(tx, tenantId, userId, weekStart);
  return status === 'submitted' || status === 'approved';
}

/** Submits (or resubmits after a rejection): the decision of any earlier round is cleared. */
export async function saveSubmitted(
  tx: Tx,
  tenantId: string,
  userId: string,
  weekStart: string,
): Promise<void> {
  await tx.query(
    `insert into taskodex.timesheets (tenant_id, user_id, week_start, status, submitted_at)
     values ($1, $2, $3, 'submitted', now())
     on conflict (tenant_id, user_id, week_start) do update
       set status = 'submitted', submitted_at = now(), decided_by = null, decided_at = null,
           rejection_reason = null, version = taskodex.timesheets.version + 1`,
    [tenantId, userId, weekStart],
  );
}

export async function saveDecision(
  tx: Tx,
  tenantId: string,
  userId: string,
  weekStart: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; reason: string | null },
): Promise<void> {
  await tx.query(
    `update taskodex.timesheets
        set status = $4, decided_by = $5, decided_at = now(), rejection_reason = $6, version = version + 1
      where tenant_id = $1 and user_id = $2 and week_start = $3`,
    [tenantId, userId, weekStart, decision.status, decision.decidedBy, decision.reason],
  );
}

export interface SubmissionFilters {
  status?: Exclude<TimesheetStatus, 'open'>;
  weekStart?: string;
  userId?: string;
  limit: number;
  cursor?: string;
}

const SUBMISSION_SORTS: Record<string, SortColumn> = {
  weekStart: { sql: 's.week_start', type: 'date' },
};
const USER_TIE_BREAK: SortColumn = { sql: 's.user_id', type: 'uuid' };

/** Timesheets that left the open state, newest week first, with the week's totals (approvers' queue). */
export async function listSubmissions(tx: Tx, tenantId: string, filters: SubmissionFilters) {
  const terms = parseSort('-weekStart', SUBMISSION_SORTS, '-weekStart', USER_TIE_BREAK);
  const filter = filterOf([tenantId], ['s.tenant_id = $1']);
  const { where, bind } = filter;
  if (filters.status) where.push(`s.status = ${bind(filters.status)}`);
  if (filters.weekStart) where.push(`s.week_start = ${bind(filters.weekStart)}::date`);
  if (filters.userId) where.push(`s.user_id = ${bind(filters.userId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) =>
      `select ${sortValues}, s.user_id, s.week_start::text as week_start, s.status, s.submitted_at,
            s.decided_by, s.decided_at, s.rejection_reason,
            coalesce(w.total, 0)::int as total_seconds, coalesce(w.billable, 0)::int as billable_seconds
       from taskodex.timesheets s
       left join lateral (
         select sum(e.duration_seconds) as total, sum(e.duration_seconds) filter (where e.billable) as billable
           from taskodex.time_entries e
          where e.tenant_id = s.tenant_id and e.user_id = s.user_id and e.deleted_at is null
            and e.started_at >= s.week_start::timestamp at time zone 'UTC'
            and e.started_at < (s.week_start + 7)::timestamp at time zone 'UTC'
       ) w on true`,
    terms,
    cursor: filters.cursor,
    limit: filters.limit,
    map: (row: TimesheetRow & Record<string, unknown>) => ({
      userId: row.user_id as string,
      weekStart: row.week_start as string,
      status: row.status,
      submittedAt: row.submitted_at.toISOString(),
      decidedBy: row.decided_by,
      decidedAt: row.decided_at?.toISOString() ?? null,
      rejectionReason: row.rejection_reason,
      totalSeconds: row.total_seconds as number,
      billableSeconds: row.billable_seconds as number,
    }),
  });
}
