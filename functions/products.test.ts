import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRODUCTS, SERVICES } from './registry';
import { findManifestFiles, unreachableManifestFiles } from './scripts/product-list';

const functionsDir = fileURLToPath(new URL('.', import.meta.url));

describe('discovery: every manifest file is reachable from the product list', () => {
  it('reaches every functions/**/service.ts and functions/*/product.ts', () => {
    const files = findManifestFiles(functionsDir);

    expect(files).toEqual(expect.arrayContaining(['platform/product.ts', 'taskodex/tasks/service.ts']));
    expect(unreachableManifestFiles(files, PRODUCTS), 'Not reachable: list it in its product.ts').toEqual([]);
  });

  it('reports a capability no product lists, one listed by another product, and a nested product.ts', () => {
    const products = [{ key: 'taskodex', capabilities: [{ product: 'taskodex', capability: 'tasks' }] }];

    const unreachable = unreachableManifestFiles(
      [
        'taskodex/product.ts',
        'taskodex/tasks/service.ts',
        'taskodex/projects/service.ts',
        'platform/meta/service.ts',
        'taskodex/tasks/product.ts',
      ],
      products,
    );

    expect(unreachable).toEqual([
      'taskodex/projects/service.ts',
      'platform/meta/service.ts',
      'taskodex/tasks/product.ts',
    ]);
  });
});

describe('the product manifests', () => {
  it('are each in the folder named by their key, with capabilities of that product only', () => {
    for (const product of PRODUCTS) {
      expect(existsSync(path.join(functionsDir, product.key, 'product.ts'))).toBe(true);
      for (const service of product.capabilities) expect(service.product).toBe(product.key);
    }
  });

  it('name files that exist: job handlers, local job runners, demo seeders', () => {
    const files = PRODUCTS.flatMap((product) =>
      [
        ...(product.schedules ?? []).flatMap((job) => [job.handler, ...(job.local ? [job.local] : [])]),
        ...(product.demoSeed ? [product.demoSeed] : []),
      ].map((file) => path.join(product.key, file)),
    );

    expect(files.filter((file) => !existsSync(path.join(functionsDir, file)))).toEqual([]);
  });

  it('give unique keys, job names and capabilities; exactly one product is always enabled', () => {
    const keys = PRODUCTS.map((product) => product.key);
    const jobs = PRODUCTS.flatMap((product) =>
      (product.schedules ?? []).map((job) => `${product.key}-${job.name}`),
    );
    const capabilities = SERVICES.map((service) => `${service.product}/${service.capability}`);

    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(jobs).size).toBe(jobs.length);
    expect(new Set(capabilities).size).toBe(capabilities.length);
    expect(PRODUCTS.filter((product) => product.alwaysEnabled).map((product) => product.key)).toEqual([
      'platform',
    ]);
  });
});
