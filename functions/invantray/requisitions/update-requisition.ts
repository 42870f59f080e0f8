import { recordAudit } from '@halooid/shared/audit';
import { checkVersion } from '@halooid/shared/http/versioning';
import {
  checkWarehouse,
  loadRequisition,
  replaceLines,
  resolveLines,
  selectRequisitionRow,
  updateHeader,
} from './repository';
import type { Requisition, UpdateRequisitionInput } from './schemas';
import { lockForAction, type RequisitionDeps } from './transition';

/**
 * Changes a draft, only by its requester and only from the version they
 * read (409 `version_conflict` otherwise). `lines` replaces every line.
 */
export async function updateRequisition(
  id: string,
  version: number,
  changes: Omit<UpdateRequisitionInput, 'version'>,
  deps: RequisitionDeps,
): Promise<Requisition> {
  const { tx } = deps;
  const { caller, row } = await lockForAction(deps, id, 'edit');
  checkVersion('requisition', row.version, version);
  if (changes.lines) {
    const lines = await resolveLines(tx, caller.tenantId, changes.lines);
    await replaceLines(tx, caller.tenantId, id, lines, deps.newId);
  }
  if (changes.warehouseId) await checkWarehouse(tx, caller.tenantId, changes.warehouseId, 'body.warehouseId');
  await updateHeader(tx, caller.tenantId, id, {
    neededBy: changes.neededBy === undefined ? row.needed_by : changes.neededBy,
    warehouseId: changes.warehouseId === undefined ? row.warehouse_id : changes.warehouseId,
    note: changes.note === undefined ? row.note : changes.note || null,
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.requisition.updated',
    targetType: 'invantray.requisition',
    targetId: id,
    details: { changes: Object.keys(changes) },
  });
  const updated = await selectRequisitionRow(tx, caller, id);
  if (!updated) throw new Error(`Requisition ${id} vanished in its own transaction.`);
  return loadRequisition(tx, caller, updated);
}
