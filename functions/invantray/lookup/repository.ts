import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { LookupItem, LookupLot } from './schemas';

/** Reads for barcode lookup: exact matches on indexed columns only, so a scan stays an index probe. */
interface ItemRow {
  id: string;
  sku: string;
  name: string;
  unit: string;
  tracking: LookupItem['tracking'];
  active: boolean;
}

const ITEM = 'i.id, i.sku, i.name, i.unit, i.tracking, i.active';

const toItem = (row: ItemRow): LookupItem => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  unit: row.unit,
  tracking: row.tracking,
  active: row.active,
});

/** An item barcode with the unit one scan counts and its factor to the base unit (1 for the base unit). */
export async function selectByItemBarcode(
  tx: Tx,
  tenantId: string,
  code: string,
): Promise<{ item: LookupItem; unit: string; factor: string } | undefined> {
  const { rows } = await tx.query<ItemRow & { scan_unit: string; factor: string | null }>(
    `select ${ITEM}, coalesce(b.unit, i.unit) as scan_unit,
            case when b.unit is null or b.unit = i.unit then 1 else u.factor end as factor
       from invantray.barcodes b
       join invantray.items i on i.tenant_id = b.tenant_id and i.id = b.item_id
       left join invantray.item_units u on u.tenant_id = b.tenant_id and u.item_id = b.item_id and u.unit = b.unit
      where b.tenant_id = $1 and b.code = $2`,
    [tenantId, code],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { item: toItem(row), unit: row.scan_unit, factor: trimDecimal(String(row.factor ?? '1')) };
}

/** The item whose SKU this is (SKUs are unique per tenant, case-insensitively). */
export async function selectBySku(tx: Tx, tenantId: string, sku: string): Promise<LookupItem | undefined> {
  const { rows } = await tx.query<ItemRow>(
    `select ${ITEM} from invantray.items i where i.tenant_id = $1 and lower(i.sku) = lower($2)`,
    [tenantId, sku],
  );
  return rows[0] ? toItem(rows[0]) : undefined;
}

/**
 * Lot and serial numbers equal to the value, with their items: several items
 * may share a number. A serial also answers where it is (the location with
 * its balance above zero), when it is in stock.
 */
export async function selectLotsByNumber(
  tx: Tx,
  tenantId: string,
  number: string,
): Promise<{ item: LookupItem; lot: LookupLot; locationId: string | null }[]> {
  const { rows } = await tx.query<
    ItemRow & {
      lot_id: string;
      kind: LookupLot['kind'];
      number: string;
      expires_on: string | null;
      location_id: string | null;
    }
  >(
    `select ${ITEM}, l.id as lot_id, l.kind, l.number, to_char(l.expires_on, 'YYYY-MM-DD') as expires_on,
            case when l.kind = 'serial' then (
              select b.location_id from invantray.stock_balances b
               where b.tenant_id = l.tenant_id and b.item_id = l.item_id and b.lot_key = l.id and b.on_hand > 0
               order by b.updated_at desc limit 1
            ) end as location_id
       from invantray.lots l
       join invantray.items i on i.tenant_id = l.tenant_id and i.id = l.item_id
      where l.tenant_id = $1 and l.number = $2
      order by l.kind desc, i.sku, l.id
      limit 50`,
    [tenantId, number],
  );
  return rows.map((row) => ({
    item: toItem(row),
    lot: { id: row.lot_id, kind: row.kind, number: row.number, expiresOn: row.expires_on },
    locationId: row.location_id,
  }));
}
