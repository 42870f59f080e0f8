import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type * as z from 'zod';
import { MAX_LOCATION_DEPTH, type StockLocation, selectLocation, selectLocations } from '../domain/locations';
import { defaultBarcode, expandRange } from './location-codes';
import { countLocations, insertLocation } from './location-repository';
import { selectWarehouse } from './repository';
import type { CreatableKind } from './schemas';

export type CreateLocationsDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'actor'>;

/** A warehouse holds at most this many locations: its tree is answered whole. */
export const MAX_LOCATIONS_PER_WAREHOUSE = 10_000;

export interface NewLocations {
  parentId?: string | null | undefined;
  codes: string[];
  name?: string | null | undefined;
  kind: z.output<typeof CreatableKind>;
  barcode?: string | undefined;
}

/**
 * Adds locations under a parent of the same warehouse (or as roots), any
 * depth up to MAX_LOCATION_DEPTH. Each gets the barcode it was given or
 * `<warehouse code>-<path codes>`; a barcode the tenant already uses, or a
 * code a sibling has, is a 409 and nothing is created. The parent must be
 * active, and so must the warehouse.
 */
export async function createLocations(
  warehouseId: string,
  input: NewLocations,
  deps: CreateLocationsDeps,
): Promise<StockLocation[]> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  // Locked: a count of its locations and the parent's state stay true until commit.
  const warehouse = await selectWarehouse(tx, tenantId, warehouseId, { lock: true });
  if (!warehouse) throw new NotFoundError('Warehouse');
  if (!warehouse.active)
    throw new BusinessRuleError('warehouse_inactive', 'This warehouse is inactive: reactivate it first.');
  const parent = input.parentId ? await selectLocation(tx, tenantId, input.parentId) : undefined;
  if (input.parentId && parent?.warehouseId !== warehouseId)
    throw new ValidationError('The parent is not a location of this warehouse.', [
      { field: 'body.parentId', message: 'No such location in this warehouse.', code: 'parent_not_found' },
    ]);
  if (parent && !parent.active)
    throw new BusinessRuleError('parent_inactive', 'The parent location is inactive.');
  if (parent && parent.depth + 1 >= MAX_LOCATION_DEPTH)
    throw new BusinessRuleError('too_deep', `Locations nest at most ${MAX_LOCATION_DEPTH} deep.`);
  if ((await countLocations(tx, tenantId, warehouseId)) + input.codes.length > MAX_LOCATIONS_PER_WAREHOUSE)
    throw new BusinessRuleError(
      'too_many_locations',
      `A warehouse holds at most ${MAX_LOCATIONS_PER_WAREHOUSE} locations.`,
    );
  const ids: string[] = [];
  for (const code of input.codes) {
    const id = deps.newId();
    await insertLocation(tx, {
      tenantId,
      id,
      warehouseId,
      parentId: parent?.id ?? null,
      code,
      name: input.name ?? null,
      kind: input.kind,
      barcode: input.barcode ?? defaultBarcode(warehouse.code, [...(parent?.path ?? []), code]),
      active: true,
    });
    ids.push(id);
  }
  await recordAudit(tx, deps.actor, {
    action: 'invantray.location.created',
    targetType: 'invantray.warehouse',
    targetId: warehouseId,
    details: { locationIds: ids, parentId: parent?.id ?? null },
  });
  return selectLocations(tx, tenantId, ids);
}

/** The codes a request names: one `code`, or a `range`. */
export function codesOf(input: {
  code?: string | undefined;
  range?: { from: string; to: string } | undefined;
}): string[] {
  if (input.range) return expandRange(input.range.from, input.range.to);
  return input.code ? [input.code] : [];
}
