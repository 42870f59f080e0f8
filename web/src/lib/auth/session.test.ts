import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const ME = {
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'maya@acme.example', name: 'Maya Member' },
  tenants: [
    { id: '00000000-0000-4000-8000-00000000000a', name: 'Acme', slug: 'acme', roles: [] },
    { id: '00000000-0000-4000-8000-00000000000b', name: 'Globex', slug: 'globex', roles: [] },
  ],
  permissions: [],
};

/** A fresh session module over a fake server (the module holds one session, like the app). */
async function sessionOver(handler: Handler) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      requests.push(input.clone());
      return handler(input);
    }),
  );
  vi.resetModules();
  const { session } = await import('./session.svelte');
  return { session, requests };
}

function routes(table: Record<string, Handler>): Handler {
  return (request) => {
    const path = new URL(request.url).pathname;
    const handler = table[`${request.method} ${path}`];
    return handler
      ? handler(request)
      : json(404, { title: 'Not found', status: 404, detail: path, code: 'x' });
  };
}

describe('the session', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('does not call refresh on start when this browser never signed in', async () => {
    const { session, requests } = await sessionOver(() => json(500, {}));

    expect(await session.restore()).toBe(false);
    expect(session.status).toBe('signed-out');
    expect(requests).toHaveLength(0);
  });

  it('signs in, loads who the user is, and remembers that a session exists', async () => {
    const { session } = await sessionOver(
      routes({
        'POST /v1/auth/login': () => json(200, { accessToken: 'a1', expiresIn: 3600, tenants: [] }),
        'GET /v1/me': () => json(200, ME),
      }),
    );

    const result = await session.signIn('maya@acme.example', 'secret');

    expect(result).toEqual({ kind: 'signed-in' });
    expect(session.user?.name).toBe('Maya Member');
    expect(session.tenants.map((tenant) => tenant.slug)).toEqual(['acme', 'globex']);
    expect(localStorage.getItem('halooid.session')).toBe('1');
  });

  it('hands back an MFA challenge instead of signing in', async () => {
    const { session } = await sessionOver(
      routes({ 'POST /v1/auth/login': () => json(200, { challenge: 'SOFTWARE_TOKEN_MFA', session: 's1' }) }),
    );

    const result = await session.signIn('maya@acme.example', 'secret');

    expect(result).toEqual({
      kind: 'challenge',
      challenge: 'SOFTWARE_TOKEN_MFA',
      session: 's1',
      email: 'maya@acme.example',
    });
    expect(session.status).not.toBe('signed-in');
  });

  it('restores a session through one cookie refresh, shared by concurrent callers', async () => {
    localStorage.setItem('halooid.session', '1');
    let refreshes = 0;
    const { session, requests } = await sessionOver(
      routes({
        'POST /v1/auth/refresh': () => {
          refreshes++;
          return json(200, { accessToken: 'fresh', expiresIn: 3600 });
        },
        'GET /v1/me': () => json(200, ME),
      }),
    );

    const [restored, again, token] = await Promise.all([
      session.restore(),
      session.restore(),
      session.refresh(),
    ]);

    expect([restored, again, token]).toEqual([true, true, 'fresh']);
    expect(refreshes).toBe(1);
    const me = requests.find((request) => request.url.endsWith('/v1/me'));
    expect(me?.headers.get('authorization')).toBe('Bearer fresh');
  });

  it('selects the tenant of the URL, sends it as X-Tenant-Id, and refuses one the user is not in', async () => {
    localStorage.setItem('halooid.session', '1');
    const { session, requests } = await sessionOver(
      routes({
        'POST /v1/auth/refresh': () => json(200, { accessToken: 'fresh', expiresIn: 3600 }),
        'GET /v1/me': (request) =>
          json(200, { ...ME, permissions: request.headers.get('x-tenant-id') ? ['taskodex:task:read'] : [] }),
      }),
    );
    await session.restore();

    expect(await session.selectTenant('globex')).toBe(true);
    expect(session.can('taskodex:task:read')).toBe(true);
    expect(requests.at(-1)?.headers.get('x-tenant-id')).toBe(ME.tenants[1]?.id);
    expect(session.homeTenant()?.slug).toBe('globex');
    expect(await session.selectTenant('initech')).toBe(false);
  });

  it('signs out with this session\'s bearer token (revoked server-side; logout itself is not "everywhere") and forgets the session', async () => {
    const { session, requests } = await sessionOver(
      routes({
        'POST /v1/auth/login': () => json(200, { accessToken: 'a1', expiresIn: 3600, tenants: [] }),
        'GET /v1/me': () => json(200, ME),
        'POST /v1/auth/logout': () => new Response(null, { status: 204 }),
      }),
    );
    await session.signIn('maya@acme.example', 'secret');

    await session.signOut();

    const logout = requests.find((request) => request.url.endsWith('/v1/auth/logout'));
    expect(logout?.headers.get('authorization')).toBe('Bearer a1');
    expect(await logout?.clone().json()).toEqual({});
    expect(logout?.headers.get('x-halooid-client')).toBe('web');
    expect(session.status).toBe('signed-out');
    expect(session.user).toBeUndefined();
    expect(localStorage.getItem('halooid.session')).toBeNull();
  });
});
