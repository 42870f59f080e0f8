/**
 * `npm run test:browser`: starts `npm run dev` on a free port with a fresh
 * data directory (or uses BASE_URL), drives Debian's Chromium through
 * playwright-core over every `*.flow.ts` here, runs axe-core on each screen
 * visited (no serious or critical violations), fails on any console error,
 * and saves screenshots under web/test-results/. Exits non-zero on failure.
 *
 *   npm run test:browser                    # everything
 *   npm run test:browser -- api-keys        # flows whose name or file matches
 *   BASE_URL=http://localhost:3000 npm run test:browser   # against a running platform
 *
 * Without BASE_URL it builds web/ once, serves a private copy of the build in
 * front of the platform (snapshot-server.ts) and starts `npm run dev` with
 * HALOOID_WEB_BUILD=never, so a rebuild elsewhere cannot break a run.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type DevServer,
  type Flow,
  type FlowResult,
  launchBrowser,
  RESULTS_DIR,
  runFlow,
  startDevServer,
} from './harness';
import { type SnapshotServer, serveSnapshot, snapshotWebBuild } from './snapshot-server';

const filter = process.argv.slice(2).join(' ').trim().toLowerCase();
const files = (await readdir(import.meta.dirname)).filter((file) => file.endsWith('.flow.ts')).sort();
const flows: { file: string; flow: Flow }[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as {
    flows: Flow[];
  };
  for (const flow of module.flows) {
    if (!filter || flow.name.toLowerCase().includes(filter) || file.toLowerCase().includes(filter))
      flows.push({ file, flow });
  }
}
if (flows.length === 0) {
  console.error(`No browser flow matches "${filter}".`);
  process.exit(1);
}

// Screenshots of this run only (a filtered run keeps the others).
if (!filter) {
  for (const file of await readdir(RESULTS_DIR).catch(() => [])) {
    if (file.endsWith('.png')) await rm(path.join(RESULTS_DIR, file), { force: true });
  }
}

const started = performance.now();
let server: DevServer | undefined;
let snapshot: Awaited<ReturnType<typeof snapshotWebBuild>> | undefined;
let front: SnapshotServer | undefined;
const results: FlowResult[] = [];
let fatal: unknown;
try {
  let baseUrl = process.env.BASE_URL;
  if (!baseUrl) {
    // Build once, up front, and serve a copy: a rebuild of web/build by another
    // `npm run dev` during the run cannot remove the chunks a page is using.
    const [built, platform] = await Promise.allSettled([
      snapshotWebBuild(),
      startDevServer({ HALOOID_WEB_BUILD: 'never' }),
    ]);
    if (platform.status === 'fulfilled') server = platform.value;
    if (built.status === 'fulfilled') snapshot = built.value;
    if (built.status === 'rejected') throw built.reason;
    if (platform.status === 'rejected') throw platform.reason;
    front = await serveSnapshot(built.value.root, platform.value.url);
    baseUrl = front.url;
  }
  console.log(
    `browser: ${flows.length} flows against ${baseUrl} with ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}`,
  );
  const browser = await launchBrowser();
  const runId = Date.now().toString(36);
  try {
    for (const { file, flow } of flows) {
      const result = await runFlow(browser, baseUrl, flow, runId);
      results.push(result);
      const timings = Object.entries(result.measurements)
        .map(([label, ms]) => `${label} ${ms} ms`)
        .join(', ');
      console.log(
        `  ${result.ok ? '✓' : '✗'} ${flow.name} (${file}, ${result.ms} ms)${timings ? `  [${timings}]` : ''}`,
      );
      if (result.error) console.log(result.error.replace(/^/gm, '      '));
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  fatal = error;
  console.error('browser: could not run the flows:', error);
} finally {
  await front?.close();
  await server?.stop();
  await snapshot?.remove();
}

const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
await writeFile(
  path.join(RESULTS_DIR, 'browser.json'),
  JSON.stringify(
    { numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, numTodoTests: 0, results },
    null,
    2,
  ),
).catch(() => undefined);
console.log(
  `browser: ${passed} passed, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), RESULTS_DIR)}/`,
);
process.exit(failed ? 1 : 0);
