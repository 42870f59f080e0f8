import { ApiError, api, unwrap } from '$lib/api';
import { toProblem } from '$lib/api/problem';
import { clean, type Query } from '$lib/invantray/http';

/**
 * AdminHub's and the operator console's calls, through the session's client
 * (bearer, tenant header, one refresh on 401) but without the generated path
 * types: the routes were built beside these screens, so the shapes the screens
 * read are declared in ./types.ts. `at(prefix)` binds a base path; the query
 * helper (`clean`: empty filters left out) is Invantray's, not a copy.
 */
export type { Query };

type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: object) => Promise<Result>;
const client = api as unknown as { GET: Method; POST: Method; PUT: Method; PATCH: Method; DELETE: Method };

export interface Endpoint {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  put<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  del<T>(path: string): Promise<T>;
  /** A text answer (CSV, JSON lines); a failure still arrives as problem+json. */
  text(path: string, query?: Query, accept?: string): Promise<string>;
}

export function at(prefix: string): Endpoint {
  // A route without a body schema refuses one: nothing is sent when there is nothing to send.
  const init = (body: unknown, headers?: Record<string, string>) => ({
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
  return {
    get: <T>(path: string, query?: Query) =>
      unwrap(client.GET(`${prefix}${path}`, { params: { query: clean(query) } })) as Promise<T>,
    post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
      unwrap(client.POST(`${prefix}${path}`, init(body, headers))) as Promise<T>,
    put: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
      unwrap(client.PUT(`${prefix}${path}`, init(body, headers))) as Promise<T>,
    patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
      unwrap(client.PATCH(`${prefix}${path}`, init(body, headers))) as Promise<T>,
    del: <T>(path: string) => unwrap(client.DELETE(`${prefix}${path}`)) as Promise<T>,
    async text(path: string, query?: Query, accept = '*/*') {
      let result: Result;
      try {
        result = await client.GET(`${prefix}${path}`, {
          params: { query: clean(query) },
          headers: { Accept: accept },
          parseAs: 'text',
        });
      } catch {
        throw new ApiError(0, toProblem(0, undefined));
      }
      if (!result.response.ok) {
        let body: unknown = result.error;
        if (typeof body === 'string') {
          try {
            body = JSON.parse(body);
          } catch {
            /* not problem+json */
          }
        }
        throw new ApiError(result.response.status, toProblem(result.response.status, body));
      }
      return String(result.data ?? '');
    },
  };
}

/** `/v1/adminhub/…`: the tenant admin's routes (X-Tenant-Id of the page). */
export const adminhub = at('/v1/adminhub');
/** `/v1/operator/…`: the operator's routes (no tenant). */
export const operator = at('/v1/operator');
