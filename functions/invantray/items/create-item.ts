import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { invantrayEvents } from '../events';
import { getItem } from './get-item';
import { assertReferences, writeBarcodes } from './item-references';
import { barcodeUnitOf, unitAndBarcodeProblems } from './item-rules';
import { insertItem, itemIdBySku, lockSku, replaceUnits } from './repository';
import type { CreateItemInput, ItemDetail } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type CreateItemDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events' | 'newId'>;

/**
 * Adds an item with its units and barcodes. The SKU is unique per tenant in
 * any case (409 `duplicate_sku` naming `existingId`), so is each barcode
 * (409 `duplicate_barcode`); the category and default supplier must exist
 * (422). Writers of one SKU queue on a lock and the
 * insert skips a taken SKU (`on conflict do nothing`), so two concurrent
 * creates of one SKU make one item and one 409, never a 500. An API key's item has no user as its creator.
 */
export async function createItem(input: CreateItemInput, deps: CreateItemDeps): Promise<ItemDetail> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const problems = unitAndBarcodeProblems(input.unit, input.units, input.barcodes, {
    units: 'body.units',
    barcodes: 'body.barcodes',
  });
  if (problems.length > 0) throw new ValidationError('The units or barcodes do not fit together.', problems);
  await assertReferences(tx, tenantId, input);
  await lockSku(tx, tenantId, input.sku);
  const id = deps.newId();
  const inserted = await insertItem(tx, {
    tenantId,
    id,
    sku: input.sku,
    name: input.name,
    description: input.description || null,
    categoryId: input.categoryId ?? null,
    unit: input.unit,
    tracking: input.tracking,
    defaultSupplierId: input.defaultSupplierId ?? null,
    active: input.active,
    images: input.images,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  if (!inserted) {
    const existingId = (await itemIdBySku(tx, tenantId, input.sku)) ?? null;
    throw new ConflictError(`Another item has the SKU ${input.sku}.`, 'duplicate_sku', { existingId });
  }
  await replaceUnits(tx, tenantId, id, input.units);
  await writeBarcodes(
    tx,
    tenantId,
    id,
    input.barcodes.map((barcode) => ({
      code: barcode.code,
      unit: barcodeUnitOf(input.unit, input.units, barcode.unit),
    })),
  );
  await deps.events.record(invantrayEvents, 'item.created', {
    item: { id, sku: input.sku, name: input.name },
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.item.created',
    targetType: 'invantray.item',
    targetId: id,
    details: { sku: input.sku },
  });
  return getItem(id, deps);
}
