import type { OrgChartNode } from './types';

/**
 * The org chart as the screen holds it: nodes by id, the children loaded for
 * each, and which nodes' children are known. The API returns a depth-limited,
 * depth-first flat list; a node above the depth limit comes with all its
 * reports, one at the limit only with their count (expand loads them with
 * `rootId`).
 */
export class OrgTree {
  readonly nodes = new Map<string, OrgChartNode>();
  readonly children = new Map<string, string[]>();
  roots: string[] = [];

  /** Adds an answer of GET /org-chart asked with `depth`; `asRoots` for the first (no rootId) load. */
  merge(items: readonly OrgChartNode[], depth: number, asRoots = false): void {
    const fresh = new Map<string, string[]>();
    for (const node of items) {
      this.nodes.set(node.id, node);
      if (node.depth < depth) fresh.set(node.id, []);
    }
    for (const node of items) {
      if (node.managerId && fresh.has(node.managerId) && node.depth > 0)
        fresh.get(node.managerId)?.push(node.id);
    }
    for (const [id, kids] of fresh) this.children.set(id, kids);
    if (asRoots) this.roots = items.filter((node) => node.depth === 0).map((node) => node.id);
  }

  hasChildren(id: string): boolean {
    return (this.nodes.get(id)?.directReportCount ?? 0) > 0;
  }

  /**
   * Whether all reports of `id` are here (else expanding it loads them): by
   * their count, so a chart that changed since the last answer loads again.
   */
  loaded(id: string): boolean {
    return this.children.get(id)?.length === (this.nodes.get(id)?.directReportCount ?? 0);
  }

  /** The rows to show: every root, and the loaded children of expanded nodes, depth first. */
  visible(expanded: ReadonlySet<string>): VisibleRow[] {
    const rows: VisibleRow[] = [];
    const walk = (ids: readonly string[], level: number, parent: string | null) => {
      ids.forEach((id, index) => {
        const node = this.nodes.get(id);
        if (!node) return;
        rows.push({ node, level, parent, position: index + 1, siblings: ids.length });
        if (expanded.has(id)) walk(this.children.get(id) ?? [], level + 1, id);
      });
    };
    walk(this.roots, 1, null);
    return rows;
  }
}

export interface VisibleRow {
  node: OrgChartNode;
  /** 1 for a root (aria-level). */
  level: number;
  parent: string | null;
  /** aria-posinset / aria-setsize among its siblings. */
  position: number;
  siblings: number;
}
