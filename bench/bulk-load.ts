import type pg from 'pg';

/**
 * Loads a benchmark tenant's rows in one transaction as the database owner,
 * with the tables' secondary indexes dropped for the load and built once
 * after it (an index filled row by row costs many times its bulk build; the
 * bench database is its own), then analyzes the tables so the planner sees
 * the sizes. Returns the seconds it took.
 */
export async function bulkLoad(
  admin: pg.Pool,
  target: { schema: string; tables: readonly string[] },
  load: (client: pg.PoolClient) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  const client = await admin.connect();
  const { rows: indexes } = await client.query<{ indexdef: string; name: string }>(
    `select indexdef, schemaname || '.' || indexname as name from pg_indexes
      where schemaname = $1 and tablename = any($2::text[]) and indexname not like '%_pkey'`,
    [target.schema, target.tables],
  );
  try {
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    await client.query('begin');
    await load(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    for (const index of indexes)
      await client.query(index.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
    client.release();
  }
  const analyze = await admin.connect();
  try {
    for (const table of target.tables) await analyze.query(`analyze ${target.schema}.${table}`);
  } finally {
    analyze.release();
  }
  return (performance.now() - started) / 1000;
}
