import path from 'node:path';
import { PRODUCTS } from '@halooid/functions/registry';
import { serviceName } from '@halooid/shared/manifest';
import type { ProductManifest } from '@halooid/shared/product';
import type { BuildOptions, Metafile } from 'esbuild';
import { REPO_ROOT } from './repo-root';

/**
 * How a function is bundled for Lambda, by `npm run build`, `npm run bench`
 * and the CDK house construct alike: ESM for Node 22, minified and
 * tree-shaken, with source maps, written to an `outdir` as `index.mjs` plus
 * chunks. Code splitting puts what is only reached through a dynamic
 * `import()` (the Redis client, loaded only when REDIS_URL is set) into a
 * chunk of its own that is never read unless used; the deployed asset is the
 * directory.
 */
export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  splitting: true,
  entryNames: 'index',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  treeShaking: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // The Lambda runtime ships SDK v3; leaving it out keeps bundles small.
  external: ['@aws-sdk/*'],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
} as const satisfies BuildOptions;

/**
 * Every function CDK deploys, by function name, from the product list: each
 * capability's handler, each capability's event subscriber (when it has
 * subscriptions), each product's scheduled jobs, plus the platform's
 * authorizer and migrator. infra/aws/src/build-parity.test.ts compares it with the
 * synthesized app, so a function CDK deploys and `npm run build` misses fails.
 */
export function functionEntries(
  products: readonly ProductManifest[] = PRODUCTS,
): { name: string; entry: string }[] {
  const functions = path.join(REPO_ROOT, 'functions');
  return [
    ...products.flatMap((product) => [
      ...product.capabilities.flatMap((service) => [
        {
          name: serviceName(service),
          entry: path.join(functions, service.product, service.capability, 'handler.ts'),
        },
        ...(service.subscriptions?.length
          ? [
              {
                name: `${serviceName(service)}-subscribers`,
                entry: path.join(functions, service.product, service.capability, 'subscribers.ts'),
              },
            ]
          : []),
      ]),
      ...(product.schedules ?? []).map((job) => ({
        name: `${product.key}-${job.name}`,
        entry: path.join(functions, product.key, job.handler),
      })),
    ]),
    { name: 'platform-authorizer', entry: path.join(functions, 'platform', 'authorizer', 'handler.ts') },
    { name: 'platform-migrator', entry: path.join(functions, 'platform', 'migrator', 'handler.ts') },
  ];
}

/**
 * The output files a cold start reads before the first request: the entry
 * and every chunk it imports statically (dynamic imports load later).
 */
export function eagerChunks(metafile: Metafile): Set<string> {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((key) => outputs[key]?.entryPoint);
  if (!entry) throw new Error('esbuild produced no entry bundle');
  const eager = new Set<string>();
  const visit = (key: string) => {
    if (eager.has(key)) return;
    eager.add(key);
    for (const imported of outputs[key]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return eager;
}
