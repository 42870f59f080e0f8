import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../infra/local/src/repo-root';
import { benchAdminHub } from './adminhub';
import { benchAuthorizer } from './authorizer';
import { buildBundles, bundleSection } from './bundles';
import { benchColdStart } from './cold-start';
import { benchCustomerConnect } from './customerconnect';
import { benchInvantray } from './invantray';
import { benchKernel } from './kernel';
import { benchMemory } from './memory';
import { type BenchPlatform, startBenchPlatform } from './platform';
import { benchQultrix } from './qultrix';
import { type Section, writeReport } from './report';
import { benchScale, type ScaleSizes } from './scale';
import { failure } from './stats';
import { benchThroughput } from './throughput';

/**
 * `npm run bench`: every benchmark of the benchmark issue in one run, each
 * figure beside a baseline measured in the same run. `-- --quick` is a short
 * smoke run; `-- --only=kernel,scale` runs a subset (the report then holds
 * only those; add `--out=DIR` to write it there instead of bench/results); `-- --latency-ms=N` gives the authorizer's fake sources a
 * latency. DATABASE_URL runs on that server (a fresh database), else PGlite.
 * See docs/performance.md.
 */
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = option('only')?.split(',');
/** Where the report goes: a subset run kept apart (`--out=/tmp/cold`) leaves latest.* as the last full run. */
const OUT_DIR = option('out');
const LATENCY_MS = Number(option('latency-ms') ?? process.env.BENCH_SOURCE_LATENCY_MS ?? 0);
const wanted = (key: string) => !ONLY || ONLY.includes(key);

const started = performance.now();
const sections: Section[] = [];

/** Runs one benchmark; a failure becomes a failed line in the report instead of ending the run. */
async function run(key: string, title: string, work: () => Promise<Section>): Promise<void> {
  if (!wanted(key)) return;
  const begun = performance.now();
  process.stdout.write(`${title}… `);
  try {
    const section = await work();
    sections.push(section);
    process.stdout.write(`${section.seconds.toFixed(1)} s\n`);
  } catch (error) {
    console.error(`failed: ${(error as Error).stack ?? error}`);
    sections.push({
      key,
      title,
      conditions: [],
      body: [`**Failed:** ${(error as Error).message}`],
      results: [failure(key, error)],
      seconds: (performance.now() - begun) / 1000,
    });
  }
}

/**
 * Scale sizes: 10k and 1M tasks around a tenant deep enough for page 1,001
 * (quick: 1k and 50k, page 101). PGlite loads 1M rows in about 2.5 minutes
 * here (a server in about 25 s); BENCH_SCALE_LARGE=N sets the large table.
 */
function scaleSizes(): ScaleSizes {
  const override = Number(process.env.BENCH_SCALE_LARGE ?? 0);
  if (QUICK) return { small: 1_000, large: override || 50_000, deepPages: 100 };
  return { small: 10_000, large: override || 1_000_000, deepPages: 1_000 };
}

let bench: BenchPlatform | undefined;
let bundles: Awaited<ReturnType<typeof buildBundles>> = [];
try {
  if (wanted('bundle') || wanted('cold-start') || wanted('memory')) {
    const begun = performance.now();
    process.stdout.write('Bundles… ');
    bundles = await buildBundles();
    const section = bundleSection(bundles, (performance.now() - begun) / 1000);
    if (wanted('bundle')) sections.push(section);
    process.stdout.write(`${section.seconds.toFixed(1)} s\n`);
  }
  process.stdout.write('Starting the platform… ');
  bench = await startBenchPlatform();
  process.stdout.write(`${bench.database}\n`);
  const platform = bench;
  await run('authorizer', 'Authorizer decision', () =>
    benchAuthorizer({ quick: QUICK, latencyMs: LATENCY_MS, bench: platform }),
  );
  await run('kernel', 'Kernel overhead against peers', () => benchKernel({ quick: QUICK, bench: platform }));
  await run('cold-start', 'Cold start', () => benchColdStart({ quick: QUICK, bench: platform, bundles }));
  await run('memory', 'Memory', () => benchMemory({ quick: QUICK, bench: platform, bundles }));
  await run('throughput', 'Throughput', () => benchThroughput({ quick: QUICK, bench: platform }));
  await run('scale', 'Scale', () => benchScale({ quick: QUICK, bench: platform, sizes: scaleSizes() }));
  // 10k employees and 1M ledger rows (quick: 2k and 100k).
  await run('qultrix', 'Qultrix at scale', () =>
    benchQultrix({
      quick: QUICK,
      bench: platform,
      sizes: QUICK ? { employees: 2_000, ledgerRows: 100_000 } : { employees: 10_000, ledgerRows: 1_000_000 },
    }),
  );
  // 1M contacts and 100k opportunities (quick: 100k and 10k).
  await run('customerconnect', 'CustomerConnect at scale', () =>
    benchCustomerConnect({
      quick: QUICK,
      bench: platform,
      sizes: QUICK
        ? { contacts: 100_000, opportunities: 10_000 }
        : { contacts: 1_000_000, opportunities: 100_000 },
    }),
  );
  // 10 writers on 1 and 1,000 items; a 10M-move ledger (quick: 500k).
  await run('invantray', 'Invantray at scale', () =>
    benchInvantray({
      quick: QUICK,
      bench: platform,
      sizes: QUICK
        ? { items: 1_000, ledgerRows: 500_000, writers: 10, movesPerWriter: 10 }
        : { items: 1_000, ledgerRows: 10_000_000, writers: 10, movesPerWriter: 30 },
    }),
  );
  // A year of audit rows in one tenant: 1M (quick: 100k).
  await run('adminhub', 'AdminHub at scale', () =>
    benchAdminHub({ quick: QUICK, bench: platform, sizes: { auditRows: QUICK ? 100_000 : 1_000_000 } }),
  );
} finally {
  await bench?.stop();
}

const seconds = (performance.now() - started) / 1000;
const header = [
  `${new Date().toISOString()}, ${QUICK ? '`npm run bench -- --quick`' : '`npm run bench`'}${ONLY ? ` (only ${ONLY.join(', ')})` : ''}, took ${seconds.toFixed(0)} s`,
  `database: ${bench?.database ?? 'none started'}`,
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average at the end ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} (a shared machine: absolute figures move between runs, ratios within a run are what count)`,
];
const written = await writeReport(
  OUT_DIR ? path.resolve(OUT_DIR) : path.join(REPO_ROOT, 'bench', 'results'),
  header,
  sections,
);
const failed = sections.flatMap((section) => section.results).filter((line) => line.pass === false);
console.log(`\nWrote ${path.relative(REPO_ROOT, written.json)} and latest.md in ${seconds.toFixed(0)} s.`);
console.log(
  failed.length ? `Goals not met: ${failed.map((line) => line.name).join(', ')}` : 'Every goal met.',
);
process.exit(0);
