import type { Tx } from './db/transaction';

/**
 * Helpers of the products' demo seeders (product.ts `demoSeed`): a seeded
 * random source so the demo is the same on every machine, and a writer that
 * puts a whole table's rows in with one statement (jsonb_to_recordset), so a
 * few thousand rows cost one round trip each table, not one each row.
 */

/** mulberry32: a small seeded generator; the demo needs repeatability, not quality. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` (objects keyed by column) into a table of the tenant; `columns` is `name type, …`. */
export type InsertRows = (table: string, columns: string, rows: readonly object[]) => Promise<void>;

/** An InsertRows for one product schema and tenant. Table and column names are the seeder's own constants. */
export const rowsInserter =
  (tx: Tx, schema: string, tenantId: string): InsertRows =>
  async (table, columns, rows) => {
    if (rows.length === 0) return;
    const names = columns
      .split(',')
      .map((column) => column.trim().split(' ')[0])
      .join(', ');
    await tx.query(
      `insert into ${schema}.${table} (tenant_id, ${names})
       select $1, ${names} from jsonb_to_recordset($2::jsonb) as x(${columns})`,
      [tenantId, JSON.stringify(rows)],
    );
  };
