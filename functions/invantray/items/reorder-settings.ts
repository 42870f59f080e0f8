import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  deleteReorderSettingRow,
  itemExists,
  lockReorderSetting,
  selectReorderSetting,
  selectReorderSettings,
  upsertReorderSetting,
  warehouseExists,
} from './reorder-repository';
import type { PutReorderSettingInput, ReorderSetting } from './schemas';

/**
 * Reorder point and quantity of an item per warehouse (what the reordering
 * job and the on-move trigger compare available plus on order against). One
 * row per item and warehouse: PUT creates or overwrites it, DELETE removes it
 * (the item is then never reordered for that warehouse).
 */
export type ReorderDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

async function assertItem(deps: ReorderDeps, itemId: string): Promise<void> {
  if (!(await itemExists(deps.tx, deps.principal.tenantId, itemId))) throw new NotFoundError('Item');
}

export async function listReorderSettings(itemId: string, deps: ReorderDeps) {
  await assertItem(deps, itemId);
  return { items: await selectReorderSettings(deps.tx, deps.principal.tenantId, itemId) };
}

/**
 * PUT: without `version` it creates or overwrites; with one, the stored
 * setting must still have it (409 `version_conflict`, also when it was
 * deleted meanwhile), so two people tuning one item do not silently undo
 * each other.
 */
export async function putReorderSetting(
  itemId: string,
  warehouseId: string,
  input: PutReorderSettingInput,
  deps: ReorderDeps,
): Promise<ReorderSetting> {
  const { tx } = deps;
  const { tenantId } = deps.principal;
  await assertItem(deps, itemId);
  if (!(await warehouseExists(tx, tenantId, warehouseId))) throw new NotFoundError('Warehouse');
  if (input.version !== undefined) {
    const stored = await lockReorderSetting(tx, tenantId, itemId, warehouseId);
    if (stored !== input.version)
      throw new ConflictError(
        stored === undefined
          ? 'The reorder setting was deleted since you read it. Read it again.'
          : `The reorder setting changed since you read it (version ${stored}, not ${input.version}). Read it again.`,
        'version_conflict',
      );
  }
  await upsertReorderSetting(tx, {
    tenantId,
    itemId,
    warehouseId,
    reorderPoint: input.reorderPoint,
    reorderQuantity: input.reorderQuantity,
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.item.reorder_setting_saved',
    targetType: 'invantray.item',
    targetId: itemId,
    details: { warehouseId, reorderPoint: input.reorderPoint, reorderQuantity: input.reorderQuantity },
  });
  const saved = await selectReorderSetting(tx, tenantId, itemId, warehouseId);
  if (!saved) throw new NotFoundError('Reorder setting');
  return saved;
}

export async function deleteReorderSetting(
  itemId: string,
  warehouseId: string,
  deps: ReorderDeps,
): Promise<void> {
  await assertItem(deps, itemId);
  if (!(await deleteReorderSettingRow(deps.tx, deps.principal.tenantId, itemId, warehouseId)))
    throw new NotFoundError('Reorder setting');
  await recordAudit(deps.tx, deps.actor, {
    action: 'invantray.item.reorder_setting_deleted',
    targetType: 'invantray.item',
    targetId: itemId,
    details: { warehouseId },
  });
}
