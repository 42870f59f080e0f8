import { describe, expect, it } from 'vitest';
import { currentSection, invantraySections, sectionsFromRoutes } from './sections';

const all = new Set(['items', 'warehouses', 'stock', 'counts', 'valuation', 'suppliers', 'purchase-orders']);

describe('invantraySections', () => {
  it('shows a section with its permission, only where a screen exists', () => {
    const grants = new Set([
      'invantray:item:read',
      'invantray:stock:read',
      'invantray:procurement:read',
      'invantray:settings:read',
    ]);
    const sections = invantraySections('/t/acme/invantray', (permission) => grants.has(permission), all);
    expect(sections.map((section) => section.id)).toEqual(['items', 'stock', 'purchase-orders']);
    expect(sections[0]?.href).toBe('/t/acme/invantray/items');
  });

  it('finds the current section of a record page', () => {
    const sections = invantraySections('/t/acme/invantray', () => true, all);
    expect(currentSection(sections, '/t/acme/invantray/items/abc')).toBe('items');
    expect(currentSection(sections, '/t/acme/invantray')).toBeUndefined();
  });

  it('reads the section folders from the route files', () => {
    const found = sectionsFromRoutes([
      '/src/routes/t/[slug]/invantray/items/+page.svelte',
      '/src/routes/t/[slug]/invantray/purchase-orders/+page.svelte',
      './+page.svelte',
      './items/[itemId]/+page.svelte',
    ]);
    expect([...found]).toEqual(['items', 'purchase-orders']);
  });
});
