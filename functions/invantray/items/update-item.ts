import { recordAudit } from '@halooid/shared/audit';
import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { invantrayEvents } from '../events';
import { getItem } from './get-item';
import { assertReferences, writeBarcodes } from './item-references';
import { barcodeUnitOf, unitAndBarcodeProblems } from './item-rules';
import {
  hasStockMoves,
  type ItemFields,
  itemIdBySku,
  lockItem,
  lockSku,
  replaceUnits,
  updateItemRow,
} from './repository';
import type { ItemDetail, UpdateItemInput } from './schemas';

export type UpdateItemDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events' | 'newId'>;

const PLAIN_FIELDS = [
  'sku',
  'name',
  'description',
  'categoryId',
  'unit',
  'tracking',
  'defaultSupplierId',
  'active',
  'images',
] as const satisfies readonly (keyof ItemFields)[];

/** Changing what the ledger's quantities mean is refused once the ledger has any. */
const LEDGER_FIELDS = new Set<string>(['unit', 'tracking']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Lists compared as sets: sent order and "12.0" against a stored "12" are no change. */
const unitSet = (units: readonly { unit: string; factor: string }[]) =>
  units.map((entry) => `${entry.unit.toLowerCase()}=${trimDecimal(entry.factor)}`).sort();
const barcodeSet = (barcodes: readonly { code: string; unit: string | null }[]) =>
  barcodes.map((entry) => `${entry.code}\u0000${entry.unit ?? ''}`).sort();

/**
 * PATCH: the item locked, `version` checked (409 when stale), the sent
 * fields merged over the stored ones; `units` and `barcodes` replace the
 * lists. The base unit and the tracking are fixed once the item has a stock
 * move (422 `item_has_moves`: the ledger's quantities and lots were counted
 * under them). A new SKU or barcode another item has is a 409 naming it.
 * Emits `item.updated` with the changed fields and writes the audit record.
 * A PATCH that changes nothing writes nothing and keeps the version.
 */
export async function updateItem(
  id: string,
  version: number,
  input: Omit<UpdateItemInput, 'version'>,
  deps: UpdateItemDeps,
): Promise<ItemDetail> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const locked = await lockItem(tx, tenantId, id);
  if (locked === undefined) throw new NotFoundError('Item');
  checkVersion('item', locked, version);
  const current = await getItem(id, deps);
  const before: ItemFields = {
    sku: current.sku,
    name: current.name,
    description: current.description,
    categoryId: current.categoryId,
    unit: current.unit,
    tracking: current.tracking,
    defaultSupplierId: current.defaultSupplierId,
    active: current.active,
    images: current.images,
  };
  const sent = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const after: ItemFields = { ...before, ...(sent as Partial<ItemFields>) };
  if (input.description === '') after.description = null;
  const units = input.units ?? current.units;
  const barcodes = (input.barcodes ?? current.barcodes).map((barcode) => ({
    code: barcode.code,
    unit: barcodeUnitOf(after.unit, units, barcode.unit),
  }));
  const changes: string[] = PLAIN_FIELDS.filter((field) => !same(before[field], after[field]));
  if (input.units && !same(unitSet(input.units), unitSet(current.units))) changes.push('units');
  if (input.barcodes && !same(barcodeSet(barcodes), barcodeSet(current.barcodes))) changes.push('barcodes');
  if (changes.length === 0) return current;

  const problems = unitAndBarcodeProblems(after.unit, units, barcodes, {
    units: 'body.units',
    barcodes: 'body.barcodes',
  });
  if (problems.length > 0) throw new ValidationError('The units or barcodes do not fit together.', problems);
  const ledgerChanges = changes.filter((field) => LEDGER_FIELDS.has(field));
  if (ledgerChanges.length > 0 && (await hasStockMoves(tx, tenantId, id)))
    throw new BusinessRuleError(
      'item_has_moves',
      `The item has stock moves, so its ${ledgerChanges.join(' and ')} can no longer change: the ledger counted in them. Make a new item instead.`,
      ledgerChanges.map((field) => ({
        field: `body.${field}`,
        message: 'Fixed once the item has stock moves.',
        code: 'item_has_moves',
      })),
    );
  await assertReferences(tx, tenantId, {
    categoryId: changes.includes('categoryId') ? after.categoryId : null,
    defaultSupplierId: changes.includes('defaultSupplierId') ? after.defaultSupplierId : null,
  });
  if (changes.includes('sku')) {
    await lockSku(tx, tenantId, after.sku);
    const existingId = await itemIdBySku(tx, tenantId, after.sku, id);
    if (existingId)
      throw new ConflictError(`Another item has the SKU ${after.sku}.`, 'duplicate_sku', { existingId });
  }
  if (!(await updateItemRow(tx, tenantId, id, version, after))) throw new NotFoundError('Item');
  if (changes.includes('units')) await replaceUnits(tx, tenantId, id, units);
  if (changes.includes('barcodes')) await writeBarcodes(tx, tenantId, id, barcodes);
  await deps.events.record(invantrayEvents, 'item.updated', {
    item: { id, sku: after.sku, name: after.name },
    changes,
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.item.updated',
    targetType: 'invantray.item',
    targetId: id,
    details: { changes },
  });
  return getItem(id, deps);
}
