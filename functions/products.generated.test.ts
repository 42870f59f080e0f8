import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRODUCT_LIST } from '../web/src/lib/products.generated';
import { PRODUCTS } from './registry';
import { discoverProductKeys, renderProductList } from './scripts/product-list';

const functionsDir = fileURLToPath(new URL('.', import.meta.url));

describe('products.generated.ts', () => {
  it('lists exactly the product folders (run npm run generate when it does not)', () => {
    const fresh = renderProductList(discoverProductKeys(functionsDir));

    const current = readFileSync(new URL('./products.generated.ts', import.meta.url), 'utf8');

    expect(current, 'The product list is stale: run npm run generate').toBe(fresh);
  });

  it('each product is exported by the folder named by its key, the platform first', () => {
    expect(PRODUCTS.map((product) => product.key)).toEqual(discoverProductKeys(functionsDir));
    expect(PRODUCTS[0]?.key).toBe('platform');
  });

  it("gives the web app each product's key, name, switchability and navigation (run npm run generate when not)", () => {
    expect(PRODUCT_LIST, 'web/src/lib/products.generated.ts is stale: run npm run generate').toEqual(
      PRODUCTS.map((product) => ({
        key: product.key,
        displayName: product.displayName,
        alwaysEnabled: product.alwaysEnabled === true,
        web: product.web ?? null,
      })),
    );
  });
});
