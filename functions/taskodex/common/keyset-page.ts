import {
  afterCursor,
  decodeCursor,
  orderBy,
  type SortTerm,
  sortValuesSelect,
  toPage,
} from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';

/**
 * The WHERE of a list query, built condition by condition. `bind` appends a
 * parameter and returns its placeholder, so values are never spliced into SQL.
 */
export interface Filter {
  readonly params: unknown[];
  readonly where: string[];
  bind(value: unknown): string;
}

/** Starts a filter with the statement's fixed parameters and conditions (tenant first). */
export function filterOf(params: unknown[], where: string[]): Filter {
  return {
    params,
    where,
    bind(value) {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * One keyset page of a Taskodex list: the rows after `cursor` in the order of
 * `terms`, fetched `limit + 1` at a time to know whether a next page exists.
 * `select` gets the sort-value columns the cursor is built from and returns
 * `select … from …` (joins included); filter, order and limit are added here,
 * so every list pages the same way.
 */
export async function selectPage<Row extends Record<string, unknown>, Item>(
  tx: Tx,
  filter: Filter,
  page: {
    select: (sortValues: string) => string;
    terms: readonly SortTerm[];
    cursor: string | undefined;
    limit: number;
    map: (row: Row) => Item;
  },
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const { terms } = page;
  if (page.cursor) {
    const after = afterCursor(terms, decodeCursor(terms, page.cursor), filter.params.length + 1);
    filter.params.push(...after.params);
    filter.where.push(after.sql);
  }
  const { rows } = await tx.query<Row>(
    `${page.select(sortValuesSelect(terms))}
      where ${filter.where.join(' and ')}
      order by ${orderBy(terms)}
      limit ${filter.bind(page.limit + 1)}`,
    filter.params,
  );
  return toPage(rows, page.limit, terms, page.map);
}
