import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../types';
import { conflicts, draftOf, patchOf } from './item-edit';

const item: ItemDetail = {
  id: 'i1',
  sku: 'WID-1',
  name: 'Widget',
  description: null,
  categoryId: null,
  category: null,
  unit: 'each',
  tracking: 'none',
  averageCost: '2.500000',
  costMethod: 'moving_average',
  createdBy: null,
  stock: { onHand: '0', reserved: '0', available: '0' },
  defaultSupplierId: null,
  images: [],
  active: true,
  version: 3,
  createdAt: '',
  updatedAt: '',
  units: [{ unit: 'box', factor: '12.000000' }],
  barcodes: [{ code: '4006381333931', unit: null }],
};

describe('item edit', () => {
  it('patches only what changed, with the version read', () => {
    const draft = { ...draftOf(item), name: 'Widget large ', units: 'box = 12\npallet = 480' };
    expect(patchOf(item, draft)).toEqual({
      version: 3,
      name: 'Widget large',
      units: [
        { unit: 'box', factor: '12' },
        { unit: 'pallet', factor: '480' },
      ],
    });
  });

  it('sends nothing but the version when nothing changed', () => {
    expect(patchOf(item, draftOf(item))).toEqual({ version: 3 });
  });

  it('names the fields where the latest version differs from my edits', () => {
    const latest = { ...item, name: 'Widget (blue)', version: 4 };
    const mine = { ...draftOf(item), name: 'Widget large', sku: 'WID-1' };
    expect(conflicts(latest, mine)).toEqual({ name: 'Widget (blue)' });
  });
});
