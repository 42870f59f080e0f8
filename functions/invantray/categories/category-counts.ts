import type { CategoryNode } from '../domain/categories';
import type { Category } from './schemas';

/**
 * The tree as the API shows it: each category with the items directly in it
 * and in its whole subtree. Pure: the subtree totals are summed bottom-up
 * along parent links (deepest first), so the tree is walked once.
 */
export function withItemCounts(
  nodes: readonly CategoryNode[],
  direct: ReadonlyMap<string, number>,
): Category[] {
  const totals = new Map(nodes.map((node) => [node.id, direct.get(node.id) ?? 0]));
  const deepestFirst = [...nodes].sort((a, b) => b.path.length - a.path.length);
  for (const node of deepestFirst) {
    if (node.parentId && totals.has(node.parentId))
      totals.set(node.parentId, (totals.get(node.parentId) ?? 0) + (totals.get(node.id) ?? 0));
  }
  return nodes.map((node) => ({
    id: node.id,
    parentId: node.parentId,
    name: node.name,
    path: node.path,
    itemCount: totals.get(node.id) ?? 0,
    directItemCount: direct.get(node.id) ?? 0,
    version: node.version,
    createdAt: node.createdAt.toISOString(),
  }));
}
