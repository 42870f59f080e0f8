import { ApiError, api, unwrap } from '$lib/api';
import { toProblem } from '$lib/api/problem';

/**
 * The record screens' calls (lists, records, timeline, import/export). Like
 * ../api.ts, through the same client (bearer, tenant, refresh on 401) without
 * the generated path types; here queries may repeat a parameter
 * (`custom=a:1&custom=b:2`) and CSV exports come back as text.
 */
type Query = Record<string, string | string[] | number | boolean | undefined | null>;
type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: object) => Promise<Result>;
const client = api as unknown as { GET: Method; POST: Method; PUT: Method; PATCH: Method; DELETE: Method };
export const CRM = '/v1/customerconnect';

function clean(query: Query | undefined): Record<string, string | string[]> | undefined {
  if (!query) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = Array.isArray(value) ? value : String(value);
  }
  return out;
}

export function crmGet<T>(path: string, query?: Query): Promise<T> {
  return unwrap(client.GET(`${CRM}${path}`, { params: { query: clean(query) } })) as Promise<T>;
}

export function crmPost<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
  return unwrap(client.POST(`${CRM}${path}`, { body, ...(headers ? { headers } : {}) })) as Promise<T>;
}

export function crmPatch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
  return unwrap(client.PATCH(`${CRM}${path}`, { body, ...(headers ? { headers } : {}) })) as Promise<T>;
}

export function crmPut<T>(path: string, body: unknown): Promise<T> {
  return unwrap(client.PUT(`${CRM}${path}`, { body })) as Promise<T>;
}

export function crmDelete(path: string): Promise<unknown> {
  return unwrap(client.DELETE(`${CRM}${path}`));
}

/** A CSV export: the body as text (the route answers text/csv). */
export async function crmText(path: string, query?: Query): Promise<string> {
  let result: Result;
  try {
    result = await client.GET(`${CRM}${path}`, {
      params: { query: clean(query) },
      headers: { Accept: 'text/csv' },
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
}
