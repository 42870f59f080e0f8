import type { StockLocation } from '../types';

/**
 * A warehouse's locations arrive as a flat list with `parentId`; the tree
 * screen and the pickers need them in tree order with a depth and a path of
 * codes. Built here (not trusted from the order of the answer) so that a
 * location created a moment ago slots in under its parent.
 */
export interface TreeRow {
  location: StockLocation;
  depth: number;
  path: string[];
  hasChildren: boolean;
}

export function treeRows(locations: readonly StockLocation[]): TreeRow[] {
  const ids = new Set(locations.map((location) => location.id));
  const children = new Map<string | null, StockLocation[]>();
  for (const location of locations) {
    // A parent outside the list (filtered away) makes the location a root.
    const parent = location.parentId && ids.has(location.parentId) ? location.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(location);
    children.set(parent, list);
  }
  // Receiving and shipping first, then by code (A-02 before A-10 with numeric collation).
  const order = (a: StockLocation, b: StockLocation) =>
    rank(a) - rank(b) || a.code.localeCompare(b.code, undefined, { numeric: true });
  const rows: TreeRow[] = [];
  const visit = (parent: string | null, depth: number, path: string[]) => {
    for (const location of (children.get(parent) ?? []).sort(order)) {
      const own = [...path, location.code];
      rows.push({ location, depth, path: own, hasChildren: children.has(location.id) });
      visit(location.id, depth + 1, own);
    }
  };
  visit(null, 0, []);
  return rows;
}

function rank(location: StockLocation): number {
  return location.kind === 'receiving' ? 0 : location.kind === 'shipping' ? 1 : 2;
}

/** The rows to show: those whose every ancestor is expanded. */
export function visibleRows(rows: readonly TreeRow[], expanded: ReadonlySet<string>): TreeRow[] {
  const visible: TreeRow[] = [];
  let hiddenBelow: number | undefined;
  for (const row of rows) {
    if (hiddenBelow !== undefined && row.depth > hiddenBelow) continue;
    hiddenBelow = undefined;
    visible.push(row);
    if (row.hasChildren && !expanded.has(row.location.id)) hiddenBelow = row.depth;
  }
  return visible;
}

/** "A / 03 / B2": a location as people read it in a picker. */
export function pathLabel(row: Pick<TreeRow, 'path' | 'location'>): string {
  const name = row.location.name && row.location.name !== row.location.code ? ` (${row.location.name})` : '';
  return `${row.path.join(' / ')}${name}`;
}
