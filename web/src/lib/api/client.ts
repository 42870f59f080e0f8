import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, toProblem } from './problem';
import type { paths } from './schema';

export type Api = Client<paths>;

/** What the client needs from the session; the session module provides it. */
export interface SessionHooks {
  accessToken(): string | undefined;
  /** The tenant of the page (`/t/<slug>/…`), sent as `X-Tenant-Id`. */
  tenantId(): string | undefined;
  /** A new access token through the httpOnly refresh cookie, or undefined when the session is over. */
  refresh(): Promise<string | undefined>;
}

/**
 * Auth routes that must never carry the bearer token or be retried after a
 * refresh: a 401 there means wrong credentials, not an expired token. Logout
 * sends its bearer itself (session.signOut) so that this session's access
 * token is revoked too; it is never replayed after a refresh.
 */
const SESSIONLESS = new Set([
  '/v1/auth/signup',
  '/v1/auth/confirm',
  '/v1/auth/login',
  '/v1/auth/challenge',
  '/v1/auth/refresh',
  '/v1/auth/logout',
  '/v1/auth/password/forgot',
  '/v1/auth/password/reset',
]);

/**
 * The typed API client (types generated from the service manifests). A
 * middleware adds `Authorization: Bearer` and `X-Tenant-Id`, marks auth calls
 * with `X-Halooid-Client: web` (so the refresh token stays in its httpOnly
 * cookie), and on a 401 refreshes the access token once and replays the
 * request. Concurrent 401s share one refresh (the session single-flights it).
 */
export function createApi(
  hooks: SessionHooks,
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): Api {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const replayable = new Map<string, Request>();

  const middleware: Middleware = {
    onRequest({ request, schemaPath, id }) {
      if (schemaPath.startsWith('/v1/auth/')) request.headers.set('X-Halooid-Client', 'web');
      if (SESSIONLESS.has(schemaPath)) return request;
      const token = hooks.accessToken();
      if (token && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      const tenantId = hooks.tenantId();
      if (tenantId && !request.headers.has('X-Tenant-Id')) request.headers.set('X-Tenant-Id', tenantId);
      replayable.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options: requestOptions }) {
      const replay = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || !replay) return response;
      const token = await hooks.refresh();
      if (!token) return response;
      replay.headers.set('Authorization', `Bearer ${token}`);
      return requestOptions.fetch(replay);
    },
    onError({ id }) {
      replayable.delete(id);
    },
  };
  client.use(middleware);
  return client;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of a call, or an ApiError carrying the problem+json. For code
 * that prefers try/catch:
 *   const task = await unwrap(api.GET('/v1/taskodex/tasks/{taskId}', { params: { path: { taskId } } }));
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, toProblem(0, undefined));
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, toProblem(result.response.status, result.error));
  }
  return result.data as T;
}
