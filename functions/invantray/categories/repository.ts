import type { Tx } from '@halooid/shared/db/transaction';
import { CATEGORY_TREE_LOCK, MAX_CATEGORY_DEPTH } from '../domain/categories';

/** SQL of the categories capability; the tree walks shared with items are in domain/categories.ts. */

/**
 * Serialises changes to the tenant's tree until the transaction ends: two
 * moves checked one at a time cannot make a cycle together (A under B while
 * B goes under A), nor two creates the same sibling.
 */
export async function lockTree(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(${CATEGORY_TREE_LOCK})`, [tenantId]);
}

/** Items per category (directly in it). */
export async function directItemCounts(tx: Tx, tenantId: string): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ category_id: string; count: number }>(
    `select category_id, count(*)::int as count from invantray.items
      where tenant_id = $1 and category_id is not null group by category_id`,
    [tenantId],
  );
  return new Map(rows.map((row) => [row.category_id, row.count]));
}

/** The ids from `id` up to the root (itself first), or [] when it does not exist. */
export async function ancestorsOf(tx: Tx, tenantId: string, id: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 1 from invantray.categories where tenant_id = $1 and id = $2
       union all
       select c.id, c.parent_id, up.depth + 1 from invantray.categories c join up on c.id = up.parent_id
        where c.tenant_id = $1 and up.depth <= ${MAX_CATEGORY_DEPTH}
     )
     select id from up order by depth`,
    [tenantId, id],
  );
  return rows.map((row) => row.id);
}

/** How many levels the subtree under `id` spans (1: it has no children). */
export async function subtreeHeight(tx: Tx, tenantId: string, id: string): Promise<number> {
  const { rows } = await tx.query<{ height: number }>(
    `with recursive down(id, depth) as (
       select id, 1 from invantray.categories where tenant_id = $1 and id = $2
       union all
       select c.id, down.depth + 1 from invantray.categories c join down on c.parent_id = down.id
        where c.tenant_id = $1 and down.depth <= ${MAX_CATEGORY_DEPTH}
     )
     select max(depth)::int as height from down`,
    [tenantId, id],
  );
  return rows[0]?.height ?? 1;
}

/** A sibling with this name (any case) under `parentId` (null: the top), other than `exceptId`. */
export async function siblingNamed(
  tx: Tx,
  tenantId: string,
  parentId: string | null,
  name: string,
  exceptId: string | null = null,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from invantray.categories
      where tenant_id = $1 and parent_id is not distinct from $2::uuid and lower(name) = lower($3)
        and ($4::uuid is null or id <> $4::uuid)`,
    [tenantId, parentId, name, exceptId],
  );
  return rows[0]?.id;
}

export async function countCategories(tx: Tx, tenantId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    'select count(*)::int as count from invantray.categories where tenant_id = $1',
    [tenantId],
  );
  return rows[0]?.count ?? 0;
}

export async function insertCategory(
  tx: Tx,
  row: { tenantId: string; id: string; parentId: string | null; name: string },
): Promise<void> {
  await tx.query(
    'insert into invantray.categories (tenant_id, id, parent_id, name) values ($1, $2, $3, $4)',
    [row.tenantId, row.id, row.parentId, row.name],
  );
}

export async function lockCategory(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ version: number; name: string; parentId: string | null } | undefined> {
  const { rows } = await tx.query<{ version: number; name: string; parent_id: string | null }>(
    'select version, name, parent_id from invantray.categories where tenant_id = $1 and id = $2 for update',
    [tenantId, id],
  );
  const row = rows[0];
  return row ? { version: row.version, name: row.name, parentId: row.parent_id } : undefined;
}

export async function updateCategoryRow(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: { name: string; parentId: string | null },
): Promise<void> {
  await tx.query(
    `update invantray.categories set name = $3, parent_id = $4, version = version + 1
      where tenant_id = $1 and id = $2`,
    [tenantId, id, fields.name, fields.parentId],
  );
}

/** What still points at the category: child categories and items. */
export async function usesOf(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ children: number; items: number }> {
  const { rows } = await tx.query<{ children: number; items: number }>(
    `select (select count(*)::int from invantray.categories where tenant_id = $1 and parent_id = $2) as children,
            (select count(*)::int from invantray.items where tenant_id = $1 and category_id = $2) as items`,
    [tenantId, id],
  );
  return rows[0] ?? { children: 0, items: 0 };
}

export async function deleteCategoryRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from invantray.categories where tenant_id = $1 and id = $2', [tenantId, id]);
}
