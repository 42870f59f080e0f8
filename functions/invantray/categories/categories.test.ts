import { describe, expect, it } from 'vitest';
import type { CategoryNode } from '../domain/categories';
import { withItemCounts } from './category-counts';
import { CreateCategoryBody, UpdateCategoryBody } from './schemas';

const node = (id: string, parentId: string | null, path: string[]): CategoryNode => ({
  id,
  parentId,
  name: path.at(-1) as string,
  path,
  version: 1,
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
});

describe('withItemCounts', () => {
  it('counts each category’s items with those of every category below it', () => {
    const nodes = [
      node('tools', null, ['Tools']),
      node('power', 'tools', ['Tools', 'Power tools']),
      node('drills', 'power', ['Tools', 'Power tools', 'Drills']),
      node('hand', 'tools', ['Tools', 'Hand tools']),
      node('paint', null, ['Paint']),
    ];

    const counted = withItemCounts(
      nodes,
      new Map([
        ['tools', 1],
        ['drills', 4],
        ['hand', 2],
      ]),
    );

    expect(counted.map((category) => [category.id, category.itemCount, category.directItemCount])).toEqual([
      ['tools', 7, 1],
      ['power', 4, 0],
      ['drills', 4, 4],
      ['hand', 2, 2],
      ['paint', 0, 0],
    ]);
  });
});

describe('category schemas', () => {
  it('trims names, bounds them and refuses unknown fields', () => {
    expect(CreateCategoryBody.parse({ name: ' Tools ' })).toEqual({ name: 'Tools' });
    expect(CreateCategoryBody.safeParse({ name: 'x'.repeat(101) }).success).toBe(false);
    expect(CreateCategoryBody.safeParse({ name: 'Tools', path: 'x' }).success).toBe(false);
    expect(UpdateCategoryBody.safeParse({ version: 1, parentId: null }).success).toBe(true);
  });
});
