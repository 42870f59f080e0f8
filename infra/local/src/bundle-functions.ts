import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { functionEntries, LAMBDA_BUNDLE_OPTIONS } from './lambda-bundle';
import { REPO_ROOT } from './repo-root';

/**
 * `npm run build`: bundles every function the way the CDK house construct
 * does (esbuild, ESM, Node 22, minified, tree-shaken, source maps), one
 * bundle per function CDK deploys (capabilities, subscribers, scheduled jobs,
 * the authorizer and the migrator), into dist/functions/<name>/.
 * It proves each handler bundles on its own and shows what each one weighs.
 */
const OUT = path.join(REPO_ROOT, 'dist', 'functions');

const entries = functionEntries();
const width = Math.max(...entries.map(({ name }) => name.length)) + 2;

await rm(OUT, { recursive: true, force: true });
const rows: string[] = [];
for (const { name, entry } of entries) {
  const outdir = path.join(OUT, name);
  await mkdir(outdir, { recursive: true });
  await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: [entry],
    outdir,
    logLevel: 'warning',
  });
  const { size } = await stat(path.join(outdir, 'index.mjs'));
  rows.push(`${name.padEnd(width)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
}
console.log(['Bundled functions into dist/functions:', ...rows].join('\n'));
