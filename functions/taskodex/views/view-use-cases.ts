import type { Principal } from '@halooid/shared/auth/principal';
import { parseSort } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '@halooid/shared/errors';
import { canSeeProject, hiddenProjectIds } from '../domain/project-access';
import { DEFAULT_TASK_SORT, TASK_SORTS } from '../domain/task-repository';
import { deleteView, findView, insertView, listViews, updateView } from './repository';
import type { CreateViewInput, ListViewsQuery, SavedView, UpdateViewInput } from './schemas';

export interface ViewDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
}

/** A view's sort must be one the task list accepts, or replaying it would fail later. */
function checkSort(sort: string | null | undefined): void {
  if (!sort) return;
  try {
    parseSort(sort, TASK_SORTS, DEFAULT_TASK_SORT);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.message, [
      {
        field: 'body.sort',
        message: `Sort by one of: ${Object.keys(TASK_SORTS).join(', ')}.`,
        code: 'invalid_sort',
      },
    ]);
  }
}

async function checkProject(projectId: string | null | undefined, deps: ViewDeps): Promise<void> {
  if (!projectId || (await canSeeProject(deps.tx, deps.principal, projectId))) return;
  throw new BusinessRuleError('project_not_found', 'The project was not found.', [
    { field: 'body.projectId', message: 'No such project.', code: 'not_found' },
  ]);
}

/** Mine, or shared with the tenant, or shared in a project I can see; anything else is a 404. */
async function visibleView(viewId: string, deps: ViewDeps, forUpdate = false): Promise<SavedView> {
  const view = await findView(deps.tx, deps.principal.tenantId, viewId, { forUpdate });
  const visible =
    view &&
    (view.ownerId === deps.principal.principalId ||
      (view.shared && (!view.projectId || (await canSeeProject(deps.tx, deps.principal, view.projectId)))));
  if (!visible) throw new NotFoundError('View');
  return view;
}

async function ownView(viewId: string, deps: ViewDeps): Promise<SavedView> {
  const view = await visibleView(viewId, deps, true);
  if (view.ownerId !== deps.principal.principalId)
    throw new ForbiddenError('Only the owner can change a view.');
  return view;
}

export async function createView(input: CreateViewInput, deps: ViewDeps): Promise<SavedView> {
  checkSort(input.sort);
  await checkProject(input.projectId, deps);
  return insertView(deps.tx, {
    ...input,
    tenantId: deps.principal.tenantId,
    id: deps.newId(),
    ownerId: deps.principal.principalId,
  });
}

export async function findViews(query: ListViewsQuery, deps: ViewDeps) {
  const hidden = await hiddenProjectIds(deps.tx, deps.principal);
  return listViews(deps.tx, deps.principal.tenantId, deps.principal.principalId, hidden, query);
}

export function getView(viewId: string, deps: ViewDeps): Promise<SavedView> {
  return visibleView(viewId, deps);
}

export async function changeView(
  viewId: string,
  changes: UpdateViewInput,
  deps: ViewDeps,
): Promise<SavedView> {
  const current = await ownView(viewId, deps);
  checkSort(changes.sort);
  await checkProject(changes.projectId, deps);
  const updated = await updateView(deps.tx, deps.principal.tenantId, viewId, changes);
  if (updated) return updated;
  throw new ConflictError(
    `The view changed since you read it (you sent version ${changes.version}, it is now ${current.version}). Reload and try again.`,
    'version_conflict',
  );
}

export async function removeView(viewId: string, deps: ViewDeps): Promise<void> {
  await ownView(viewId, deps);
  await deleteView(deps.tx, deps.principal.tenantId, viewId);
}
