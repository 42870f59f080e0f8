import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  type AccessSources,
  cachedAccess,
  cachedVerifier,
} from '@halooid/functions/platform/authorizer/access-cache';
import { type AuthorizeDeps, authorize } from '@halooid/functions/platform/authorizer/authorize';
import { postgresAccessSources } from '@halooid/functions/platform/authorizer/postgres-sources';
import { cachedRevocations } from '@halooid/functions/platform/authorizer/revocation-cache';
import { routePermissions } from '@halooid/functions/platform/authorizer/route-permissions';
import { SERVICES } from '@halooid/functions/registry';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { MemoryCache } from '@halooid/shared/cache/memory-cache';
import type { TenantState } from '@halooid/shared/tenancy';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { BenchPlatform } from './platform';
import type { Section } from './report';
import { table } from './report';
import { formatUs, measure, ratioText, result, type Summary } from './stats';

/**
 * Authorizer decision, in process: `authorize()` with the real caches of
 * access-cache.ts and the real route table, against a bare aws-jwt-verify
 * RS256 verification of the same kind of token (the baseline).
 */

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

/** The same checks as shared/src/auth/token-verifier.ts, over a local JWKS (no network in the figure). */
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
      issuedAt: Number(payload.iat),
      expiresAt: Number(payload.exp),
      sessionId: String(payload.jti),
    };
  },
};

const GRANTS = ['taskodex:*:*', 'platform:member:read', 'platform:role:read'];
const API_KEY = `hk_local_abcdefghijklmnop_${'A'.repeat(43)}`;
const FAKE_TENANT = randomUUID();
const ROUTE = { method: 'GET', resource: '/v1/taskodex/tasks/{taskId}' };

/** In-memory sources answering at once: the authorizer's own work around the sources. */
function fakeSources(latencyMs: number) {
  const wait = () =>
    latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve();
  return {
    async loadTenant(tenantId: string): Promise<TenantState> {
      await wait();
      return { id: tenantId, status: 'active', tier: 'pro', usageKey: `usage-${tenantId}`, rbacVersion: 1 };
    },
    async loadGrants(): Promise<string[]> {
      await wait();
      return GRANTS;
    },
    async verifyKey(raw: string) {
      await wait();
      return raw === API_KEY
        ? {
            keyId: 'abcdefghijklmnop',
            tenantId: FAKE_TENANT,
            scopes: ['taskodex:task:read'],
            createdBy: FAKE_TENANT,
          }
        : undefined;
    },
  };
}

/** The sources of functions/platform/authorizer/handler.ts (postgres-sources.ts): Postgres through tenant transactions. */
const postgresSources: AccessSources = { ...postgresAccessSources(), verifyKey: async () => undefined };

const ROUTES = routePermissions(SERVICES);

function deps(sources: AccessSources): AuthorizeDeps {
  // The shared layer is the in-memory cache the authorizer uses when no Redis is configured.
  const access = cachedAccess(sources, { shared: new MemoryCache() });
  // Revocations as the handler checks them (2 s in-process cache), over a store with nothing revoked.
  const revoked = cachedRevocations(async () => ({ sessionRevoked: false }));
  return { routes: ROUTES, verifier: cachedVerifier(accessTokenVerifier), revoked, ...access };
}

async function allow(decision: ReturnType<typeof authorize>) {
  const outcome = await decision;
  if (outcome.effect !== 'Allow') throw new Error(`Benchmark setup is wrong: ${JSON.stringify(outcome)}`);
}

export async function benchAuthorizer(options: {
  quick: boolean;
  latencyMs: number;
  bench: BenchPlatform;
}): Promise<Section> {
  const started = performance.now();
  const iterations = options.quick ? 1_000 : 5_000;
  const misses = options.quick ? 300 : 2_000;
  const pgMisses = options.quick ? 200 : 1_000;
  const warmup = options.quick ? 200 : 1_000;
  const { tenantId, owner } = options.bench;

  const warmToken = signToken(randomUUID());
  const missTokens = Array.from({ length: misses + warmup }, () => signToken(randomUUID()));
  const missTenants = missTokens.map(() => randomUUID());
  const ownerTokens = Array.from({ length: pgMisses + warmup }, () => signToken(owner.userId));

  const bare = await measure(iterations, warmup, () => jwtVerifier.verify(warmToken));

  const warm = deps(fakeSources(options.latencyMs));
  const hit = await measure(iterations, warmup, () =>
    allow(authorize({ ...ROUTE, authorization: `Bearer ${warmToken}`, tenantId: FAKE_TENANT }, warm)),
  );

  // A miss at every layer: a token never seen (full RS256 verification), a
  // tenant never seen, grants never cached; all from one long-lived instance.
  const cold = deps(fakeSources(options.latencyMs));
  const miss = await measure(misses, warmup, (i) =>
    allow(
      authorize(
        { ...ROUTE, authorization: `Bearer ${missTokens[i]}`, tenantId: missTenants[i] ?? FAKE_TENANT },
        cold,
      ),
    ),
  );

  // The same miss with the real Postgres sources: a fresh set of caches per
  // call (a new Lambda instance, an empty Redis), the demo owner's token.
  const pgMiss = await measure(pgMisses, warmup / 10, (i) =>
    allow(
      authorize({ ...ROUTE, authorization: `Bearer ${ownerTokens[i]}`, tenantId }, deps(postgresSources)),
    ),
  );

  const keyDeps = deps(fakeSources(options.latencyMs));
  const apiKey = await measure(iterations, warmup, () =>
    allow(authorize({ ...ROUTE, authorization: `ApiKey ${API_KEY}` }, keyDeps)),
  );

  const base = 'authorizer.bare-rs256-verify';
  const vs = (p: 'p50' | 'p99') => ({ baseline: bare[p], baselineName: `${base}.${p}` });
  const results = [
    result(`${base}.p50`, 'µs', bare.p50),
    result(`${base}.p99`, 'µs', bare.p99),
    result('authorizer.warm-hit.p50', 'µs', hit.p50, {
      ...vs('p50'),
      goal: '≤ 0.5× bare verify',
      check: (ratio) => ratio !== null && ratio <= 0.5,
    }),
    result('authorizer.warm-hit.p99', 'µs', hit.p99, vs('p99')),
    result('authorizer.miss-fake-sources.p50', 'µs', miss.p50, vs('p50')),
    result('authorizer.miss-fake-sources.p99', 'µs', miss.p99, vs('p99')),
    result('authorizer.miss-postgres.p50', 'µs', pgMiss.p50, vs('p50')),
    result('authorizer.miss-postgres.p99', 'µs', pgMiss.p99, {
      ...vs('p99'),
      goal: 'p99 < 5 ms',
      check: (_ratio, value) => value < 5_000,
    }),
    result('authorizer.api-key-warm.p50', 'µs', apiKey.p50, vs('p50')),
    result('authorizer.api-key-warm.p99', 'µs', apiKey.p99, vs('p99')),
  ];
  const rows: [string, Summary][] = [
    ['bare aws-jwt-verify RS256 verify', bare],
    ['authorize(): warm cache hit', hit],
    ['authorize(): miss, in-memory sources', miss],
    ['authorize(): miss, Postgres sources', pgMiss],
    ['authorize(): API key, warm', apiKey],
  ];
  return {
    key: 'authorizer',
    title: 'Authorizer decision',
    conditions: [
      `in process, one call at a time; ${iterations} calls (misses: ${misses}, Postgres misses: ${pgMisses}) after warm-up`,
      'tokens RS256 (RSA 2048) signed locally, JWKS preloaded: no network in any figure',
      `in-memory sources answer after ${options.latencyMs} ms; the Postgres miss uses the handler's own sources (postgres-sources.ts: tenant state and grants read in one tenant transaction) with fresh caches on every call`,
      'shared cache layer: MemoryCache (the authorizer without REDIS_URL)',
    ],
    body: [
      table(
        ['authorizer decision', 'p50', 'p99', 'mean', 'n', 'p50 vs bare'],
        rows.map(([label, summary]) => [
          label,
          formatUs(summary.p50),
          formatUs(summary.p99),
          formatUs(summary.mean),
          String(summary.n),
          ratioText(summary.p50, bare.p50),
        ]),
      ),
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}
