import type { Tx } from '@halooid/shared/db/transaction';
import { type EventRecorder, SYSTEM_ACTOR, withTenantEvents } from '@halooid/shared/events/outbox';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { createLogger } from '@halooid/shared/observability';
import { taskodexEvents } from '../events';

const logger = createLogger('taskodex-due-soon');

/** The calendar day after `now`, in UTC (the platform has no per-tenant time zone yet). */
export function tomorrowOf(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** Tenants with at least one open, assigned task due on `day`: the only cross-tenant read, on ids and dates alone. */
async function tenantsWithTasksDue(tx: Tx, day: string): Promise<string[]> {
  const { rows } = await tx.query<{ tenant_id: string }>(
    `select distinct tenant_id from taskodex.tasks
      where due_date = $1 and deleted_at is null and completed_at is null and assignee_id is not null`,
    [day],
  );
  return rows.map((row) => row.tenant_id);
}

/**
 * Within one tenant: claims a notice per open assigned task due on `day`
 * (insert … on conflict do nothing, so only the first run for a task and
 * date gets a row back) and records `task.due_soon` for each claimed one, in
 * the same transaction. Cancelled tasks are not "due".
 */
export async function noticeTasksDue(
  tx: Tx,
  events: EventRecorder,
  tenantId: string,
  day: string,
): Promise<number> {
  const { rows } = await tx.query<{ id: string; identifier: string; title: string; assignee_id: string }>(
    `with due as (
       select t.id, t.title, t.assignee_id,
              coalesce((select p.key from taskodex.projects p where p.tenant_id = t.tenant_id and p.id = t.project_id), 'TASK')
                || '-' || t.sequence as identifier
         from taskodex.tasks t
        where t.tenant_id = $1 and t.due_date = $2 and t.deleted_at is null and t.completed_at is null
          and t.assignee_id is not null and t.status_group <> 'cancelled'),
     claimed as (
       insert into taskodex.due_soon_notices (tenant_id, task_id, due_date)
       select $1, id, $2::date from due
       on conflict do nothing
       returning task_id)
     select due.id, due.identifier, due.title, due.assignee_id from due join claimed on claimed.task_id = due.id
      order by due.identifier`,
    [tenantId, day],
  );
  for (const row of rows)
    await events.record(taskodexEvents, 'task.due_soon', {
      taskId: row.id,
      title: row.title,
      identifier: row.identifier,
      assigneeId: row.assignee_id,
      dueDate: day,
    });
  return rows.length;
}

/**
 * The daily job: every tenant's assignees hear once about their tasks due
 * tomorrow. Each tenant runs in its own transaction, so one tenant's failure
 * neither blocks nor undoes the others; a rerun only picks up what is left.
 */
export async function runDueSoon(
  options: { now?: Date } = {},
): Promise<{ tenants: number; notified: number }> {
  const day = tomorrowOf(options.now ?? new Date());
  const tenants = await withWorkerTransaction((tx) => tenantsWithTasksDue(tx, day));
  let notified = 0;
  for (const tenantId of tenants) {
    try {
      notified += await withTenantEvents({ tenantId, actor: SYSTEM_ACTOR }, (tx, events) =>
        noticeTasksDue(tx, events, tenantId, day),
      );
    } catch (error) {
      logger.error('Due-soon notices failed for a tenant; the next run retries it', {
        tenantId,
        error: error as Error,
      });
    }
  }
  logger.info('Due-soon notices sent', { day, tenants: tenants.length, notified });
  return { tenants: tenants.length, notified };
}
