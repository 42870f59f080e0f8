/**
 * After `vite build`:
 * 1. Moves SvelteKit's inline bootstrap <script> out of build/index.html into
 *    a hashed file, so the CloudFront CSP can stay `script-src 'self'` (no
 *    'unsafe-inline', no per-build hashes in the stack).
 * 2. Reports the JavaScript a first visit downloads, gzipped: the app shell
 *    at /t/<slug> (goal < 150 KB) and the sign-in page.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const build = path.join(root, 'build');
const kit = path.join(root, '.svelte-kit');

// 1. Externalise inline scripts (a classic script keeps document.currentScript working).
const indexPath = path.join(build, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const bootFiles = [];
html = html.replace(/<script>([\s\S]*?)<\/script>/g, (_match, code) => {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  const file = `_app/immutable/boot.${hash}.js`;
  writeFileSync(path.join(build, file), code.trim());
  bootFiles.push(file);
  return `<script src="/${file}"></script>`;
});
writeFileSync(indexPath, html);

// 2. First-load JavaScript.
const manifest = JSON.parse(readFileSync(path.join(kit, 'output/client/.vite/manifest.json'), 'utf8'));
const nodesDir = path.join(kit, 'generated/client-optimized/nodes');
/** Route source (e.g. `t/[slug]/+layout.svelte`) → manifest key of its node. */
const nodeOf = new Map();
for (const name of readdirSync(nodesDir)) {
  const source = readFileSync(path.join(nodesDir, name), 'utf8').match(/src\/routes\/([^"']+\.svelte)/)?.[1];
  if (source) nodeOf.set(source, `.svelte-kit/generated/client-optimized/nodes/${name}`);
}
const entries = Object.entries(manifest)
  .filter(([key, chunk]) => chunk.isEntry && !key.includes('/nodes/'))
  .map(([key]) => key);

function closure(keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const child of chunk.imports ?? []) visit(child);
  };
  for (const key of keys) visit(key);
  return files;
}

function gzipped(files) {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(path.join(build, file)), { level: 9 }).length;
  return bytes;
}

function report(label, routeSources) {
  const nodes = routeSources.map((source) => nodeOf.get(source)).filter(Boolean);
  const files = closure([...entries, ...nodes]);
  for (const file of [...bootFiles, 'theme-init.js']) files.add(file);
  const kb = gzipped(files) / 1024;
  console.log(`web: first-load JS for ${label}: ${kb.toFixed(1)} KB gzipped in ${files.size} files`);
  return kb;
}

const shell = report('the app shell (/t/<slug>)', [
  '+layout.svelte',
  't/[slug]/+layout.svelte',
  't/[slug]/+page.svelte',
]);
report('sign-in', ['+layout.svelte', '(auth)/+layout.svelte', '(auth)/sign-in/+page.svelte']);
const BUDGET_KB = 150;
if (shell > BUDGET_KB) {
  console.error(`web: the app shell is over its ${BUDGET_KB} KB budget`);
  process.exitCode = 1;
}
