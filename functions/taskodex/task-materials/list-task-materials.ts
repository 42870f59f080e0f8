import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { findVisibleTask } from '../domain/project-access';
import { selectMaterials } from './repository';
import type { TaskMaterial } from './schemas';

/** What was issued to a task the caller may see (else 404), per item. */
export async function listTaskMaterials(
  taskId: string,
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
): Promise<{ items: TaskMaterial[] }> {
  if (!(await findVisibleTask(deps.tx, deps.principal, taskId))) throw new NotFoundError('Task');
  return { items: await selectMaterials(deps.tx, deps.principal.tenantId, taskId) };
}
