import { PRODUCT_LIST } from '$lib/products.generated';

/**
 * The products in the navigation: every product whose product.ts declares a
 * `web` entry (generated into $lib/products.generated.ts). A product shows
 * only when the user holds at least one of its permissions in the current
 * tenant.
 */
export interface Product {
  id: string;
  label: string;
  /** Permission prefix, e.g. `taskodex:`. */
  prefix: string;
  /** Path under `/t/<slug>`. */
  path: string;
  /** An Icon name, or a character until the product gets one. */
  icon: string;
  description: string;
}

export const PRODUCTS: readonly Product[] = PRODUCT_LIST.flatMap((product) =>
  product.web
    ? [
        {
          id: product.key,
          label: product.displayName,
          prefix: `${product.key}:`,
          path: product.web.path,
          icon: product.web.icon,
          description: product.web.description,
        },
      ]
    : [],
);

/** Tenant administration sections, each behind the permission that lets you read it. */
export const SETTINGS_SECTIONS = [
  { id: 'general', label: 'General', path: '/settings', permission: 'platform:tenant:read' },
  { id: 'members', label: 'Members', path: '/settings/members', permission: 'platform:member:read' },
  { id: 'roles', label: 'Roles', path: '/settings/roles', permission: 'platform:role:read' },
  { id: 'api-keys', label: 'API keys', path: '/settings/api-keys', permission: 'platform:api-key:read' },
  { id: 'webhooks', label: 'Webhooks', path: '/settings/webhooks', permission: 'platform:webhook:read' },
] as const;

export function visibleProducts(permissions: readonly string[]): Product[] {
  return PRODUCTS.filter((product) =>
    permissions.some((permission) => permission === '*' || permission.startsWith(product.prefix)),
  );
}

export function visibleSettings(permissions: readonly string[]) {
  return SETTINGS_SECTIONS.filter(
    (section) => permissions.includes('*') || permissions.includes(section.permission),
  );
}
