import { hiddenProjectIds } from './project-access';
import { listTasks } from './task-repository';
import type { TaskDeps } from './task-rules';
import type { ListTasksQuery } from './task-schemas';

/** A page of the tasks the caller may see: private projects they are not part of are left out. */
export async function findTasks(query: ListTasksQuery, deps: TaskDeps) {
  const hidden = await hiddenProjectIds(deps.tx, deps.principal);
  return listTasks(deps.tx, deps.principal.tenantId, query, hidden);
}
