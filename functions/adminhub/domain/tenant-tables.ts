import type { Tx } from '@halooid/shared/db/transaction';

/**
 * The tables that hold a tenant's rows, found in the catalog by
 * adminhub.tenant_tables() (adminhub/0005): every table with a `tenant_id
 * uuid` column in every schema (so a new product's tables are exported and
 * deleted without an edit), platform.tenants by its `id`, and platform.users
 * through the tenant's memberships.
 */
export interface TenantTable {
  /** `schema.name`, quoted where the name needs it. */
  table: string;
  /** What the jobs pass to adminhub's functions: they have no USAGE on the products' schemas to name a table. */
  oid: number;
  keyColumn: 'tenant_id' | 'id' | 'member';
}

export async function listTenantTables(tx: Tx): Promise<TenantTable[]> {
  const { rows } = await tx.query<{
    table_oid: number;
    table_name: string;
    key_column: TenantTable['keyColumn'];
  }>('select table_oid, table_name, key_column from adminhub.tenant_tables()');
  return rows.map((row) => ({
    table: row.table_name,
    oid: Number(row.table_oid),
    keyColumn: row.key_column,
  }));
}

/** A foreign key between two tenant tables: `child` rows point at `parent` rows. */
export interface ForeignKey {
  child: string;
  parent: string;
}

/** Every foreign key among the tables given, from the catalog, by the tables' names. */
export async function foreignKeysAmong(tx: Tx, tables: readonly TenantTable[]): Promise<ForeignKey[]> {
  const { rows } = await tx.query<{ child: number; parent: number }>(
    `select distinct c.conrelid::int8 as child, c.confrelid::int8 as parent
       from pg_constraint c
      where c.contype = 'f' and c.conrelid <> c.confrelid
        and c.conrelid = any($1::oid[]) and c.confrelid = any($1::oid[])`,
    [tables.map((table) => table.oid)],
  );
  const names = new Map(tables.map((table) => [table.oid, table.table]));
  return rows.map((row) => ({
    child: names.get(Number(row.child)) ?? '',
    parent: names.get(Number(row.parent)) ?? '',
  }));
}

/**
 * The order to delete tables in so that no row is deleted while another
 * still points at it: children before parents (a table's own references to
 * itself go with its rows in one statement). Tables in a cycle keep their
 * catalog order at the end; the deletion retries those that fail.
 * `platform.users` goes after everything (its rows are deleted only once the
 * memberships are), and `platform.tenants` last of all.
 */
export function deletionOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const last = ['platform.users', 'platform.tenants'];
  const pending = new Set(tables.filter((table) => !last.includes(table)));
  const order: string[] = [];
  while (pending.size > 0) {
    // Free: no pending table still points at it.
    const free = [...pending].filter(
      (table) => !keys.some((key) => key.parent === table && key.child !== table && pending.has(key.child)),
    );
    if (free.length === 0) {
      order.push(...pending);
      break;
    }
    for (const table of free) {
      order.push(table);
      pending.delete(table);
    }
  }
  return [...order, ...last.filter((table) => tables.includes(table))];
}
