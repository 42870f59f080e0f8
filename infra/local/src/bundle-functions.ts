import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { SERVICES } from '@halooid/functions/registry';
import { serviceName } from '@halooid/shared/manifest';
import { build } from 'esbuild';
import { REPO_ROOT } from './repo-root';

/**
 * `npm run build`: bundles every function the way the CDK house construct
 * does (esbuild, ESM, Node 22, minified, tree-shaken, source maps), one
 * bundle per capability plus the authorizer, into dist/functions/<name>/.
 * It proves each handler bundles on its own and shows what each one weighs.
 */
const OUT = path.join(REPO_ROOT, 'dist', 'functions');

const entries = [
  ...SERVICES.map((service) => ({
    name: serviceName(service),
    entry: path.join(REPO_ROOT, 'functions', service.product, service.capability, 'handler.ts'),
  })),
  {
    name: 'platform-authorizer',
    entry: path.join(REPO_ROOT, 'functions', 'platform', 'authorizer', 'handler.ts'),
  },
];

await rm(OUT, { recursive: true, force: true });
const rows: string[] = [];
for (const { name, entry } of entries) {
  const outdir = path.join(OUT, name);
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: path.join(outdir, 'index.mjs'),
    bundle: true,
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
    logLevel: 'warning',
  });
  const { size } = await stat(path.join(outdir, 'index.mjs'));
  rows.push(`${name.padEnd(24)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
}
console.log(['Bundled functions into dist/functions:', ...rows].join('\n'));
