import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError, ValidationError } from '@halooid/shared/errors';
import type { Project, PutWorkflowInput } from '../domain/project-schemas';
import { recordChanges } from '../domain/task-changes';
import { moveTasksOutOfStates } from '../domain/task-repository';
import { assertValidWorkflow, loadWorkflow, saveWorkflow, type WorkflowState } from '../domain/workflow';
import { taskodexEvents } from '../events';
import { manageableProject, type ProjectDeps, visibleProject } from './project-use-cases';
import { findProject, taskCountsByStatus, touchProject } from './repository';

export async function getWorkflow(
  projectId: string,
  deps: ProjectDeps,
): Promise<{ states: WorkflowState[] }> {
  await visibleProject(deps, projectId);
  return { states: await loadWorkflow(deps.tx, deps.principal.tenantId, projectId) };
}

/**
 * Replaces a project's workflow. A removed state still holding tasks is a
 * 409 naming how many, unless `moveTasksTo` says where they go: each moved
 * task changes as a status change would change it (end of the new column,
 * version, completedAt, timeline, `task.updated` and the other task events).
 * Tasks whose state kept its key but changed group (e.g. into `completed`)
 * get their group and completedAt brought in line in the same transaction.
 */
export async function replaceWorkflow(
  projectId: string,
  input: PutWorkflowInput,
  deps: ProjectDeps,
): Promise<{ states: WorkflowState[] }> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  await manageableProject(deps, projectId);
  assertValidWorkflow(input.states);
  const keys = new Set(input.states.map((state) => state.key));
  const counts = await taskCountsByStatus(tx, tenantId, projectId);
  const moves = new Map<string, string>();
  for (const [from, count] of counts) {
    if (keys.has(from)) continue;
    const to = input.moveTasksTo?.[from];
    if (!to)
      throw new ConflictError(
        `${count === 1 ? '1 task still uses' : `${count} tasks still use`} the state "${from}"; move them first or send moveTasksTo.${from}.`,
        'state_in_use',
      );
    if (!keys.has(to))
      throw new ValidationError(`moveTasksTo.${from} must be a state of the new workflow.`, [
        {
          field: `body.moveTasksTo.${from}`,
          message: 'Not a state of the new workflow.',
          code: 'unknown_status',
        },
      ]);
    moves.set(from, to);
  }
  await saveWorkflow(tx, tenantId, projectId, input.states);
  // Moved tasks leave the trace of a status change each: timeline rows, task.updated and the rest.
  await recordChanges(await moveTasksOutOfStates(tx, tenantId, projectId, moves), deps);
  // States that kept their key but changed group.
  await tx.query(
    `update taskodex.tasks t
        set status_group = w.state_group,
            completed_at = case when w.state_group = 'completed' then coalesce(t.completed_at, now()) end
       from taskodex.workflow_states w
      where t.tenant_id = $1 and t.project_id = $2 and t.deleted_at is null
        and w.tenant_id = t.tenant_id and w.project_id = t.project_id and w.key = t.status
        and t.status_group <> w.state_group`,
    [tenantId, projectId],
  );
  await assertNoTaskLeftBehind(tx, tenantId, projectId);
  await touchProject(tx, tenantId, projectId);
  const { myRole: _role, ...project } = (await findProject(tx, tenantId, null, projectId)) as Project;
  await deps.events.record(taskodexEvents, 'project.updated', { project, changes: ['workflow'] });
  return { states: await loadWorkflow(tx, tenantId, projectId) };
}

/**
 * A task written into a removed state while the replacement ran (it read the
 * old workflow, and committed after the counts or the move) would be left in a
 * state the board has no column for. Rather than take a project lock on every
 * task write, the replacement checks at the end and asks for a retry.
 */
async function assertNoTaskLeftBehind(tx: Tx, tenantId: string, projectId: string): Promise<void> {
  const { rows } = await tx.query<{ count: string }>(
    `select count(*) as count from taskodex.tasks t
      where t.tenant_id = $1 and t.project_id = $2 and t.deleted_at is null
        and not exists (select 1 from taskodex.workflow_states w
                         where w.tenant_id = t.tenant_id and w.project_id = t.project_id and w.key = t.status)`,
    [tenantId, projectId],
  );
  if (Number(rows[0]?.count ?? 0) > 0)
    throw new ConflictError(
      'Tasks changed state while the workflow was being replaced; send the replacement again.',
      'workflow_race',
    );
}
