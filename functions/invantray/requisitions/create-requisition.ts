import { recordAudit } from '@halooid/shared/audit';
import { nextNumber } from '../domain/numbering';
import { callerOf } from './caller';
import {
  checkWarehouse,
  insertRequisition,
  loadRequisition,
  replaceLines,
  resolveLines,
  selectRequisitionRow,
} from './repository';
import type { CreateRequisitionInput, Requisition } from './schemas';
import type { RequisitionDeps } from './transition';

/**
 * Asks for items: a draft requisition numbered REQ-00001…, owned by the
 * caller, its line quantities converted to each item's base unit. Unknown
 * items, units, suppliers or warehouse are one 422 naming each field.
 */
export async function createRequisition(
  input: CreateRequisitionInput,
  deps: RequisitionDeps,
): Promise<Requisition> {
  const { tx } = deps;
  const caller = callerOf(deps.principal);
  const lines = await resolveLines(tx, caller.tenantId, input.lines);
  if (input.warehouseId) await checkWarehouse(tx, caller.tenantId, input.warehouseId, 'body.warehouseId');
  const id = deps.newId();
  const number = await nextNumber(tx, caller.tenantId, 'requisition');
  await insertRequisition(tx, {
    tenantId: caller.tenantId,
    id,
    number,
    requestedBy: caller.userId,
    neededBy: input.neededBy ?? null,
    warehouseId: input.warehouseId ?? null,
    note: input.note || null,
  });
  await replaceLines(tx, caller.tenantId, id, lines, deps.newId);
  await recordAudit(tx, deps.actor, {
    action: 'invantray.requisition.created',
    targetType: 'invantray.requisition',
    targetId: id,
    details: { number, lines: lines.length },
  });
  const row = await selectRequisitionRow(tx, caller, id);
  if (!row) throw new Error(`Requisition ${id} vanished in its own transaction.`);
  return loadRequisition(tx, caller, row);
}
