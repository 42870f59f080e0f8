import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import { findVisibleTask } from '../domain/project-access';
import { columnPositions, findTask, respaceColumn } from '../domain/task-repository';
import { endOfColumn, POSITION_GAP, type TaskDeps } from '../domain/task-rules';
import type { MoveTaskInput, Task } from '../domain/task-schemas';
import { changeTask } from './change-task';

/**
 * Moves a task on the board: into `status` (its current one when absent),
 * right below `afterId` or right above `beforeId`, or to the end of the
 * column. The position is the midpoint between the neighbours; when two
 * neighbours have no room left between them the column is spread out again.
 */
export async function moveTask(taskId: string, input: MoveTaskInput, deps: TaskDeps): Promise<Task> {
  const { tx, principal } = deps;
  const current = await findVisibleTask(tx, principal, taskId, { forUpdate: true });
  if (!current) throw new NotFoundError('Task');
  const status = input.status ?? current.status;
  const column = { projectId: current.projectId, status, excludeId: taskId };
  const neighbourId = input.afterId ?? input.beforeId;
  const field = input.afterId ? 'body.afterId' : 'body.beforeId';
  let position: number | undefined;
  for (let attempt = 0; position === undefined; attempt++) {
    if (!neighbourId) {
      position = await endOfColumn(deps, current.projectId, status, taskId);
      break;
    }
    const neighbour =
      neighbourId === taskId ? undefined : await findTask(tx, principal.tenantId, neighbourId);
    if (!neighbour || neighbour.projectId !== current.projectId || neighbour.status !== status)
      throw new BusinessRuleError(
        'not_in_column',
        'The neighbour must be another task in the same project and state.',
        [{ field, message: 'Not a task in the target column.', code: 'not_in_column' }],
      );
    const around = input.afterId ? { after: neighbour.position } : { before: neighbour.position };
    const { previous, next } = await columnPositions(tx, principal.tenantId, column, around);
    const low = input.afterId ? neighbour.position : (previous ?? neighbour.position - 2 * POSITION_GAP);
    const high = input.afterId ? (next ?? neighbour.position + 2 * POSITION_GAP) : neighbour.position;
    const middle = (low + high) / 2;
    if (middle > low && middle < high) position = middle;
    else if (attempt === 0) await respaceColumn(tx, principal.tenantId, column);
    else throw new ConflictError('The column could not be reordered; try again.', 'position_conflict');
  }
  return changeTask(taskId, input.version ?? current.version, { status, position }, deps);
}
