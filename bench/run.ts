import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cachedAccess, cachedVerifier } from '@halooid/functions/platform/authorizer/access-cache';
import { type AuthorizeDeps, authorize } from '@halooid/functions/platform/authorizer/authorize';
import { routePermissions } from '@halooid/functions/platform/authorizer/route-permissions';
import { SERVICES } from '@halooid/functions/registry';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { MemoryCache } from '@halooid/shared/cache/memory-cache';
import type { TenantState } from '@halooid/shared/tenancy';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { build } from 'esbuild';
import { functionEntries, LAMBDA_BUNDLE_OPTIONS } from '../infra/local/src/lambda-bundle';

/**
 * `npm run bench` (`-- --quick` for a smoke run, `-- --latency-ms=N` to give
 * the fake sources a simulated latency). See bench/README.md for what each
 * figure means and the conditions it is measured under.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SOURCE_LATENCY_MS = Number(
  args.find((arg) => arg.startsWith('--latency-ms='))?.split('=')[1] ??
    process.env.BENCH_SOURCE_LATENCY_MS ??
    0,
);
const ITERATIONS = QUICK ? 1_000 : 5_000;
const MISS_ITERATIONS = QUICK ? 300 : 2_000;
const WARMUP = QUICK ? 200 : 1_000;

/** One line of bench/results/latest.json (the shape the benchmark issue asks for). */
interface Result {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  baselineName: string | null;
  ratio: number | null;
  goal: string | null;
  pass: boolean | null;
}

// ---------------------------------------------------------------------------
// Measuring

interface Summary {
  p50: number;
  p99: number;
  mean: number;
  n: number;
}

function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    n: sorted.length,
  };
}

/** Calls `run(i)` `iterations` times after `warmup` calls; each sample is one call's latency in µs. */
async function measure(
  iterations: number,
  warmup: number,
  run: (i: number) => Promise<unknown>,
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = new Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await run(warmup + i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1_000;
  }
  return summarize(samples);
}

// ---------------------------------------------------------------------------
// Tokens: a local RS256 key, a JWKS, access tokens shaped like Cognito's.

const ISSUER = 'https://cognito-idp.bench.local/bench-pool';
const CLIENT_ID = 'bench-client';
const KID = 'bench-key';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function signToken(sub: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'RS256', typ: 'JWT', kid: KID });
  const payload = encode({
    sub,
    iss: ISSUER,
    client_id: CLIENT_ID,
    token_use: 'access',
    username: sub,
    iat: now,
    exp: now + 3600,
    jti: randomUUID(),
  });
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${signer.sign(privateKey).toString('base64url')}`;
}

/** The same checks as shared/src/auth/token-verifier.ts, over the local JWKS. */
const jwtVerifier = JwtRsaVerifier.create({
  issuer: ISSUER,
  jwksUri: `${ISSUER}/.well-known/jwks.json`,
  audience: null,
  customJwtCheck: ({ payload }) => {
    if (payload.token_use !== 'access') throw new Error('Not an access token');
    if (payload.client_id !== CLIENT_ID) throw new Error('Token issued to another app client');
  },
});
jwtVerifier.cacheJwks(jwks as Parameters<typeof jwtVerifier.cacheJwks>[0]);

const accessTokenVerifier: AccessTokenVerifier = {
  async verify(token) {
    const payload = await jwtVerifier.verify(token);
    return {
      sub: String(payload.sub),
      username: String(payload.username ?? payload.sub),
      clientId: String(payload.client_id),
      expiresAt: Number(payload.exp),
    };
  },
};

// ---------------------------------------------------------------------------
// The authorizer over in-memory fake sources.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const simulatedLatency = () => (SOURCE_LATENCY_MS > 0 ? sleep(SOURCE_LATENCY_MS) : Promise.resolve());
const GRANTS = ['taskodex:*:*', 'platform:member:read', 'platform:role:read'];
const API_KEY = `hk_local_abcdefghijklmnop_${'A'.repeat(43)}`;
const API_KEY_CREATOR = randomUUID();

function authorizerDeps(): AuthorizeDeps {
  const sources = {
    async loadTenant(tenantId: string): Promise<TenantState> {
      await simulatedLatency();
      return { id: tenantId, status: 'active', tier: 'pro', usageKey: `usage-${tenantId}`, rbacVersion: 1 };
    },
    async loadGrants(): Promise<string[]> {
      await simulatedLatency();
      return GRANTS;
    },
    async verifyKey(raw: string) {
      await simulatedLatency();
      return raw === API_KEY
        ? {
            keyId: 'abcdefghijklmnop',
            tenantId: TENANT_ID,
            scopes: ['taskodex:task:read'],
            createdBy: API_KEY_CREATOR,
          }
        : undefined;
    },
  };
  // The shared layer is the in-memory cache the authorizer uses when no Redis is configured.
  const access = cachedAccess(sources, { shared: new MemoryCache() });
  return { routes: routePermissions(SERVICES), verifier: cachedVerifier(accessTokenVerifier), ...access };
}

const TENANT_ID = randomUUID();
const ROUTE = { method: 'GET', resource: '/v1/taskodex/tasks/{taskId}' };

async function expectAllow(decision: Promise<Awaited<ReturnType<typeof authorize>>>) {
  const result = await decision;
  if (result.effect !== 'Allow') throw new Error(`Benchmark setup is wrong: ${JSON.stringify(result)}`);
}

async function benchAuthorizer(): Promise<{ rows: Row[]; results: Result[] }> {
  const warmToken = signToken(randomUUID());
  const missTokens = Array.from({ length: MISS_ITERATIONS + WARMUP }, () => signToken(randomUUID()));
  const missTenants = missTokens.map(() => randomUUID());

  const bare = await measure(ITERATIONS, WARMUP, () => jwtVerifier.verify(warmToken));

  const warmDeps = authorizerDeps();
  const hit = await measure(ITERATIONS, WARMUP, () =>
    expectAllow(authorize({ ...ROUTE, authorization: `Bearer ${warmToken}`, tenantId: TENANT_ID }, warmDeps)),
  );

  // A miss at every layer: a token never seen (full RS256 verification), a
  // tenant never seen, grants never cached; all from one long-lived instance.
  const missDeps = authorizerDeps();
  const miss = await measure(MISS_ITERATIONS, WARMUP, (i) =>
    expectAllow(
      authorize(
        { ...ROUTE, authorization: `Bearer ${missTokens[i]}`, tenantId: missTenants[i] ?? TENANT_ID },
        missDeps,
      ),
    ),
  );

  const keyDeps = authorizerDeps();
  const apiKey = await measure(ITERATIONS, WARMUP, () =>
    expectAllow(authorize({ ...ROUTE, authorization: `ApiKey ${API_KEY}` }, keyDeps)),
  );

  const baselineName = 'authorizer.bare-rs256-verify';
  const results: Result[] = [
    latency(`${baselineName}.p50`, bare.p50),
    latency(`${baselineName}.p99`, bare.p99),
    latency('authorizer.warm-hit.p50', hit.p50, bare.p50, `${baselineName}.p50`, 0.5, '≤ 0.5× bare verify'),
    latency('authorizer.warm-hit.p99', hit.p99, bare.p99, `${baselineName}.p99`),
    latency('authorizer.miss.p50', miss.p50, bare.p50, `${baselineName}.p50`),
    {
      ...latency('authorizer.miss.p99', miss.p99, bare.p99, `${baselineName}.p99`),
      goal: 'p99 < 5 ms (goal is for a Postgres miss; here the sources are in-memory fakes)',
      pass: miss.p99 < 5_000,
    },
    latency('authorizer.api-key-warm.p50', apiKey.p50, bare.p50, `${baselineName}.p50`),
    latency('authorizer.api-key-warm.p99', apiKey.p99, bare.p99, `${baselineName}.p99`),
  ];
  const rows: Row[] = [
    ['bare aws-jwt-verify RS256 verify', bare, '1.00×'],
    ['authorize(): warm cache hit', hit, ratioText(hit.p50, bare.p50)],
    ['authorize(): miss (new token, tenant, grants)', miss, ratioText(miss.p50, bare.p50)],
    ['authorize(): API key, warm', apiKey, ratioText(apiKey.p50, bare.p50)],
  ];
  return { rows, results };
}

type Row = [label: string, summary: Summary, ratio: string];
const ratioText = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;

function latency(
  name: string,
  value: number,
  baseline?: number,
  baselineName?: string,
  maxRatio?: number,
  goal?: string,
): Result {
  const ratio = baseline ? value / baseline : null;
  return {
    name,
    unit: 'µs',
    value: round(value),
    baseline: baseline === undefined ? null : round(baseline),
    baselineName: baselineName ?? null,
    ratio: ratio === null ? null : round(ratio),
    goal: goal ?? null,
    pass: maxRatio !== undefined && ratio !== null ? ratio <= maxRatio : null,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

// ---------------------------------------------------------------------------
// Bundle sizes, with the settings of infra/local/src/bundle-functions.ts
// (which the CDK construct mirrors), built in memory: dist/ is left alone.

const BUNDLE_LIMIT_KB = 400;

interface BundleSize {
  name: string;
  bytes: number;
  gzip: number;
  /** The three packages that weigh most in the bundle (minified bytes). */
  heaviest: string;
}

/** `node_modules/@scope/name/…` → `@scope/name`; our own sources → `(halooid)`. */
function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? '(halooid)';
}

async function benchBundles(): Promise<{ sizes: BundleSize[] }> {
  const entries = functionEntries();
  const sizes: BundleSize[] = [];
  for (const { name, entry } of entries) {
    const output = await build({
      ...LAMBDA_BUNDLE_OPTIONS,
      entryPoints: [entry],
      outfile: path.join(os.tmpdir(), 'halooid-bench', name, 'index.mjs'),
      write: false,
      logLevel: 'error',
      metafile: true,
    });
    const code = output.outputFiles.find((file) => file.path.endsWith('.mjs'));
    if (!code) throw new Error(`esbuild produced no bundle for ${name}`);
    const byPackage = new Map<string, number>();
    for (const meta of Object.values(output.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
    }
    const heaviest = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(0)}`)
      .join(', ');
    sizes.push({ name, bytes: code.contents.byteLength, gzip: gzipSync(code.contents).byteLength, heaviest });
  }
  return { sizes };
}

// ---------------------------------------------------------------------------

const formatUs = (us: number) => (us >= 1_000 ? `${(us / 1_000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const started = Date.now();
const conditions = [
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${QUICK ? 'quick run' : 'full run'}`,
  `authorizer: in process, ${ITERATIONS} calls (misses: ${MISS_ITERATIONS}) after ${WARMUP} warm-up calls, one at a time`,
  `sources (loadTenant, loadGrants, verifyKey) are in-memory fakes with ${SOURCE_LATENCY_MS} ms simulated latency: the figures are the authorizer's own overhead, not Postgres, Redis or DynamoDB`,
  'shared cache layer: MemoryCache (the authorizer without REDIS_URL); JWKS preloaded, RSA 2048',
];

const authorizer = await benchAuthorizer();
const bundles = await benchBundles();

const authorizerTable = table(
  ['authorizer decision', 'p50', 'p99', 'mean', 'n', 'p50 vs bare'],
  authorizer.rows.map(([label, summary, ratio]) => [
    label,
    formatUs(summary.p50),
    formatUs(summary.p99),
    formatUs(summary.mean),
    String(summary.n),
    ratio,
  ]),
);
const bundleTable = table(
  ['function bundle', 'minified', 'gzip', `≤ ${BUNDLE_LIMIT_KB} KB`, 'heaviest packages (KB)'],
  bundles.sizes.map(({ name, bytes, gzip, heaviest }) => [
    name,
    `${(bytes / 1024).toFixed(1)} KB`,
    `${(gzip / 1024).toFixed(1)} KB`,
    bytes / 1024 <= BUNDLE_LIMIT_KB ? 'yes' : 'NO',
    heaviest,
  ]),
);

const results: Result[] = [
  ...authorizer.results,
  ...bundles.sizes.map(({ name, bytes }) => ({
    name: `bundle.${name}`,
    unit: 'KB',
    value: round(bytes / 1024),
    baseline: null,
    baselineName: null,
    ratio: null,
    goal: `≤ ${BUNDLE_LIMIT_KB} KB minified`,
    pass: bytes / 1024 <= BUNDLE_LIMIT_KB,
  })),
];

const report = [
  '# Benchmark results',
  '',
  ...conditions.map((line) => `- ${line}`),
  '',
  authorizerTable,
  '',
  bundleTable,
  '',
  `Goals: ${results
    .filter((result) => result.pass !== null)
    .map((result) => `${result.name} ${result.pass ? 'met' : 'NOT met'}`)
    .join('; ')}.`,
  '',
  `Took ${((Date.now() - started) / 1000).toFixed(1)} s.`,
].join('\n');

await mkdir(RESULTS, { recursive: true });
await writeFile(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(path.join(RESULTS, 'latest.md'), `${report}\n`);
console.log(report);
console.log(`\nWrote ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))} and latest.md`);
