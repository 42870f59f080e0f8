import type { paths } from '$lib/api/schema';
import { PRODUCT_LIST } from '$lib/products.generated';

type Json<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'put',
  S extends number = 200,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Tenant = Json<'/v1/tenants/current', 'get'>;
export type Member = Json<'/v1/tenants/current/members', 'get'>['items'][number];
export type Role = Json<'/v1/rbac/roles', 'get'>['items'][number];
export type Permission = Json<'/v1/rbac/permissions', 'get'>['items'][number];
export type ApiKey = Json<'/v1/api-keys', 'get'>['items'][number];
export type CreatedApiKey = Json<'/v1/api-keys', 'post', 201>;
export type Webhook = Json<'/v1/webhooks', 'get'>['items'][number];
export type Delivery = Json<'/v1/webhooks/{webhookId}/deliveries', 'get'>['items'][number];

/** Product names as people read them, by key (from each product.ts). */
export const PRODUCT_LABELS: Record<string, string> = Object.fromEntries(
  PRODUCT_LIST.map((product) => [product.key, product.displayName]),
);

/** The products a tenant can switch on and off: all but the always-enabled platform. */
export const TENANT_PRODUCTS = PRODUCT_LIST.filter((product) => !product.alwaysEnabled).map(
  (product) => product.key,
);

export function groupByProduct(permissions: readonly Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) {
    const list = groups.get(permission.product) ?? [];
    list.push(permission);
    groups.set(permission.product, list);
  }
  return [...groups.entries()].sort(([a], [b]) =>
    a === 'platform' ? 1 : b === 'platform' ? -1 : a.localeCompare(b),
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
