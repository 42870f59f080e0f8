import { describe, expect, it, vi } from 'vitest';
import { createApi, unwrap } from './client';
import { ApiError, fieldErrors, problemMessage } from './problem';

type Call = { url: string; method: string; headers: Headers; body: string };

/** A fake server: answers each request with the next handler's response and records what it got. */
function fakeServer(respond: (call: Call, index: number) => Response) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const call = {
      url: input.url,
      method: input.method,
      headers: input.headers,
      body: await input.text(),
    };
    calls.push(call);
    return respond(call, calls.length - 1);
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const unauthorized = () =>
  json(401, { type: 'x', title: 'Unauthorized', status: 401, detail: 'Sign in.', code: 'unauthorized' });

describe('the API client', () => {
  it('sends the bearer token and the tenant of the page', async () => {
    const server = fakeServer(() => json(200, { user: {}, tenants: [], permissions: [] }));
    const api = createApi(
      { accessToken: () => 'token-1', tenantId: () => 'tenant-1', refresh: async () => undefined },
      { baseUrl: 'http://localhost', fetch: server.fetch },
    );

    await api.GET('/v1/me');

    expect(server.calls[0]?.headers.get('authorization')).toBe('Bearer token-1');
    expect(server.calls[0]?.headers.get('x-tenant-id')).toBe('tenant-1');
  });

  it('refreshes once on a 401 and replays the request, body included, with the new token', async () => {
    const server = fakeServer((call) =>
      call.headers.get('authorization') === 'Bearer fresh' ? json(201, { id: 'k1' }) : unauthorized(),
    );
    const refresh = vi.fn(async () => 'fresh');
    const api = createApi(
      { accessToken: () => 'expired', tenantId: () => 'tenant-1', refresh },
      { baseUrl: 'http://localhost', fetch: server.fetch },
    );

    const { data, response } = await api.POST('/v1/api-keys', {
      body: { name: 'ci', scopes: ['taskodex:task:read'] },
    });

    expect(response.status).toBe(201);
    expect(data).toEqual({ id: 'k1' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.calls).toHaveLength(2);
    expect(JSON.parse(server.calls[1]?.body ?? '')).toEqual({ name: 'ci', scopes: ['taskodex:task:read'] });
    expect(server.calls[1]?.headers.get('x-tenant-id')).toBe('tenant-1');
  });

  it('returns the 401 when the refresh fails (the session is over)', async () => {
    const server = fakeServer(() => unauthorized());
    const api = createApi(
      { accessToken: () => 'expired', tenantId: () => undefined, refresh: async () => undefined },
      { baseUrl: 'http://localhost', fetch: server.fetch },
    );

    const { error, response } = await api.GET('/v1/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect(server.calls).toHaveLength(1);
  });

  it('never sends the bearer on sign-in or refresh, never retries them, and marks them as the web client', async () => {
    const server = fakeServer(() => unauthorized());
    const refresh = vi.fn(async () => 'fresh');
    const api = createApi(
      { accessToken: () => 'token-1', tenantId: () => 'tenant-1', refresh },
      { baseUrl: 'http://localhost', fetch: server.fetch },
    );

    await api.POST('/v1/auth/login', { body: { email: 'a@b.example', password: 'wrong' } });
    await api.POST('/v1/auth/refresh', { body: {} });

    expect(refresh).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(2);
    for (const call of server.calls) {
      expect(call.headers.get('authorization')).toBeNull();
      expect(call.headers.get('x-halooid-client')).toBe('web');
    }
  });
});

describe('unwrap and problems', () => {
  it('turns a problem+json answer into an ApiError with field errors', async () => {
    const server = fakeServer(() =>
      json(400, {
        type: 'x',
        title: 'Bad request',
        status: 400,
        detail: 'The request is invalid.',
        code: 'validation_failed',
        errors: [{ field: 'body.email', message: 'Invalid email', code: 'invalid_format' }],
      }),
    );
    const api = createApi(
      { accessToken: () => undefined, tenantId: () => undefined, refresh: async () => undefined },
      { baseUrl: 'http://localhost', fetch: server.fetch },
    );

    const failure = await unwrap(api.POST('/v1/auth/password/forgot', { body: { email: 'x' } })).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(400);
    expect(fieldErrors(failure)).toEqual({ email: 'Invalid email' });
  });

  it('explains a 409 instead of swallowing it, and masks a 5xx behind its reference', () => {
    const conflict = new ApiError(409, {
      type: 'x',
      title: 'Conflict',
      status: 409,
      detail: 'The task changed since version 3.',
      code: 'version_conflict',
    });
    const crash = new ApiError(500, {
      type: 'x',
      title: 'Internal',
      status: 500,
      detail: 'boom',
      code: 'internal_error',
      correlationId: 'abc-123',
    });

    expect(problemMessage(conflict)).toContain('The task changed since version 3.');
    expect(problemMessage(conflict)).toContain('reload');
    expect(problemMessage(crash)).toContain('abc-123');
    expect(problemMessage(crash)).not.toContain('boom');
  });

  it('reports a network failure as unreachable, not as a crash', async () => {
    const api = createApi(
      { accessToken: () => undefined, tenantId: () => undefined, refresh: async () => undefined },
      {
        baseUrl: 'http://localhost',
        fetch: (async () => {
          throw new TypeError('Failed to fetch');
        }) as unknown as typeof fetch,
      },
    );

    const failure = await unwrap(api.GET('/v1/health')).catch((error: unknown) => error);

    expect((failure as ApiError).code).toBe('network_error');
    expect(problemMessage(failure)).toMatch(/could not be reached/);
  });
});
