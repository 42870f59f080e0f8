import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { CreateItemInput, Item, ListItemsQuery } from './schemas';

/** SQL for invantray.items; every statement filters by tenant_id (RLS is the backstop). */
interface ItemRow {
  id: string;
  name: string;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, created_by, version, created_at, updated_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertItem(
  tx: Tx,
  item: CreateItemInput & { tenantId: string; id: string; createdBy: string | null },
): Promise<Item> {
  const { rows } = await tx.query<ItemRow>(
    `insert into invantray.items (tenant_id, id, name, created_by)
     values ($1, $2, $3, $4)
     returning ${COLUMNS}`,
    [item.tenantId, item.id, item.name, item.createdBy],
  );
  return toItem(rows[0] as ItemRow);
}

export async function selectItem(tx: Tx, tenantId: string, id: string): Promise<Item | undefined> {
  const { rows } = await tx.query<ItemRow>(
    `select ${COLUMNS} from invantray.items where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return rows[0] ? toItem(rows[0]) : undefined;
}

/** Newest first; keyset-paged, so page 500 costs what page 1 costs. */
export async function selectItems(tx: Tx, tenantId: string, query: ListItemsQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) filter.where.push(`strpos(lower(name), lower(${filter.bind(query.q)})) > 0`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from invantray.items`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ItemRow & Record<string, unknown>) => toItem(row),
  });
}
