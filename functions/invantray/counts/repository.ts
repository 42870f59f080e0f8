import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { CountLineRow, CountRow } from './count-view';
import type { CountStatus, ListCountsQuery } from './schemas';

/** SQL for invantray.stock_counts and their lines; every statement filters by tenant_id (RLS is the backstop). */

const COUNT_SELECT = `
  select c.id, c.number, c.status, c.location_id, l.warehouse_id, l.code as location_code,
         c.include_sublocations, c.item_ids::text[] as item_ids, c.note,
         (select count(*)::int from invantray.stock_count_lines x
           where x.tenant_id = c.tenant_id and x.count_id = c.id) as line_count,
         (select count(*)::int from invantray.stock_count_lines x
           where x.tenant_id = c.tenant_id and x.count_id = c.id and x.counted is not null) as counted_line_count,
         c.variance_value::text, c.created_by, c.submitted_by, c.submitted_at, c.approved_by, c.posted_at,
         c.decision_note, c.version, c.created_at, c.updated_at
  from invantray.stock_counts c
  join invantray.locations l on l.tenant_id = c.tenant_id and l.id = c.location_id`;

export async function selectCount(tx: Tx, tenantId: string, id: string): Promise<CountRow | undefined> {
  const { rows } = await tx.query<CountRow>(`${COUNT_SELECT} where c.tenant_id = $1 and c.id = $2`, [
    tenantId,
    id,
  ]);
  return rows[0];
}

/** Locks the count row for the rest of the transaction: entries, submit and decisions queue on it. */
export async function lockCount(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ status: CountStatus; submitted_by: string | null } | undefined> {
  const { rows } = await tx.query<{ status: CountStatus; submitted_by: string | null }>(
    'select status, submitted_by from invantray.stock_counts where tenant_id = $1 and id = $2 for update',
    [tenantId, id],
  );
  return rows[0];
}

export async function selectCountLines(tx: Tx, tenantId: string, countId: string): Promise<CountLineRow[]> {
  const { rows } = await tx.query<CountLineRow>(
    `select cl.id, cl.item_id, i.sku, i.name as item_name, i.unit, cl.location_id, loc.code as location_code,
            cl.lot_key, lot.number as lot_number, cl.expected::text, cl.counted::text, cl.counted_by, cl.counted_at,
            cl.unit_cost::text, (cl.counted - cl.expected)::text as variance,
            round((cl.counted - cl.expected) * cl.unit_cost, 2)::text as variance_value
     from invantray.stock_count_lines cl
     join invantray.items i on i.tenant_id = cl.tenant_id and i.id = cl.item_id
     join invantray.locations loc on loc.tenant_id = cl.tenant_id and loc.id = cl.location_id
     left join invantray.lots lot on lot.tenant_id = cl.tenant_id and lot.id = cl.lot_key
     where cl.tenant_id = $1 and cl.count_id = $2
     order by loc.code, i.sku, lot.number nulls first, cl.id`,
    [tenantId, countId],
  );
  return rows;
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'c.created_at', type: 'timestamptz' } };

/** Newest first, keyset-paged. */
export function selectCounts(tx: Tx, tenantId: string, query: ListCountsQuery) {
  const filter = filterOf([tenantId], ['c.tenant_id = $1']);
  if (query.status) filter.where.push(`c.status = ${filter.bind(query.status)}`);
  if (query.warehouseId) filter.where.push(`l.warehouse_id = ${filter.bind(query.warehouseId)}::uuid`);
  return selectPage(tx, filter, {
    select: (sortValues) => COUNT_SELECT.replace('select c.id,', `select ${sortValues}, c.id,`),
    terms: parseSort(undefined, SORTS, '-createdAt', { sql: 'c.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: CountRow & Record<string, unknown>) => row,
  });
}

/**
 * The locations a count covers, as a recursive CTE named `scope` with $1 the
 * tenant, `root` the root location's placeholder and `deep` whether the
 * locations below it are included.
 */
export function scopeCte(root: string, deep: string): string {
  return `scope as (
    select id from invantray.locations where tenant_id = $1 and id = ${root}
    union all
    select l.id from invantray.locations l join scope s on l.parent_id = s.id
    where l.tenant_id = $1 and ${deep}
  )`;
}

/**
 * An open or submitted count whose stock overlaps the new one's: its
 * location is inside the new scope, or it includes its sublocations and the
 * new root is below it. Either would post the same variances twice.
 */
export async function overlappingCount(
  tx: Tx,
  tenantId: string,
  rootId: string,
  includeSublocations: boolean,
): Promise<{ id: string; number: string } | undefined> {
  const { rows } = await tx.query<{ id: string; number: string }>(
    `with recursive ${scopeCte('$2', '$3')},
     ancestors as (
       select parent_id as id from invantray.locations where tenant_id = $1 and id = $2 and parent_id is not null
       union all
       select l.parent_id from invantray.locations l join ancestors a on l.id = a.id
       where l.tenant_id = $1 and l.parent_id is not null
     )
     select c.id, c.number from invantray.stock_counts c
     where c.tenant_id = $1 and c.status in ('open', 'pending_approval')
       and (c.location_id in (select id from scope)
            or (c.include_sublocations and c.location_id in (select id from ancestors)))
     order by c.created_at limit 1`,
    [tenantId, rootId, includeSublocations],
  );
  return rows[0];
}

export async function insertCount(
  tx: Tx,
  count: {
    tenantId: string;
    id: string;
    number: string;
    locationId: string;
    includeSublocations: boolean;
    itemIds: string[] | null;
    note: string | null;
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into invantray.stock_counts
       (tenant_id, id, number, location_id, include_sublocations, item_ids, note, created_by)
     values ($1, $2, $3, $4, $5, $6::uuid[], $7, $8)`,
    [
      count.tenantId,
      count.id,
      count.number,
      count.locationId,
      count.includeSublocations,
      count.itemIds,
      count.note,
      count.createdBy,
    ],
  );
}

/** One line per balance with stock in the scope (item × location × lot), `expected` = on hand now. */
export async function insertSnapshotLines(
  tx: Tx,
  tenantId: string,
  count: { id: string; locationId: string; includeSublocations: boolean; itemIds: string[] | null },
): Promise<void> {
  await tx.query(
    `with recursive ${scopeCte('$3', '$4')}
     insert into invantray.stock_count_lines (tenant_id, id, count_id, item_id, location_id, lot_key, expected)
     select $1, gen_random_uuid(), $2, b.item_id, b.location_id, b.lot_key, b.on_hand
     from invantray.stock_balances b
     where b.tenant_id = $1 and b.location_id in (select id from scope) and b.on_hand > 0
       and ($5::uuid[] is null or b.item_id = any($5::uuid[]))`,
    [tenantId, count.id, count.locationId, count.includeSublocations, count.itemIds],
  );
}

/** Which of `locationIds` lie in the count's scope. */
export async function locationsInScope(
  tx: Tx,
  tenantId: string,
  count: { locationId: string; includeSublocations: boolean },
  locationIds: readonly string[],
): Promise<Set<string>> {
  const { rows } = await tx.query<{ id: string }>(
    `with recursive ${scopeCte('$2', '$3')}
     select id from scope where id = any($4::uuid[])`,
    [tenantId, count.locationId, count.includeSublocations, locationIds],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Records a counted quantity: the snapshot's line when there is one, else a
 * new line for stock found there, expecting what the ledger holds there now
 * (0 when nothing): a found item's variance is against its current balance.
 */
export async function upsertEntry(
  tx: Tx,
  tenantId: string,
  entry: {
    id: string;
    countId: string;
    itemId: string;
    locationId: string;
    lotKey: string;
    counted: string;
    countedBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into invantray.stock_count_lines
       (tenant_id, id, count_id, item_id, location_id, lot_key, expected, counted, counted_by, counted_at)
     values ($1, $2, $3, $4, $5, $6,
             coalesce((select on_hand from invantray.stock_balances
                       where tenant_id = $1 and item_id = $4 and location_id = $5 and lot_key = $6), 0),
             $7, $8, now())
     on conflict (tenant_id, count_id, item_id, location_id, lot_key)
     do update set counted = excluded.counted, counted_by = excluded.counted_by, counted_at = excluded.counted_at`,
    [
      tenantId,
      entry.id,
      entry.countId,
      entry.itemId,
      entry.locationId,
      entry.lotKey,
      entry.counted,
      entry.countedBy,
    ],
  );
}

/** A change to the count's lines is a change to the count: a new version. */
export async function touchCount(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query(
    `update invantray.stock_counts set version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
}
