import { describe, expect, it } from 'vitest';
import { OrgTree } from './org-tree';
import type { OrgChartNode } from './types';

const node = (id: string, managerId: string | null, depth: number, directReportCount = 0): OrgChartNode => ({
  id,
  employeeNumber: `EMP-${id}`,
  name: `Person ${id}`,
  positionTitle: null,
  departmentName: null,
  managerId,
  depth,
  directReportCount,
});

describe('OrgTree', () => {
  // ceo → (cto → dev1, dev2), cfo ; depth 1 loads the ceo and their reports only.
  const first = [node('ceo', null, 0, 2), node('cto', 'ceo', 1, 2), node('cfo', 'ceo', 1, 0)];

  it('shows the roots, and children only when expanded', () => {
    const tree = new OrgTree();
    tree.merge(first, 1, true);
    expect(tree.visible(new Set()).map((row) => row.node.id)).toEqual(['ceo']);
    const rows = tree.visible(new Set(['ceo']));
    expect(rows.map((row) => [row.node.id, row.level, row.position, row.siblings])).toEqual([
      ['ceo', 1, 1, 1],
      ['cto', 2, 1, 2],
      ['cfo', 2, 2, 2],
    ]);
  });

  it('knows which nodes need their reports loaded, and merges them in', () => {
    const tree = new OrgTree();
    tree.merge(first, 1, true);
    expect(tree.loaded('ceo')).toBe(true);
    expect(tree.loaded('cto')).toBe(false);
    expect(tree.hasChildren('cto')).toBe(true);
    expect(tree.hasChildren('cfo')).toBe(false);
    // The lazy load of cto: rootId=cto, depth=1 → cto at depth 0 and its reports at 1.
    tree.merge([node('cto', 'ceo', 0, 2), node('dev1', 'cto', 1), node('dev2', 'cto', 1)], 1);
    expect(tree.loaded('cto')).toBe(true);
    expect(tree.roots).toEqual(['ceo']);
    expect(tree.visible(new Set(['ceo', 'cto'])).map((row) => [row.node.id, row.level, row.parent])).toEqual([
      ['ceo', 1, null],
      ['cto', 2, 'ceo'],
      ['dev1', 3, 'cto'],
      ['dev2', 3, 'cto'],
      ['cfo', 2, 'ceo'],
    ]);
  });

  it('holds several roots (employees without a manager)', () => {
    const tree = new OrgTree();
    tree.merge([node('a', null, 0), node('b', null, 0)], 2, true);
    expect(tree.visible(new Set()).map((row) => [row.node.id, row.siblings])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
  });
});
