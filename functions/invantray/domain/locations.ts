import type { Tx } from '@halooid/shared/db/transaction';
import * as z from 'zod';

/**
 * A warehouse location as every capability shows it (the warehouse tree,
 * barcode lookup, labels): where it sits (`path`, the codes from the root of
 * its warehouse down to it; `depth`, 0 for a root) and how many stock lines
 * it holds itself (`onHandLines`: item × lot balances above zero). Read
 * here once so the tree, a scan and a printed label say the same thing.
 */
export const LOCATION_KINDS = [
  'zone',
  'aisle',
  'rack',
  'shelf',
  'bin',
  'receiving',
  'shipping',
  'other',
] as const;
export const LocationKind = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKind>;

export const StockLocation = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string().nullable(),
  kind: LocationKind,
  barcode: z.string(),
  active: z.boolean(),
  depth: z.number().int(),
  path: z
    .array(z.string())
    .meta({ description: 'Codes from the warehouse’s root location down to this one.' }),
  onHandLines: z.number().int().meta({ description: 'Stock lines (item × lot) with stock on hand here.' }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type StockLocation = z.infer<typeof StockLocation>;

/** Nesting stops here: deep enough for zone → aisle → rack → shelf → bin many times over, and a bound for the recursive reads. */
export const MAX_LOCATION_DEPTH = 16;

interface LocationRow {
  id: string;
  warehouse_id: string;
  warehouse_code: string;
  parent_id: string | null;
  code: string;
  name: string | null;
  kind: LocationKind;
  barcode: string;
  active: boolean;
  depth: number;
  path: string[];
  on_hand_lines: number;
  version: number;
  created_at: Date;
}

function toLocation(row: LocationRow): StockLocation {
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    barcode: row.barcode,
    active: row.active,
    depth: row.depth,
    path: row.path,
    onHandLines: row.on_hand_lines,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

const DETAIL = `l.id, l.warehouse_id, w.code as warehouse_code, l.parent_id, l.code, l.name, l.kind, l.barcode,
  l.active, l.version, l.created_at,
  (select count(*)::int from invantray.stock_balances b
    where b.tenant_id = l.tenant_id and b.location_id = l.id and b.on_hand > 0) as on_hand_lines`;

/**
 * Locations by id with their paths (walked up to the root, bounded by
 * MAX_LOCATION_DEPTH), in the order asked; unknown ids are left out.
 */
export async function selectLocations(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<StockLocation[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<LocationRow>(
    `with recursive up as (
       select l.id as start_id, l.id, l.parent_id, l.code, 0 as level
         from invantray.locations l
        where l.tenant_id = $1 and l.id = any($2::uuid[])
       union all
       select up.start_id, p.id, p.parent_id, p.code, up.level + 1
         from up join invantray.locations p on p.tenant_id = $1 and p.id = up.parent_id
        where up.level < ${MAX_LOCATION_DEPTH}
     ), paths as (
       select start_id, array_agg(code order by level desc) as path, (count(*) - 1)::int as depth
         from up group by start_id
     )
     select ${DETAIL}, paths.path, paths.depth
       from invantray.locations l
       join invantray.warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
       join paths on paths.start_id = l.id
      where l.tenant_id = $1 and l.id = any($2::uuid[])`,
    [tenantId, ids],
  );
  const byId = new Map(rows.map((row) => [row.id, toLocation(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function selectLocation(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<StockLocation | undefined> {
  return (await selectLocations(tx, tenantId, [id]))[0];
}

/** The location a scanner read, by its barcode (exact, as printed). */
export async function selectLocationByBarcode(
  tx: Tx,
  tenantId: string,
  barcode: string,
): Promise<StockLocation | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    'select id from invantray.locations where tenant_id = $1 and barcode = $2',
    [tenantId, barcode],
  );
  return rows[0] ? selectLocation(tx, tenantId, rows[0].id) : undefined;
}

/**
 * A warehouse's whole tree, flat, in tree order: each location after its
 * parent, siblings by code (case-insensitive), so the web draws it top to
 * bottom. `activeOnly` leaves out inactive locations and everything under them.
 */
export async function selectWarehouseTree(
  tx: Tx,
  tenantId: string,
  warehouseId: string,
  options: { activeOnly?: boolean } = {},
): Promise<StockLocation[]> {
  const active = options.activeOnly ? 'and active' : '';
  const { rows } = await tx.query<LocationRow>(
    `with recursive tree as (
       select id, array[lower(code)] as sort_key, array[code::text] as path, 0 as depth
         from invantray.locations
        where tenant_id = $1 and warehouse_id = $2 and parent_id is null ${active}
       union all
       select c.id, t.sort_key || lower(c.code), t.path || c.code::text, t.depth + 1
         from tree t join invantray.locations c on c.tenant_id = $1 and c.parent_id = t.id ${active.replace('active', 'c.active')}
        where t.depth < ${MAX_LOCATION_DEPTH}
     )
     select ${DETAIL}, tree.path, tree.depth
       from tree
       join invantray.locations l on l.tenant_id = $1 and l.id = tree.id
       join invantray.warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
      order by tree.sort_key, l.id`,
    [tenantId, warehouseId],
  );
  return rows.map(toLocation);
}
