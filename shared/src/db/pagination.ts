import * as z from 'zod';
import { ValidationError } from '../errors';
import { UUID_PATTERN } from '../ids';
import type { Tx } from './transaction';

/**
 * Cursor (keyset) pagination. A list sorts by allowlisted expressions and
 * always ends with `id` as the tie-break, so the order is total and a page
 * boundary is a single row. The cursor holds the last row's sort values as
 * text plus the sort it was made for; the next page starts strictly after it.
 * No OFFSET: page 500 costs what page 1 costs, and inserts never shift pages.
 */

/** One sortable field: a non-null SQL expression (coalesce nullable columns) and the type to compare it as. */
export interface SortColumn {
  sql: string;
  type: 'text' | 'timestamptz' | 'date' | 'int' | 'float8' | 'uuid';
}

export interface SortTerm {
  field: string;
  column: SortColumn;
  descending: boolean;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().min(1).max(2048).optional(),
};

export function pageOf<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

const ID_COLUMN: SortColumn = { sql: 'id', type: 'uuid' };

/** Parses `?sort=-createdAt,title` against the allowlist; unknown fields are a 400 naming them. */
export function parseSort(
  sort: string | undefined,
  allowed: Record<string, SortColumn>,
  fallback: string,
  idColumn: SortColumn = ID_COLUMN,
): SortTerm[] {
  const terms: SortTerm[] = [];
  for (const raw of (sort || fallback)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const descending = raw.startsWith('-');
    const field = descending ? raw.slice(1) : raw;
    // hasOwn: `constructor` or `__proto__` must not pass the allowlist.
    const column = Object.hasOwn(allowed, field) ? allowed[field] : undefined;
    if (!column) {
      throw new ValidationError(`Cannot sort by "${field}".`, [
        {
          field: 'query.sort',
          message: `Sort by one of: ${Object.keys(allowed).join(', ')}.`,
          code: 'invalid_sort',
        },
      ]);
    }
    if (terms.some((term) => term.field === field)) continue;
    terms.push({ field, column, descending });
  }
  const last = terms.at(-1);
  terms.push({ field: 'id', column: idColumn, descending: last?.descending ?? false });
  return terms;
}

export function orderBy(terms: readonly SortTerm[]): string {
  return terms.map((term) => `${term.column.sql} ${term.descending ? 'desc' : 'asc'}`).join(', ');
}

/** Select list fragment returning each sort value as text, for building the next cursor. */
export function sortValuesSelect(terms: readonly SortTerm[]): string {
  return terms.map((term, index) => `(${term.column.sql})::text as "__sort${index}"`).join(', ');
}

function signature(terms: readonly SortTerm[]): string {
  return terms.map((term) => `${term.descending ? '-' : ''}${term.field}`).join(',');
}

export function encodeCursor(terms: readonly SortTerm[], row: Record<string, unknown>): string {
  const values = terms.map((_, index) => String(row[`__sort${index}`]));
  return Buffer.from(JSON.stringify({ s: signature(terms), v: values })).toString('base64url');
}

function invalidCursor(): ValidationError {
  return new ValidationError('The cursor is not valid for this list; start again without it.', [
    { field: 'query.cursor', message: 'Invalid or expired cursor.', code: 'invalid_cursor' },
  ]);
}

export function decodeCursor(terms: readonly SortTerm[], cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const shape = z.object({ s: z.string(), v: z.array(z.string()) }).safeParse(parsed);
  if (!shape.success || shape.data.s !== signature(terms) || shape.data.v.length !== terms.length)
    throw invalidCursor();
  // The cursor is not signed: an edited value must be a 400 here, not a cast error in Postgres.
  if (!shape.data.v.every((value, index) => fitsType(value, terms[index]?.column.type)))
    throw invalidCursor();
  return shape.data.v;
}

/** Shapes of Postgres' text output per sort type (what encodeCursor wrote), loose enough for any server setting. */
const VALUE_SHAPES: Record<SortColumn['type'], RegExp> = {
  uuid: UUID_PATTERN,
  int: /^-?\d{1,10}$/,
  float8: /^(-?\d+(\.\d+)?(e[+-]?\d+)?|-?Infinity|NaN)$/i,
  date: /^(-?infinity|\d{4}-\d{2}-\d{2})$/,
  timestamptz:
    /^(-?infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?)$/,
  text: /^/, // any text; a NUL is refused below (Postgres text cannot hold one)
};

function fitsType(value: string, type: SortColumn['type'] | undefined): boolean {
  if (!type || !VALUE_SHAPES[type].test(value) || value.includes('\0')) return false;
  if (type === 'int') return Math.abs(Number(value)) <= 2_147_483_647;
  if (type === 'date' || type === 'timestamptz') {
    if (value.endsWith('infinity')) return true;
    // Month and day in range, and no year 0 (Postgres has none).
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(2000, month - 1, day));
    return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }
  return true;
}

/**
 * `WHERE` fragment selecting rows strictly after the cursor, expanded as
 * (a > x) or (a = x and b > y) or ... so mixed directions work. Values are
 * bind parameters starting at `$firstIndex`.
 */
export function afterCursor(
  terms: readonly SortTerm[],
  values: readonly string[],
  firstIndex: number,
): { sql: string; params: string[] } {
  const placeholder = (index: number) => `$${firstIndex + index}::${terms[index]?.column.type}`;
  const alternatives = terms.map((term, index) => {
    const equalities = terms.slice(0, index).map((prior, j) => `${prior.column.sql} = ${placeholder(j)}`);
    const comparison = `${term.column.sql} ${term.descending ? '<' : '>'} ${placeholder(index)}`;
    return `(${[...equalities, comparison].join(' and ')})`;
  });
  return { sql: `(${alternatives.join(' or ')})`, params: [...values] };
}

/** Splits a `limit + 1` fetch into the page and the cursor of the next one. */
export function toPage<Row extends Record<string, unknown>, Item>(
  rows: readonly Row[],
  limit: number,
  terms: readonly SortTerm[],
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(terms, last) : null,
  };
}

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
 * One keyset page of a list: the rows after `cursor` in the order of
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
