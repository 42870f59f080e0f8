import type { Tx } from '@halooid/shared/db/transaction';

/**
 * The item category tree as more than one slice reads it: the categories
 * capability edits it, items filter by a category's subtree and show an
 * item's category path. Walks are recursive CTEs bounded by MAX_CATEGORY_DEPTH,
 * so even a cycle that slipped past the checks could not loop forever.
 */
export const MAX_CATEGORY_DEPTH = 20;

/**
 * SQL selecting the ids of a category and every category below it; `tenant`
 * and `id` are placeholders the caller has bound (`$1`, `$4`…).
 */
export function categorySubtreeSql(tenant: string, id: string): string {
  return `with recursive subtree(id, depth) as (
            select c.id, 1 from invantray.categories c where c.tenant_id = ${tenant} and c.id = ${id}
            union all
            select c.id, s.depth + 1 from invantray.categories c
              join subtree s on c.parent_id = s.id
             where c.tenant_id = ${tenant} and s.depth < ${MAX_CATEGORY_DEPTH}
          )
          select id from subtree`;
}

export interface CategoryRef {
  id: string;
  name: string;
  /** Names from the root down to this category: ["Tools", "Power tools"]. */
  path: string[];
}

/** A category with its path from the root, or undefined when the tenant has no such category. */
export async function categoryWithPath(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<CategoryRef | undefined> {
  const { rows } = await tx.query<{ name: string }>(
    `with recursive up(id, parent_id, name, depth) as (
       select id, parent_id, name, 1 from invantray.categories where tenant_id = $1 and id = $2
       union all
       select c.id, c.parent_id, c.name, up.depth + 1 from invantray.categories c
         join up on c.id = up.parent_id
        where c.tenant_id = $1 and up.depth < ${MAX_CATEGORY_DEPTH}
     )
     select name from up order by depth desc`,
    [tenantId, id],
  );
  const last = rows.at(-1);
  return last ? { id, name: last.name, path: rows.map((row) => row.name) } : undefined;
}

/** The advisory lock key of a tenant's category tree: edits take it exclusively, filing an item shared. */
export const CATEGORY_TREE_LOCK = "hashtextextended($1::text || ':invantray-category-tree', 0)";

/**
 * Whether an item may be filed under the category. Takes the tree lock shared
 * (item writes do not queue on each other), so a concurrent delete of the
 * category (which takes it exclusively and checks for items) runs wholly
 * before or after this filing: a 422 here or a 409 there, never an FK error.
 */
export async function categoryExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  await tx.query(`select pg_advisory_xact_lock_shared(${CATEGORY_TREE_LOCK})`, [tenantId]);
  const { rowCount } = await tx.query('select 1 from invantray.categories where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  version: number;
  createdAt: Date;
}

/** Most categories a tenant may have: the tree is read whole, so it must stay small. */
export const MAX_CATEGORIES = 5000;

/**
 * The tenant's whole category tree, each with its path, ordered by path
 * (case-insensitive) so a parent comes right before its children.
 */
export async function categoryTree(tx: Tx, tenantId: string): Promise<CategoryNode[]> {
  const { rows } = await tx.query<{
    id: string;
    parent_id: string | null;
    name: string;
    path: string[];
    version: number;
    created_at: Date;
  }>(
    `with recursive tree(id, parent_id, name, path, sort_path, version, created_at, depth) as (
       select id, parent_id, name, array[name], array[lower(name)], version, created_at, 1
         from invantray.categories where tenant_id = $1 and parent_id is null
       union all
       select c.id, c.parent_id, c.name, t.path || c.name, t.sort_path || lower(c.name), c.version, c.created_at,
              t.depth + 1
         from invantray.categories c join tree t on c.parent_id = t.id
        where c.tenant_id = $1 and t.depth < ${MAX_CATEGORY_DEPTH}
     )
     select id, parent_id, name, path, version, created_at from tree order by sort_path, id`,
    [tenantId],
  );
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    path: row.path,
    version: row.version,
    createdAt: row.created_at,
  }));
}
