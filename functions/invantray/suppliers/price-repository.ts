import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { pricesInEffectSql } from '../domain/prices';
import type { ItemSupplierPrices, ListSupplierPricesQuery, SupplierPrice } from './schemas';

/** SQL for invantray.supplier_prices; every statement filters by tenant_id (RLS is the backstop). */
interface PriceRow {
  id: string;
  supplier_id: string;
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  min_quantity: string;
  unit_price: string;
  currency: string;
  supplier_sku: string | null;
  effective_from: string;
  created_at: Date;
}

const COLUMNS = `p.id, p.supplier_id, p.item_id, i.sku, i.name as item_name, i.unit, p.min_quantity::text,
  p.unit_price::text, p.currency, p.supplier_sku, p.effective_from::text, p.created_at`;

const SORTS: Record<string, SortColumn> = {
  sku: { sql: 'lower(i.sku)', type: 'text' },
  // Keyset cursors compare text, date, int…, not numeric: a fixed-width rendering
  // of a non-negative numeric(18,4) sorts as text exactly as the number does.
  minQuantity: { sql: `to_char(p.min_quantity, 'FM00000000000000.0000')`, type: 'text' },
  effectiveFrom: { sql: 'p.effective_from', type: 'date' },
  createdAt: { sql: 'p.created_at', type: 'timestamptz' },
};

export function toSupplierPrice(row: PriceRow): SupplierPrice {
  return {
    id: row.id,
    supplierId: row.supplier_id,
    itemId: row.item_id,
    sku: row.sku,
    itemName: row.item_name,
    unit: row.unit,
    minQuantity: trimDecimal(row.min_quantity),
    unitPrice: trimDecimal(row.unit_price, 2),
    currency: row.currency,
    supplierSku: row.supplier_sku,
    effectiveFrom: row.effective_from,
    createdAt: row.created_at.toISOString(),
  };
}

export interface NewPrice {
  tenantId: string;
  id: string;
  supplierId: string;
  itemId: string;
  minQuantity: string;
  unitPrice: string;
  currency: string;
  supplierSku: string | null;
  effectiveFrom: string;
}

/** Inserts the row unless its key (supplier, item, break, date) is taken; undefined when it is. */
export async function insertPrice(tx: Tx, price: NewPrice): Promise<SupplierPrice | undefined> {
  const { rows } = await tx.query<PriceRow>(
    `with made as (
       insert into invantray.supplier_prices
         (tenant_id, id, supplier_id, item_id, min_quantity, unit_price, currency, supplier_sku, effective_from)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (tenant_id, supplier_id, item_id, min_quantity, effective_from) do nothing
       returning *
     )
     select ${COLUMNS} from made p join invantray.items i on i.tenant_id = p.tenant_id and i.id = p.item_id`,
    [
      price.tenantId,
      price.id,
      price.supplierId,
      price.itemId,
      price.minQuantity,
      price.unitPrice,
      price.currency,
      price.supplierSku,
      price.effectiveFrom,
    ],
  );
  return rows[0] ? toSupplierPrice(rows[0]) : undefined;
}

/** The row holding a price key, for the 409 that names it. */
export async function priceIdByKey(
  tx: Tx,
  tenantId: string,
  key: { supplierId: string; itemId: string; minQuantity: string; effectiveFrom: string },
): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from invantray.supplier_prices
     where tenant_id = $1 and supplier_id = $2 and item_id = $3 and min_quantity = $4::numeric and effective_from = $5::date`,
    [tenantId, key.supplierId, key.itemId, key.minQuantity, key.effectiveFrom],
  );
  return rows[0]?.id ?? null;
}

/** One page of a supplier's prices, by item SKU then break then newest date unless `sort` says otherwise. */
export function selectPrices(
  tx: Tx,
  context: { tenantId: string; supplierId: string; today: string },
  query: ListSupplierPricesQuery,
) {
  const filter = filterOf([context.tenantId, context.supplierId], ['p.tenant_id = $1', 'p.supplier_id = $2']);
  const source =
    query.current === 'true'
      ? `(${pricesInEffectSql(filter.bind(context.today), 'p.tenant_id = $1 and p.supplier_id = $2')}) p`
      : 'invantray.supplier_prices p';
  if (query.itemId) filter.where.push(`p.item_id = ${filter.bind(query.itemId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) =>
      `select ${COLUMNS}, ${sortValues} from ${source}
       join invantray.items i on i.tenant_id = p.tenant_id and i.id = p.item_id`,
    terms: parseSort(undefined, SORTS, 'sku,minQuantity,-effectiveFrom', { sql: 'p.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: PriceRow & Record<string, unknown>) => toSupplierPrice(row),
  });
}

/** Deletes one price row; false when the tenant has none with that id. */
export async function deletePriceRow(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from invantray.supplier_prices where tenant_id = $1 and id = $2',
    [tenantId, id],
  );
  return rowCount === 1;
}

interface ItemSupplierRow {
  supplier_id: string;
  code: string;
  name: string;
  supplier_currency: string;
  lead_time_days: number;
  active: boolean;
  is_default: boolean;
  id: string | null;
  min_quantity: string | null;
  unit_price: string | null;
  currency: string | null;
  supplier_sku: string | null;
  effective_from: string | null;
}

/**
 * Every supplier's breaks in effect on `today` for one item, and the item's
 * default supplier even when it quotes nothing yet: the default first, then
 * by supplier name, breaks ascending.
 */
export async function selectItemSupplierPrices(
  tx: Tx,
  tenantId: string,
  item: { id: string; defaultSupplierId: string | null },
  today: string,
): Promise<ItemSupplierPrices> {
  const { rows } = await tx.query<ItemSupplierRow>(
    `with in_effect as (${pricesInEffectSql('$3', 'p.tenant_id = $1 and p.item_id = $2')}),
          named as (select supplier_id from in_effect union select $4::uuid where $4::uuid is not null)
     select s.id as supplier_id, s.code, s.name, s.currency as supplier_currency, s.lead_time_days, s.active,
            s.id is not distinct from $4::uuid as is_default,
            c.id, c.min_quantity::text, c.unit_price::text, c.currency, c.supplier_sku, c.effective_from::text
     from named n
     join invantray.suppliers s on s.tenant_id = $1 and s.id = n.supplier_id
     left join in_effect c on c.supplier_id = s.id
     order by (s.id is not distinct from $4::uuid) desc, lower(s.name), s.id, c.min_quantity`,
    [tenantId, item.id, today, item.defaultSupplierId],
  );
  const suppliers = new Map<string, ItemSupplierPrices['suppliers'][number]>();
  for (const row of rows) {
    let supplier = suppliers.get(row.supplier_id);
    if (!supplier) {
      supplier = {
        supplierId: row.supplier_id,
        code: row.code,
        name: row.name,
        currency: row.supplier_currency,
        leadTimeDays: row.lead_time_days,
        active: row.active,
        isDefault: row.is_default,
        breaks: [],
      };
      suppliers.set(row.supplier_id, supplier);
    }
    if (row.id && row.min_quantity && row.unit_price && row.currency && row.effective_from)
      supplier.breaks.push({
        id: row.id,
        minQuantity: trimDecimal(row.min_quantity),
        unitPrice: trimDecimal(row.unit_price, 2),
        currency: row.currency,
        supplierSku: row.supplier_sku,
        effectiveFrom: row.effective_from,
      });
  }
  return { itemId: item.id, suppliers: [...suppliers.values()] };
}
