import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { categorySubtreeSql } from '../domain/categories';
import type { Item, ItemFilters } from './schemas';

/** SQL for invantray.items and its units and barcodes; every statement filters by tenant_id (RLS is the backstop). */
export interface ItemRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category_id: string | null;
  unit: string;
  tracking: Item['tracking'];
  cost_method: Item['costMethod'];
  average_cost: string;
  default_supplier_id: string | null;
  images: string[];
  active: boolean;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  on_hand: string;
  reserved: string;
}

/**
 * The item with its stock totals: a sum over its balance rows (one per
 * location and lot, read through the balances' primary key), cheap per item.
 */
function selectItemSql(extraColumns = ''): string {
  return `
  select ${extraColumns} i.id, i.sku, i.name, i.description, i.category_id, i.unit, i.tracking, i.cost_method,
         i.average_cost::text as average_cost, i.default_supplier_id, i.images, i.active, i.created_by,
         i.version, i.created_at, i.updated_at,
         coalesce(s.on_hand, 0)::text as on_hand, coalesce(s.reserved, 0)::text as reserved
    from invantray.items i
    left join lateral (
      select sum(b.on_hand) as on_hand, sum(b.reserved) as reserved from invantray.stock_balances b
       where b.tenant_id = i.tenant_id and b.item_id = i.id
    ) s on true`;
}
const SELECT_ITEM = selectItemSql();

const SORTS: Record<string, SortColumn> = {
  sku: { sql: 'lower(i.sku)', type: 'text' },
  name: { sql: 'lower(i.name)', type: 'text' },
  createdAt: { sql: 'i.created_at', type: 'timestamptz' },
  updatedAt: { sql: 'i.updated_at', type: 'timestamptz' },
};
const ID_COLUMN: SortColumn = { sql: 'i.id', type: 'uuid' };

export function toItem(row: ItemRow): Item {
  const onHand = trimDecimal(row.on_hand);
  const reserved = trimDecimal(row.reserved);
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    categoryId: row.category_id,
    unit: row.unit,
    tracking: row.tracking,
    costMethod: row.cost_method,
    averageCost: trimDecimal(row.average_cost),
    defaultSupplierId: row.default_supplier_id,
    images: row.images,
    active: row.active,
    stock: { onHand, reserved, available: availableOf(row.on_hand, row.reserved) },
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** on hand − reserved, exact: both are numeric(18,4) texts, so scaled integers subtract without floats. */
export function availableOf(onHand: string, reserved: string): string {
  const scaled = (value: string) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4) || '0');
  };
  const difference = scaled(onHand) - scaled(reserved);
  const negative = difference < 0n;
  const magnitude = negative ? -difference : difference;
  const text = `${magnitude / 10_000n}.${String(magnitude % 10_000n).padStart(4, '0')}`;
  return trimDecimal(negative ? `-${text}` : text);
}

export async function selectItem(tx: Tx, tenantId: string, id: string): Promise<Item | undefined> {
  const { rows } = await tx.query<ItemRow>(`${SELECT_ITEM} where i.tenant_id = $1 and i.id = $2`, [
    tenantId,
    id,
  ]);
  return rows[0] ? toItem(rows[0]) : undefined;
}

/** Locks the item row for a change; its version, or undefined when the tenant has no such item. */
export async function lockItem(tx: Tx, tenantId: string, id: string): Promise<number | undefined> {
  const { rows } = await tx.query<{ version: number }>(
    'select version from invantray.items where tenant_id = $1 and id = $2 for update',
    [tenantId, id],
  );
  return rows[0]?.version;
}

/** The list's conditions, shared by the page and the CSV export. */
function itemFilter(tenantId: string, query: ItemFilters) {
  const filter = filterOf([tenantId], ['i.tenant_id = $1']);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) {
    const term = filter.bind(query.q);
    filter.where.push(
      `(strpos(lower(i.sku), lower(${term})) > 0 or strpos(lower(i.name), lower(${term})) > 0
        or exists (select 1 from invantray.barcodes bc
                    where bc.tenant_id = i.tenant_id and bc.item_id = i.id and starts_with(bc.code, ${term})))`,
    );
  }
  if (query.categoryId)
    filter.where.push(`i.category_id in (${categorySubtreeSql('$1', filter.bind(query.categoryId))})`);
  if (query.supplierId) filter.where.push(`i.default_supplier_id = ${filter.bind(query.supplierId)}`);
  if (query.tracking) filter.where.push(`i.tracking = ${filter.bind(query.tracking)}`);
  if (query.active !== 'all') filter.where.push(`i.active = ${filter.bind(query.active === 'true')}`);
  return filter;
}

/** One keyset page of the filtered items, newest first unless `sort` says otherwise. */
export function selectItems(
  tx: Tx,
  tenantId: string,
  query: ItemFilters & { limit: number; cursor?: string | undefined },
) {
  return selectPage(tx, itemFilter(tenantId, query), {
    select: (sortValues) => selectItemSql(`${sortValues},`),
    terms: parseSort(query.sort, SORTS, '-createdAt', ID_COLUMN),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ItemRow & Record<string, unknown>) => toItem(row),
  });
}

export interface ItemFields {
  sku: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  unit: string;
  tracking: Item['tracking'];
  defaultSupplierId: string | null;
  active: boolean;
  images: string[];
}

/** Inserts the item unless its SKU is taken (any case); true when it was inserted. */
export async function insertItem(
  tx: Tx,
  item: ItemFields & { tenantId: string; id: string; createdBy: string | null },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into invantray.items
       (tenant_id, id, sku, name, description, category_id, unit, tracking, default_supplier_id, active, images, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12)
     on conflict do nothing`,
    [
      item.tenantId,
      item.id,
      item.sku,
      item.name,
      item.description,
      item.categoryId,
      item.unit,
      item.tracking,
      item.defaultSupplierId,
      item.active,
      item.images,
      item.createdBy,
    ],
  );
  return rowCount === 1;
}

/** Writes every field and bumps the version, only if `version` is still current. */
export async function updateItemRow(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: ItemFields,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update invantray.items
        set sku = $4, name = $5, description = $6, category_id = $7, unit = $8, tracking = $9,
            default_supplier_id = $10, active = $11, images = $12::text[], version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3`,
    [
      tenantId,
      id,
      version,
      fields.sku,
      fields.name,
      fields.description,
      fields.categoryId,
      fields.unit,
      fields.tracking,
      fields.defaultSupplierId,
      fields.active,
      fields.images,
    ],
  );
  return rowCount === 1;
}

/**
 * Serialises writers of one SKU (any case) in the tenant until the
 * transaction ends, so a create and a rename to the same SKU cannot both
 * pass their duplicate check and one fail on the unique index instead of a 409.
 */
export async function lockSku(tx: Tx, tenantId: string, sku: string): Promise<void> {
  await tx.query(
    "select pg_advisory_xact_lock(hashtextextended($1::text || ':invantray-sku:' || lower($2), 0))",
    [tenantId, sku],
  );
}

/** The item with this SKU (case-insensitive), other than `exceptId`. */
export async function itemIdBySku(
  tx: Tx,
  tenantId: string,
  sku: string,
  exceptId: string | null = null,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from invantray.items
      where tenant_id = $1 and lower(sku) = lower($2) and ($3::uuid is null or id <> $3::uuid)`,
    [tenantId, sku, exceptId],
  );
  return rows[0]?.id;
}

export async function selectUnits(tx: Tx, tenantId: string, itemId: string) {
  const { rows } = await tx.query<{ unit: string; factor: string }>(
    `select unit, factor::text as factor from invantray.item_units
      where tenant_id = $1 and item_id = $2 order by factor, lower(unit)`,
    [tenantId, itemId],
  );
  return rows.map((row) => ({ unit: row.unit, factor: trimDecimal(row.factor) }));
}

export async function selectBarcodes(tx: Tx, tenantId: string, itemId: string) {
  const { rows } = await tx.query<{ code: string; unit: string | null }>(
    'select code, unit from invantray.barcodes where tenant_id = $1 and item_id = $2 order by created_at, code',
    [tenantId, itemId],
  );
  return rows;
}

export async function replaceUnits(
  tx: Tx,
  tenantId: string,
  itemId: string,
  units: readonly { unit: string; factor: string }[],
): Promise<void> {
  await tx.query('delete from invantray.item_units where tenant_id = $1 and item_id = $2', [
    tenantId,
    itemId,
  ]);
  if (units.length === 0) return;
  await tx.query(
    `insert into invantray.item_units (tenant_id, item_id, unit, factor)
     select $1, $2, u.unit, u.factor from unnest($3::text[], $4::numeric[]) as u(unit, factor)`,
    [tenantId, itemId, units.map((entry) => entry.unit), units.map((entry) => entry.factor)],
  );
}

/**
 * Replaces the item's barcodes. A code another item of the tenant has is
 * not inserted: the answer names it and its holder, for a 409.
 */
export async function replaceBarcodes(
  tx: Tx,
  tenantId: string,
  itemId: string,
  barcodes: readonly { code: string; unit: string | null }[],
): Promise<{ code: string; itemId: string } | undefined> {
  await tx.query('delete from invantray.barcodes where tenant_id = $1 and item_id = $2', [tenantId, itemId]);
  if (barcodes.length === 0) return undefined;
  const { rows } = await tx.query<{ code: string }>(
    `insert into invantray.barcodes (tenant_id, code, item_id, unit)
     select $1, b.code, $2, b.unit from unnest($3::text[], $4::text[]) with ordinality as b(code, unit, n)
      order by b.n
     on conflict do nothing
     returning code`,
    [tenantId, itemId, barcodes.map((entry) => entry.code), barcodes.map((entry) => entry.unit)],
  );
  if (rows.length === barcodes.length) return undefined;
  const inserted = new Set(rows.map((row) => row.code));
  const taken = barcodes.find((entry) => !inserted.has(entry.code));
  if (!taken) return undefined;
  const { rows: holders } = await tx.query<{ item_id: string }>(
    'select item_id from invantray.barcodes where tenant_id = $1 and code = $2',
    [tenantId, taken.code],
  );
  return { code: taken.code, itemId: holders[0]?.item_id ?? itemId };
}

export async function hasStockMoves(tx: Tx, tenantId: string, itemId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from invantray.stock_moves where tenant_id = $1 and item_id = $2 limit 1',
    [tenantId, itemId],
  );
  return (rowCount ?? 0) > 0;
}

export async function supplierExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('select 1 from invantray.suppliers where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Units (`box=12`), barcodes (each joined with `; `) and default supplier codes of some items, by id: the CSV export's extra columns. */
export async function exportExtrasOf(tx: Tx, tenantId: string, itemIds: readonly string[]) {
  const { rows } = await tx.query<{
    id: string;
    units: string | null;
    barcodes: string | null;
    supplier_code: string | null;
  }>(
    `select i.id,
            (select string_agg(u.unit || '=' || trim_scale(u.factor)::text, '; ' order by u.factor, lower(u.unit))
               from invantray.item_units u where u.tenant_id = i.tenant_id and u.item_id = i.id) as units,
            (select string_agg(bc.code, '; ' order by bc.created_at, bc.code) from invantray.barcodes bc
              where bc.tenant_id = i.tenant_id and bc.item_id = i.id) as barcodes,
            (select s.code from invantray.suppliers s
              where s.tenant_id = i.tenant_id and s.id = i.default_supplier_id) as supplier_code
       from invantray.items i where i.tenant_id = $1 and i.id = any($2::uuid[])`,
    [tenantId, itemIds],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
