import http from 'node:http';
import { statusWithin } from '@halooid/local/testing/eventually';
import { signInOperator } from '@halooid/local/testing/operators';
import {
  type Session,
  startTestPlatform,
  type TestPlatform,
  type TestResponse,
} from '@halooid/local/testing/test-platform';
import { displayTextPaths } from '@halooid/shared/display-text';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from './registry';
import {
  type FixtureContext,
  type FuzzedBody,
  fillPath,
  fuzzedBodies,
  hasPermission,
  isAuthenticatedOnly,
  isOperatorOnly,
  isPublic,
  minimalBody,
  minimalQuery,
  pathParameterNames,
  realParams,
  sampleParams,
  type WalkedRoute,
  walkRoutes,
  withNulInStrings,
} from './security-fixtures';

/**
 * Walks every route of every manifest in functions/registry.ts against the
 * real local platform (gateway → authorizer → function → Postgres). Routes
 * are read from the registry when the file is collected, so a route added
 * later is covered without touching this file:
 *   1. no credentials (or a bad token) → 401 problem+json, for every non-PUBLIC route,
 *      and so is an access token whose session was signed out;
 *   2. a signed-in member whose role lacks the route's permission → 403, and an
 *      API key whose scope lacks it → 403; AUTHENTICATED routes refuse API keys;
 *   3. another tenant's resource ids → 404, for every route with path parameters;
 *   4. fuzzed bodies never get a 5xx;
 *   5. a body nested 10,000 levels deep is a 400 `too_deep` for every route with a body;
 *   6. the /dev tools answer only to a loopback Host (DNS rebinding);
 *   7. every name/title field (displayText) refuses direction controls and invisible characters;
 *   8. OPERATOR routes (/v1/operator/*) refuse every tenant role, Owner included, and an
 *      operator without MFA; sections 4, 5 and 7 call them as an operator, and the
 *      cross-tenant sweep (3) leaves them out: operators act across tenants by design.
 *
 * Arrangement done directly in SQL: both demo tenants are set to the
 * enterprise tier, so the per-tenant throttle of the local gateway does not
 * answer 429 in the middle of a few hundred quick requests.
 */

const ROUTES = walkRoutes(SERVICES);
const FUZZ_RUNS = 25;
const PROBLEM = /^application\/problem\+json/;

/**
 * Routes that validate their body before loading the resource named in the
 * path, so the cross-tenant sweep accepts 400/422 for them as well as 404.
 * Each entry needs a reason. Currently none.
 */
const VALIDATES_BODY_BEFORE_LOADING: Record<string, string> = {};

/**
 * Path parameters that name no tenant resource, so another tenant's value
 * does not exist: an ISO week (`/timesheets/{week}/submit`) is the same week
 * in every tenant. Routes whose parameters are all of these skip the sweep.
 */
const NOT_TENANT_RESOURCES = new Set(['week']);

let platform: TestPlatform;
let acmeOwner: Session;
let globexOwner: Session;
/** viewer@acme.example, re-roled to a custom role with no permission at all. */
let powerless: Session;
/** An Acme API key with the single scope taskodex:task:read. */
let readOnlyKey: string;
/** A platform operator with MFA: the caller of OPERATOR routes in the sweeps that need a permitted caller. */
let operator: Session;
let acme: FixtureContext;

async function setEnterpriseTier() {
  await platform.db.query(`update platform.tenants set tier = 'enterprise' where slug in ('acme', 'globex')`);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  await setEnterpriseTier();
  [acmeOwner, globexOwner] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  // Adam, not Maya: the demo makes Maya a member of Globex too, and the sweep needs an Acme-only person.
  const member = await platform.login('admin@acme.example');
  acme = { platform, owner: acmeOwner, slug: 'acme', memberId: member.userId };

  // A role with no permission, given to the viewer as their only role.
  const role = await platform.request('POST', '/v1/rbac/roles', {
    headers: acmeOwner.headers('acme'),
    body: { name: 'Security sweep: nothing', permissions: [] },
  });
  expect(role.status, role.text).toBe(201);
  powerless = await platform.login('viewer@acme.example');
  const reRoled = await platform.request('PUT', `/v1/tenants/current/members/${powerless.userId}/roles`, {
    headers: acmeOwner.headers('acme'),
    body: { roleIds: [role.body.id] },
  });
  expect(reRoled.status, reRoled.text).toBe(200);
  // The authorizer sees the change within its cache bound (the RBAC version is re-read every 2 s).
  expect(
    await statusWithin(
      15_000, // generous for a loaded machine; it returns as soon as the change bites
      () => platform.request('GET', '/v1/taskodex/tasks', { headers: powerless.headers('acme') }),
      403,
    ),
  ).toBe(403);

  const key = await platform.request('POST', '/v1/api-keys', {
    headers: acmeOwner.headers('acme'),
    body: { name: 'Security sweep: read tasks', scopes: ['taskodex:task:read'] },
  });
  expect(key.status, key.text).toBe(201);
  readOnlyKey = key.body.key;
  operator = await signInOperator(platform, { mfa: true });
});

afterAll(async () => {
  await platform?.stop();
});

function expectProblem(response: TestResponse, status: number) {
  expect(response.status, `${response.status} ${response.text.slice(0, 300)}`).toBe(status);
  expect(response.headers.get('content-type')).toMatch(PROBLEM);
  expect(response.body).toMatchObject({ status });
}

/** Sends a request; a tenant throttle (429 with a short Retry-After) is waited out and retried. */
async function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
): Promise<TestResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await platform.request(method, path, options);
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.status !== 429 || attempt >= 5 || !(retryAfter > 0 && retryAfter <= 2)) return response;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}

const sampleCall = (route: WalkedRoute['route']) => ({
  path: fillPath(route.path, sampleParams(route)),
  body: minimalBody(route),
});

/** Who may call the route: nobody for PUBLIC, an operator for OPERATOR routes, the Acme owner otherwise. */
const permittedHeaders = (route: WalkedRoute['route']): Record<string, string> => {
  if (isPublic(route)) return {};
  if (isOperatorOnly(route)) return { authorization: `Bearer ${operator.accessToken}` };
  return acmeOwner.headers('acme');
};

const byName = (routes: WalkedRoute[]) => routes.map((walked) => [walked.name, walked] as const);

describe('the walk covers the registry', () => {
  it('finds every route of every manifest, with unique operation ids', () => {
    const declared = SERVICES.reduce((count, service) => count + service.routes.length, 0);
    expect(ROUTES).toHaveLength(declared);
    expect(new Set(ROUTES.map((walked) => walked.route.operationId)).size).toBe(declared);
    expect(ROUTES.filter((walked) => !isPublic(walked.route)).length).toBeGreaterThan(0);
  });

  it.each(byName(ROUTES))('can build valid input for %s', (_, { route }) => {
    const { body } = sampleCall(route);
    if (route.body) expect(route.body.safeParse(body).success).toBe(true);
    if (route.params) expect(route.params.safeParse(sampleParams(route)).success).toBe(true);
  });
});

describe('1. without credentials → 401', () => {
  it.each(byName(ROUTES.filter((walked) => !isPublic(walked.route))))('%s', async (_, { route }) => {
    const { path, body } = sampleCall(route);

    expectProblem(await send(route.method, path, { body }), 401);
    expectProblem(
      await send(route.method, path, { body, headers: { authorization: 'Bearer not.a.jwt' } }),
      401,
    );
    expectProblem(
      await send(route.method, path, {
        body,
        headers: { authorization: `ApiKey ${readOnlyKey.slice(0, -4)}AAAA` },
      }),
      401,
    );
  });
});

describe('1b. a revoked access token (its session signed out) → 401', () => {
  let revoked: Session;

  beforeAll(async () => {
    revoked = await platform.login('owner@acme.example');
    const logout = await platform.request('POST', '/v1/auth/logout', {
      headers: { authorization: `Bearer ${revoked.accessToken}` },
      body: { refreshToken: revoked.refreshToken },
    });
    expect(logout.status, logout.text).toBe(204);
    // The authorizer re-reads revocations every 2 s; from then on every route refuses the token.
    expect(
      await statusWithin(
        15_000, // generous for a loaded machine; it returns as soon as the revocation bites
        () => platform.request('GET', '/v1/taskodex/tasks', { headers: revoked.headers('acme') }),
        401,
      ),
    ).toBe(401);
  });

  it.each(byName(ROUTES.filter((walked) => !isPublic(walked.route))))('%s', async (_, { route }) => {
    const { path, body } = sampleCall(route);

    expectProblem(await send(route.method, path, { body, headers: revoked.headers('acme') }), 401);
  });
});

describe('2. lacking the permission → 403', () => {
  describe.each(byName(ROUTES.filter((walked) => hasPermission(walked.route))))('%s', (_, { route }) => {
    it('a member whose role lacks it: 403, before the body is validated', async () => {
      const { path, body } = sampleCall(route);
      const headers = powerless.headers('acme');

      expectProblem(await send(route.method, path, { headers, body }), 403);
      // Invalid input gets the same 403: the authorizer runs before validation.
      const badPath = `${route.path.replace(/\{\w+\}/g, 'not-an-id')}?unexpected=1`;
      expectProblem(await send(route.method, badPath, { headers }), 403);
      if (route.body) {
        expectProblem(await send(route.method, path, { headers, rawBody: '{"not": valid json' }), 403);
        expectProblem(await send(route.method, path, { headers, body: { unexpected: [1, 2, 3] } }), 403);
      }
    });

    it.skipIf(route.permission === 'taskodex:task:read')('an API key whose scopes lack it: 403', async () => {
      const { path, body } = sampleCall(route);

      expectProblem(
        await send(route.method, path, { headers: { authorization: `ApiKey ${readOnlyKey}` }, body }),
        403,
      );
    });
  });

  it.each(byName(ROUTES.filter((walked) => isAuthenticatedOnly(walked.route))))(
    '%s (AUTHENTICATED: any signed-in person may call it) refuses an API key with 403',
    async (_, { route }) => {
      const { path, body } = sampleCall(route);

      expectProblem(
        await send(route.method, path, { headers: { authorization: `ApiKey ${readOnlyKey}` }, body }),
        403,
      );
      expectProblem(
        await send(route.method, path, {
          headers: {
            authorization: `ApiKey ${readOnlyKey}`,
            'x-tenant-id': acmeOwner.headers('acme')['x-tenant-id'] ?? '',
          },
          body,
        }),
        403,
      );
    },
  );
});

describe('8. operator routes: every tenant role and an operator without MFA → 403', () => {
  const OPERATOR_ROUTES = ROUTES.filter((walked) => isOperatorOnly(walked.route));
  /** Every Acme demo role, Owner and Admin first, and the Globex owner. */
  let tenantPeople: { who: string; headers: Record<string, string> }[];
  let operatorWithoutMfa: Session;

  beforeAll(async () => {
    const emails = [
      'owner@acme.example',
      'admin@acme.example',
      'member@acme.example',
      'hr@acme.example',
      'employee@acme.example',
      'sales@acme.example',
      'warehouse@acme.example',
      'buyer@acme.example',
    ];
    const sessions = await Promise.all(emails.map((email) => platform.login(email)));
    tenantPeople = [
      ...sessions.map((session, index) => ({
        who: emails[index] as string,
        headers: session.headers('acme'),
      })),
      { who: 'owner@globex.example', headers: globexOwner.headers('globex') },
      {
        who: 'owner@acme.example without X-Tenant-Id',
        headers: { authorization: `Bearer ${acmeOwner.accessToken}` },
      },
    ];
    operatorWithoutMfa = await signInOperator(platform, { mfa: false });
  });

  it('finds the operator routes', () => {
    expect(OPERATOR_ROUTES.length).toBeGreaterThan(0);
  });

  it.each(byName(OPERATOR_ROUTES))('%s', async (_, { route }) => {
    const { path, body } = sampleCall(route);

    for (const { who, headers } of tenantPeople) {
      const response = await send(route.method, path, { headers, body });
      expect(response.status, `${who}: ${response.text.slice(0, 200)}`).toBe(403);
      expect(response.body).toMatchObject({ code: 'operators_only' });
    }
    const withoutMfa = await send(route.method, path, {
      headers: { authorization: `Bearer ${operatorWithoutMfa.accessToken}` },
      body,
    });
    expectProblem(withoutMfa, 403);
    expect(withoutMfa.body).toMatchObject({ code: 'mfa_required' });
  });
});

describe("3. another tenant's resource ids → 404", () => {
  const withParams = ROUTES.filter(
    (walked) =>
      !isOperatorOnly(walked.route) &&
      pathParameterNames(walked.route.path).some((name) => !NOT_TENANT_RESOURCES.has(name)),
  );

  it.each(byName(withParams))('%s, called by the Globex owner with Acme ids', async (_, { route }) => {
    const params = await realParams(route, acme);
    const path = fillPath(route.path, params) + minimalQuery(route);
    const body = minimalBody(route);

    const response = await send(route.method, path, { headers: globexOwner.headers('globex'), body });

    const exception = VALIDATES_BODY_BEFORE_LOADING[route.operationId];
    if (exception && [400, 422].includes(response.status)) return;
    expectProblem(response, 404);
  });

  it('the ids were real: the Acme owner reaches the same resources', async () => {
    const route = ROUTES.find((walked) => walked.route.operationId === 'getTask')?.route;
    if (!route) return;
    const path = fillPath(route.path, await realParams(route, acme));

    expect((await send('GET', path, { headers: acmeOwner.headers('acme') })).status).toBe(200);
    expect((await send('GET', path, { headers: globexOwner.headers('globex') })).status).toBe(404);
  });
});

describe('4. fuzzed bodies never get a 5xx', () => {
  // Fuzzing as the Acme owner can change the tenant (PATCH /v1/tenants/current may set the tier).
  afterEach(async () => {
    await setEnterpriseTier();
  });

  it.each(byName(ROUTES.filter((walked) => walked.route.body !== undefined)))(
    '%s',
    async (_, { route }) => {
      const headers = permittedHeaders(route);
      const params = pathParameterNames(route.path).length > 0 ? await realParams(route, acme) : {};
      const path = fillPath(route.path, params);
      const valid = minimalBody(route);

      await fc.assert(
        fc.asyncProperty(fuzzedBodies(valid), async (fuzzed: FuzzedBody) => {
          const response = await send(route.method, path, {
            headers: fuzzed.kind === 'raw' ? { ...headers, 'content-type': 'application/json' } : headers,
            ...(fuzzed.kind === 'json' ? { body: fuzzed.body } : {}),
            ...(fuzzed.kind === 'raw' ? { rawBody: fuzzed.raw } : {}),
          });
          if (response.status >= 500) {
            throw new Error(
              `${route.method} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`,
            );
          }
        }),
        // Always tried besides the random runs: the valid body with a NUL in one field at a time.
        {
          numRuns: FUZZ_RUNS,
          examples: withNulInStrings(valid).map((body): [FuzzedBody] => [{ kind: 'json', body }]),
        },
      );
    },
    60_000,
  );
});

describe('5. hostile JSON shapes are a 400, never a 5xx', () => {
  /** `{"a":{"a":…1…}}`, 10,000 levels: 50 KB, far under the 1 MB limit. */
  const TOWER = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

  it.each(byName(ROUTES.filter((walked) => walked.route.body !== undefined)))(
    '%s: a body nested 10,000 levels deep',
    async (_, { route }) => {
      const headers = permittedHeaders(route);

      const response = await send(route.method, sampleCall(route).path, {
        headers: { ...headers, 'content-type': 'application/json' },
        rawBody: TOWER,
      });

      expectProblem(response, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'too_deep' })]);
    },
  );

  it('tenant settings nested 9 levels are a 400 on body.settings; nothing is stored', async () => {
    let settings: Record<string, unknown> = { leaf: true };
    for (let level = 1; level < 9; level++) settings = { a: settings };

    const response = await send('PATCH', '/v1/tenants/current', {
      headers: acmeOwner.headers('acme'),
      body: { settings },
    });

    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body.settings', code: 'too_deep' }),
    ]);
    const { rows } = await platform.db.query(`select settings from platform.tenants where slug = 'acme'`);
    expect(JSON.stringify(rows[0]?.settings ?? {})).not.toContain('"leaf"');
  });
});

describe('6. the /dev tools answer only to a loopback Host (DNS rebinding)', () => {
  /** A request whose Host header is `host`, sent to the platform's own socket (as a rebound name would). */
  function requestWithHost(method: string, path: string, host: string) {
    const url = new URL(path, platform.url);
    return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = http.request(
        { hostname: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers: { host } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'] ?? '', body }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  it.each([
    ['GET', '/dev/mailbox'],
    ['GET', '/dev/mailbox?to=owner@acme.example'],
    ['GET', '/dev/events'],
    ['GET', '/dev/dlq'],
    ['POST', '/dev/dlq/0190a1b2-0000-7000-8000-000000000001/redrive'],
  ])('%s %s with Host: evil.example → 421 problem+json', async (method, path) => {
    for (const host of ['evil.example', `evil.example:${new URL(platform.url).port}`, '127.0.0.1.nip.io']) {
      const response = await requestWithHost(method, path, host);

      expect(response.status, `${host}: ${response.body.slice(0, 200)}`).toBe(421);
      expect(response.type).toMatch(PROBLEM);
      expect(JSON.parse(response.body)).toMatchObject({ status: 421, code: 'misdirected_request' });
    }
  });

  it.each(['localhost', '127.0.0.1', '[::1]'])(
    'answers the mailbox with Host: %s and any port',
    async (name) => {
      const response = await requestWithHost('GET', '/dev/mailbox', `${name}:${new URL(platform.url).port}`);

      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toHaveProperty('items');
    },
  );
});

describe('7. names and titles refuse direction controls and invisible characters', () => {
  /** Every display-text field of every route body, found in the zod schemas (shared/src/display-text.ts). */
  const FIELDS = ROUTES.flatMap((walked) =>
    walked.route.body ? displayTextPaths(walked.route.body).map((path) => ({ ...walked, path })) : [],
  );

  /** A copy of `body` with `value` at `path`, creating the objects and arrays on the way. */
  function withValueAt(body: unknown, path: readonly string[], value: string): unknown {
    const copy = structuredClone(body ?? {}) as Record<string, unknown>;
    let node: Record<string, unknown> = copy;
    path.forEach((key, index) => {
      if (index === path.length - 1) node[key] = value;
      else {
        node[key] ??= path[index + 1] === '0' ? [] : {};
        node = node[key] as Record<string, unknown>;
      }
    });
    return copy;
  }

  it('finds the names and titles people read', () => {
    const found = FIELDS.map((field) => `${field.route.operationId} ${field.path.join('.')}`);

    expect(found).toEqual(
      expect.arrayContaining([
        'signUp name',
        'signUp tenantName',
        'updateCurrentTenant name',
        'inviteMember name',
        'createRole name',
        'createApiKey name',
        'createWebhook description',
        'createProject name',
        'replaceProjectWorkflow states.0.name',
        'createTask title',
        'updateTask title',
        'createView name',
      ]),
    );
  });

  it.each(FIELDS.map((field) => [`${field.name} body.${field.path.join('.')}`, field] as const))(
    '%s',
    async (_, { route, path }) => {
      const headers = permittedHeaders(route);
      for (const [text, codePoint] of [
        ['Invoice\u202Efdp.exe', 'U+202E'],
        ['ad\u200Bmin', 'U+200B'],
        ['\u2067Acme\u2069', 'U+2067'],
      ]) {
        const response = await send(route.method, sampleCall(route).path, {
          headers,
          body: withValueAt(minimalBody(route), path, text as string),
        });

        expectProblem(response, 400);
        expect(response.body.errors).toContainEqual({
          field: `body.${path.join('.')}`,
          code: 'hidden_character',
          message: expect.stringContaining(codePoint as string),
        });
      }
    },
  );

  it('stores a title normalised to NFC', async () => {
    const created = await send('POST', '/v1/taskodex/tasks', {
      headers: acmeOwner.headers('acme'),
      body: { title: 'Cafe\u0301 menu' },
    });

    expect(created.status, created.text).toBe(201);
    expect(created.body.title).toBe('Caf\u00E9 menu');
    const { rows } = await platform.db.query('select title from taskodex.tasks where id = $1', [
      created.body.id,
    ]);
    expect(rows[0]?.title).toBe('Caf\u00E9 menu');
  });
});
