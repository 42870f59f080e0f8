import { ApiError, api, unwrap } from '$lib/api';
import { toProblem } from '$lib/api/problem';

/**
 * Invantray's calls, through the same client as every screen (bearer, tenant,
 * refresh on 401) but without the generated path types: the routes were being
 * built beside these screens, so the shapes the screens read are declared in
 * ./types.ts from the capabilities' schemas. Labels and CSV exports come back as
 * a Blob or text.
 */
export type Query = Record<string, string | number | boolean | undefined | null>;
type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: object) => Promise<Result>;
const client = api as unknown as { GET: Method; POST: Method; PUT: Method; PATCH: Method; DELETE: Method };
export const INV = '/v1/invantray';

export function clean(query: Query | undefined): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = String(value);
  }
  return out;
}

export function invGet<T>(path: string, query?: Query): Promise<T> {
  return unwrap(client.GET(`${INV}${path}`, { params: { query: clean(query) } })) as Promise<T>;
}

export function invPost<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
  return unwrap(client.POST(`${INV}${path}`, { body, ...(headers ? { headers } : {}) })) as Promise<T>;
}

export function invPatch<T>(path: string, body: unknown): Promise<T> {
  return unwrap(client.PATCH(`${INV}${path}`, { body })) as Promise<T>;
}

export function invPut<T>(path: string, body: unknown): Promise<T> {
  return unwrap(client.PUT(`${INV}${path}`, { body })) as Promise<T>;
}

export function invDelete(path: string): Promise<unknown> {
  return unwrap(client.DELETE(`${INV}${path}`));
}

/** A non-JSON answer (CSV, SVG, PDF) as a Blob; a failure still arrives as problem+json. */
export async function invBlob(path: string, query?: Query, accept = '*/*'): Promise<Blob> {
  let result: Result;
  try {
    result = await client.GET(`${INV}${path}`, {
      params: { query: clean(query) },
      headers: { Accept: accept },
      parseAs: 'blob',
    });
  } catch {
    throw new ApiError(0, toProblem(0, undefined));
  }
  if (!result.response.ok) {
    let body: unknown = result.error;
    if (body instanceof Blob) body = await body.text();
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* not problem+json */
      }
    }
    throw new ApiError(result.response.status, toProblem(result.response.status, body));
  }
  return result.data as Blob;
}

/** A fresh Idempotency-Key: a double-clicked or retried post must not move stock twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
