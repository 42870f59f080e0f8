import type { TaskDeps } from './task-rules';
import type { Task, TaskResult, TaskWarning } from './task-schemas';

/**
 * The answer of a task write, with an `assignee_away` warning when the
 * assignee is away (taskodex.member_absences, fed by Qultrix's approved time
 * off) on the due date. Create and change both call it; a change warns only
 * when it set the assignee or the due date, so editing the title of a task
 * already known to clash does not warn again (and a board move never does).
 * One read, and only when both are set; the write itself is never refused.
 */
export async function withAwayWarning(
  task: Task,
  deps: Pick<TaskDeps, 'tx' | 'principal'>,
  before?: Task,
): Promise<TaskResult> {
  if (!task.assigneeId || !task.dueDate) return task;
  if (before && before.assigneeId === task.assigneeId && before.dueDate === task.dueDate) return task;
  const { rows } = await deps.tx.query<{ from: string; to: string }>(
    `select start_date::text as "from", end_date::text as "to" from taskodex.member_absences
      where tenant_id = $1 and user_id = $2 and start_date <= $3 and end_date >= $3
      order by start_date, source_id limit 1`,
    [deps.principal.tenantId, task.assigneeId, task.dueDate],
  );
  const absence = rows[0];
  if (!absence) return task;
  const warning: TaskWarning = {
    code: 'assignee_away',
    message: `The assignee is away from ${absence.from} to ${absence.to}, which includes the due date ${task.dueDate}.`,
    userId: task.assigneeId,
    from: absence.from,
    to: absence.to,
  };
  return { ...task, warnings: [warning] };
}
