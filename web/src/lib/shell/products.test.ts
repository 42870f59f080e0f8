import { describe, expect, it } from 'vitest';
import { PRODUCT_LABELS, TENANT_PRODUCTS } from '$lib/admin/types';
import { PRODUCT_LIST } from '$lib/products.generated';
import { PRODUCTS, visibleProducts } from './products';

describe('the products the web app lists come from the product list', () => {
  it('navigates to every product that declares a web entry, by its display name, and to no other', () => {
    expect(PRODUCTS).toEqual(
      PRODUCT_LIST.filter((product) => product.web).map((product) => ({
        id: product.key,
        label: product.displayName,
        prefix: `${product.key}:`,
        path: product.web?.path,
        icon: product.web?.icon,
        description: product.web?.description,
      })),
    );
    expect(PRODUCTS.map((product) => product.id)).toContain('taskodex');
    expect(PRODUCTS.map((product) => product.id)).not.toContain('platform');
  });

  it('shows a product only to someone holding one of its permissions', () => {
    expect(visibleProducts(['taskodex:task:read']).map((product) => product.label)).toEqual(['Taskodex']);
    expect(visibleProducts(['platform:tenant:read'])).toEqual([]);
  });

  it('names every product in admin screens, and offers all but the platform in the settings', () => {
    expect(PRODUCT_LABELS).toMatchObject({ platform: 'Platform', taskodex: 'Taskodex' });
    expect(TENANT_PRODUCTS).toEqual(
      PRODUCT_LIST.filter((product) => !product.alwaysEnabled).map((product) => product.key),
    );
    expect(TENANT_PRODUCTS).not.toContain('platform');
  });
});
