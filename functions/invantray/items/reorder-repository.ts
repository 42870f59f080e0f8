import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { ReorderSetting } from './schemas';

/** SQL for invantray.reorder_settings; quantities are in the item's base unit. */
interface ReorderRow {
  item_id: string;
  warehouse_id: string;
  warehouse_code: string;
  warehouse_name: string;
  reorder_point: string;
  reorder_quantity: string;
  version: number;
  updated_at: Date;
}

const SELECT_SETTING = `
  select r.item_id, r.warehouse_id, w.code as warehouse_code, w.name as warehouse_name,
         r.reorder_point::text as reorder_point, r.reorder_quantity::text as reorder_quantity, r.version, r.updated_at
    from invantray.reorder_settings r
    join invantray.warehouses w on w.tenant_id = r.tenant_id and w.id = r.warehouse_id`;

function toSetting(row: ReorderRow): ReorderSetting {
  return {
    itemId: row.item_id,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    warehouseName: row.warehouse_name,
    reorderPoint: trimDecimal(row.reorder_point),
    reorderQuantity: trimDecimal(row.reorder_quantity),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The item's settings in every warehouse that has one, by warehouse code. */
export async function selectReorderSettings(tx: Tx, tenantId: string, itemId: string) {
  const { rows } = await tx.query<ReorderRow>(
    `${SELECT_SETTING} where r.tenant_id = $1 and r.item_id = $2 order by lower(w.code), w.id`,
    [tenantId, itemId],
  );
  return rows.map(toSetting);
}

export async function selectReorderSetting(
  tx: Tx,
  tenantId: string,
  itemId: string,
  warehouseId: string,
): Promise<ReorderSetting | undefined> {
  const { rows } = await tx.query<ReorderRow>(
    `${SELECT_SETTING} where r.tenant_id = $1 and r.item_id = $2 and r.warehouse_id = $3`,
    [tenantId, itemId, warehouseId],
  );
  return rows[0] ? toSetting(rows[0]) : undefined;
}

/** The stored setting's version, locked until the transaction ends; undefined when there is none. */
export async function lockReorderSetting(
  tx: Tx,
  tenantId: string,
  itemId: string,
  warehouseId: string,
): Promise<number | undefined> {
  const { rows } = await tx.query<{ version: number }>(
    `select version from invantray.reorder_settings
      where tenant_id = $1 and item_id = $2 and warehouse_id = $3 for update`,
    [tenantId, itemId, warehouseId],
  );
  return rows[0]?.version;
}

/** Creates the setting or overwrites it (bumping its version); a concurrent first write becomes an overwrite. */
export async function upsertReorderSetting(
  tx: Tx,
  setting: {
    tenantId: string;
    itemId: string;
    warehouseId: string;
    reorderPoint: string;
    reorderQuantity: string;
  },
): Promise<void> {
  await tx.query(
    `insert into invantray.reorder_settings (tenant_id, item_id, warehouse_id, reorder_point, reorder_quantity)
     values ($1, $2, $3, $4, $5)
     on conflict (tenant_id, item_id, warehouse_id) do update
       set reorder_point = excluded.reorder_point, reorder_quantity = excluded.reorder_quantity,
           version = invantray.reorder_settings.version + 1, updated_at = now()`,
    [setting.tenantId, setting.itemId, setting.warehouseId, setting.reorderPoint, setting.reorderQuantity],
  );
}

export async function deleteReorderSettingRow(
  tx: Tx,
  tenantId: string,
  itemId: string,
  warehouseId: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from invantray.reorder_settings where tenant_id = $1 and item_id = $2 and warehouse_id = $3',
    [tenantId, itemId, warehouseId],
  );
  return rowCount === 1;
}

export async function warehouseExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('select 1 from invantray.warehouses where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function itemExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('select 1 from invantray.items where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}
