import { recordAudit } from '@halooid/shared/audit';
import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import { ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { RECORD_OBJECTS, type RecordObject } from '../domain/records';
import { deleteView, insertView, selectView, selectViews, updateView } from './repository';
import type { CreateViewInput, ListViewsQuery, SavedView, UpdateViewInput } from './schemas';

export type ViewDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

export const SETTINGS_ADMIN = 'customerconnect:settings:admin';

const userIdOf = (principal: Principal) =>
  principal.principalType === 'user' ? principal.principalId : null;
const readable = (principal: Principal, object: RecordObject) =>
  permits(principal.grants, `customerconnect:${object}:read`);

/** Yours or shared, of an object you may read; anything else is a 404. */
async function visibleView(viewId: string, deps: Pick<RequestDeps, 'tx' | 'principal'>, forUpdate = false) {
  const view = await selectView(deps.tx, deps.principal.tenantId, viewId, { forUpdate });
  const userId = userIdOf(deps.principal);
  if (
    !view ||
    !readable(deps.principal, view.object) ||
    !(view.shared || (userId && view.ownerId === userId))
  )
    throw new NotFoundError('View');
  return view;
}

/** Only the view's owner, or a settings admin, changes or deletes it (403 for others who see it). */
async function editableView(viewId: string, deps: ViewDeps): Promise<SavedView> {
  const view = await visibleView(viewId, deps, true);
  const userId = userIdOf(deps.principal);
  if (!(userId && view.ownerId === userId) && !permits(deps.principal.grants, SETTINGS_ADMIN))
    throw new ForbiddenError('Only the owner or a CRM admin can change this view.');
  return view;
}

export function listViews(query: ListViewsQuery, deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  const objects = RECORD_OBJECTS.filter((object) => readable(deps.principal, object));
  return selectViews(deps.tx, deps.principal.tenantId, userIdOf(deps.principal), objects, query);
}

export function getView(viewId: string, deps: Pick<RequestDeps, 'tx' | 'principal'>): Promise<SavedView> {
  return visibleView(viewId, deps);
}

/** Saves a view of an object the caller may read (403 otherwise); an API key's view has no owner, so it must be shared. */
export async function createView(input: CreateViewInput, deps: ViewDeps): Promise<SavedView> {
  if (!readable(deps.principal, input.object))
    throw new ForbiddenError(`You cannot read ${input.object} records, so you cannot save a view of them.`);
  const view = await insertView(deps.tx, {
    ...input,
    shared: input.shared || userIdOf(deps.principal) === null,
    tenantId: deps.principal.tenantId,
    id: deps.newId(),
    ownerId: userIdOf(deps.principal),
  });
  await recordAudit(deps.tx, deps.actor, {
    action: 'customerconnect.saved_view.created',
    targetType: 'customerconnect.saved_view',
    targetId: view.id,
    details: { object: view.object, name: view.name, shared: view.shared },
  });
  return view;
}

export async function changeView(
  viewId: string,
  changes: UpdateViewInput,
  deps: ViewDeps,
): Promise<SavedView> {
  const current = await editableView(viewId, deps);
  const updated = await updateView(deps.tx, deps.principal.tenantId, viewId, changes);
  if (!updated)
    throw new ConflictError(
      `The view changed since you read it (you sent version ${changes.version}, it is now ${current.version}). Reload and try again.`,
      'version_conflict',
    );
  await recordAudit(deps.tx, deps.actor, {
    action: 'customerconnect.saved_view.changed',
    targetType: 'customerconnect.saved_view',
    targetId: viewId,
    details: { before: { name: current.name, shared: current.shared, query: current.query }, after: changes },
  });
  return updated;
}

export async function removeView(viewId: string, deps: ViewDeps): Promise<void> {
  const view = await editableView(viewId, deps);
  await deleteView(deps.tx, deps.principal.tenantId, viewId);
  await recordAudit(deps.tx, deps.actor, {
    action: 'customerconnect.saved_view.deleted',
    targetType: 'customerconnect.saved_view',
    targetId: viewId,
    details: { object: view.object, name: view.name },
  });
}
