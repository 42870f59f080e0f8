import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  assertUnique,
  changedFields,
  definedOnly,
  exists,
  missingReference,
  versionConflict,
} from './checks';
import {
  deletePosition as deleteRow,
  insertPosition,
  type PositionFields,
  positionHolders,
  selectPosition,
  selectPositions,
  updatePosition,
} from './position-repository';
import type { ChangePositionInput, CreatePositionInput, Position } from './schemas';

/** The position use cases: each runs in the caller's tenant transaction. */
export type PositionDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

const TITLE = { table: 'positions', column: 'title', what: 'Position', field: 'title' };

export async function listPositions(deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  return { items: await selectPositions(deps.tx, deps.principal.tenantId) };
}

export async function getPosition(id: string, deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  const position = await selectPosition(deps.tx, deps.principal.tenantId, id);
  if (!position) throw new NotFoundError('Position');
  return position;
}

export async function createPosition(input: CreatePositionInput, deps: PositionDeps): Promise<Position> {
  const { tx, principal } = deps;
  const fields: PositionFields = { title: input.title, departmentId: input.departmentId ?? null };
  await assertPositionRules(deps, null, fields, ['title', 'departmentId']);
  const position = await insertPosition(tx, principal.tenantId, deps.newId(), fields);
  await recordAudit(tx, deps.actor, {
    action: 'position.created',
    targetType: 'position',
    targetId: position.id,
    details: { title: position.title },
  });
  return position;
}

export async function changePosition(
  id: string,
  version: number,
  input: Omit<ChangePositionInput, 'version'>,
  deps: PositionDeps,
): Promise<Position> {
  const { tx, principal } = deps;
  const current = await selectPosition(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Position');
  if (current.version !== version) throw versionConflict('position', current.version, version);
  const before: PositionFields = { title: current.title, departmentId: current.departmentId };
  const after: PositionFields = { ...before, ...definedOnly(input) };
  const changes = changedFields(before, after);
  if (changes.length === 0) return current;
  await assertPositionRules(deps, id, after, changes);
  const updated = await updatePosition(tx, principal.tenantId, id, version, after);
  if (!updated) throw new NotFoundError('Position');
  await recordAudit(tx, deps.actor, {
    action: 'position.updated',
    targetType: 'position',
    targetId: id,
    details: { changes },
  });
  return updated;
}

/** Refused (409) while employees hold it. */
export async function deletePosition(id: string, deps: PositionDeps): Promise<void> {
  const { tx, principal } = deps;
  const current = await selectPosition(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Position');
  const holders = await positionHolders(tx, principal.tenantId, id);
  if (holders > 0)
    throw new ConflictError(
      `${holders} employee(s) hold this position; give them another first.`,
      'position_in_use',
    );
  await deleteRow(tx, principal.tenantId, id);
  await recordAudit(tx, deps.actor, { action: 'position.deleted', targetType: 'position', targetId: id });
}

async function assertPositionRules(
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
  id: string | null,
  fields: PositionFields,
  changes: string[],
): Promise<void> {
  const { tx, principal } = deps;
  if (changes.includes('title')) await assertUnique(tx, TITLE, principal.tenantId, fields.title, id);
  if (
    changes.includes('departmentId') &&
    fields.departmentId &&
    !(await exists(tx, 'departments', principal.tenantId, fields.departmentId))
  )
    throw missingReference('departmentId', 'department');
}
