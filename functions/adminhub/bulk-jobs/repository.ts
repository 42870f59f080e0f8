import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { BulkAction, BulkJob, BulkJobResult, BulkJobSummary } from './schemas';

/** SQL for adminhub.bulk_jobs and bulk_job_results; every statement filters by tenant (RLS is the backstop). */
interface JobRow {
  id: string;
  action: BulkAction;
  role_id: string | null;
  selection: Record<string, unknown>;
  status: BulkJobSummary['status'];
  total: number;
  succeeded: number;
  skipped: number;
  failed: number;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS =
  'id, action, role_id, selection, status, total, succeeded, skipped, failed, created_by, created_at, finished_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function toSummary(row: JobRow): BulkJobSummary {
  return {
    id: row.id,
    action: row.action,
    roleId: row.role_id,
    selection: row.selection,
    status: row.status,
    total: row.total,
    succeeded: row.succeeded,
    skipped: row.skipped,
    failed: row.failed,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export async function insertJob(
  tx: Tx,
  job: { id: string; action: BulkAction; roleId: string | null; selection: unknown; createdBy: string },
): Promise<void> {
  await tx.query(
    `insert into adminhub.bulk_jobs (tenant_id, id, action, role_id, selection, created_by)
     values (platform.current_tenant_id(), $1, $2, $3, $4, $5)`,
    [job.id, job.action, job.roleId, JSON.stringify(job.selection), job.createdBy],
  );
}

/** Writes every result and the job's counts at once, marking it completed. */
export async function completeJob(tx: Tx, jobId: string, results: readonly BulkJobResult[]): Promise<void> {
  if (results.length > 0) {
    await tx.query(
      `insert into adminhub.bulk_job_results (tenant_id, job_id, user_id, email, outcome, reason)
       select platform.current_tenant_id(), $1, r.user_id, r.email, r.outcome, r.reason
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) as r (user_id, email, outcome, reason)`,
      [
        jobId,
        results.map((result) => result.memberId),
        results.map((result) => result.email),
        results.map((result) => result.outcome),
        results.map((result) => result.reason),
      ],
    );
  }
  const count = (outcome: BulkJobResult['outcome']) =>
    results.filter((result) => result.outcome === outcome).length;
  await tx.query(
    `update adminhub.bulk_jobs
        set status = 'completed', total = $2, succeeded = $3, skipped = $4, failed = $5, finished_at = now()
      where tenant_id = platform.current_tenant_id() and id = $1`,
    [jobId, results.length, count('ok'), count('skipped'), count('failed')],
  );
}

export async function selectJob(tx: Tx, jobId: string): Promise<BulkJob | undefined> {
  const { rows } = await tx.query<JobRow>(
    `select ${COLUMNS} from adminhub.bulk_jobs where tenant_id = platform.current_tenant_id() and id = $1`,
    [jobId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const results = await tx.query<{
    user_id: string;
    email: string;
    outcome: BulkJobResult['outcome'];
    reason: string | null;
  }>(
    `select user_id, email, outcome, reason from adminhub.bulk_job_results
      where tenant_id = platform.current_tenant_id() and job_id = $1
      order by lower(email), user_id`,
    [jobId],
  );
  return {
    ...toSummary(row),
    results: results.rows.map((result) => ({
      memberId: result.user_id,
      email: result.email,
      outcome: result.outcome,
      reason: result.reason,
    })),
  };
}

/** Newest first, keyset-paged. */
export function selectJobs(tx: Tx, page: { cursor?: string | undefined; limit: number }) {
  return selectPage(tx, filterOf([], ['tenant_id = platform.current_tenant_id()']), {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from adminhub.bulk_jobs`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: page.cursor,
    limit: page.limit,
    map: (row: JobRow & Record<string, unknown>) => toSummary(row),
  });
}
