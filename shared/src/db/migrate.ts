import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

export interface Migration {
  product: string;
  name: string;
  sql: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Platform first: every product's migrations rely on its role and helpers. */
const FIRST_PRODUCT = 'platform';
const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;
// Any constant; one runner at a time per database. Inlined (not a bind
// parameter) so the lock call is a simple query outside any transaction.
const LOCK_KEY = 4207231;

/** Reads `functions/<product>/migrations/NNNN_name.sql` for every product, in apply order. */
export async function discoverMigrations(functionsDir: string): Promise<Migration[]> {
  const products = (await readdir(functionsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a === FIRST_PRODUCT ? -1 : b === FIRST_PRODUCT ? 1 : a.localeCompare(b)));
  const migrations: Migration[] = [];
  for (const product of products) {
    const dir = path.join(functionsDir, product, 'migrations');
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const name of files.filter((file) => file.endsWith('.sql')).sort()) {
      if (!MIGRATION_FILE.test(name))
        throw new Error(`Migration ${product}/${name} must be named NNNN_snake_case.sql`);
      migrations.push({ product, name, sql: await readFile(path.join(dir, name), 'utf8') });
    }
  }
  return migrations;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Applies pending migrations in order, each in its own transaction together
 * with its bookkeeping row, under an advisory lock so two runners (two
 * deploys, two dev servers) never interleave. An applied migration whose file
 * changed is an error: migrations are append-only.
 */
export async function migrate(
  client: pg.ClientBase,
  migrations: readonly Migration[],
): Promise<MigrationResult> {
  await client.query(`select pg_advisory_lock(${LOCK_KEY})`);
  try {
    await client.query(`create schema if not exists platform;
      create table if not exists platform.schema_migrations (
        product text not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (product, name)
      )`);
    const { rows } = await client.query<{ product: string; name: string; checksum: string }>(
      'select product, name, checksum from platform.schema_migrations',
    );
    const done = new Map(rows.map((row) => [`${row.product}/${row.name}`, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const id = `${migration.product}/${migration.name}`;
      const sum = checksum(migration.sql);
      const previous = done.get(id);
      if (previous !== undefined) {
        if (previous !== sum)
          throw new Error(`Migration ${id} was changed after it was applied; add a new migration instead.`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query(
          'insert into platform.schema_migrations (product, name, checksum) values ($1, $2, $3)',
          [migration.product, migration.name, sum],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${id} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(id);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query(`select pg_advisory_unlock(${LOCK_KEY})`);
  }
}
