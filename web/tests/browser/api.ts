import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness';

/**
 * What flows share besides the harness: arranging rows through the API (the
 * steps that are not under test) as a demo user of the acme tenant, and the
 * phone-width check every flow makes.
 */
export type ApiHeaders = Record<string, string>;

/** Bearer and tenant headers for a demo user (password from the harness). */
export async function apiHeaders(baseUrl: string, email: string): Promise<ApiHeaders> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string; tenants: { id: string; slug: string }[] };
  return {
    authorization: `Bearer ${body.accessToken}`,
    'x-tenant-id': body.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '',
  };
}

/** One JSON call that must succeed (a failed arrangement names the call and the answer). */
export async function api<T>(
  baseUrl: string,
  headers: ApiHeaders,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** At a phone's width nothing scrolls sideways. */
export async function noSidewaysScroll(page: Page, width: number) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `no sideways scroll on the page (${scroll} px)`);
}
