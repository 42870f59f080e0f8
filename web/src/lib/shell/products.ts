/**
 * The products in the navigation. A product shows only when the user holds
 * at least one of its permissions in the current tenant, so products that
 * have not landed (no permissions in the catalog yet) stay hidden by
 * themselves. Add a product here when its first screen lands.
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

export const PRODUCTS: readonly Product[] = [
  {
    id: 'taskodex',
    label: 'Taskodex',
    prefix: 'taskodex:',
    path: '/taskodex',
    icon: 'tasks',
    description: 'Projects, tasks and time tracking',
  },
  {
    id: 'qultrix',
    label: 'Qultrix',
    prefix: 'qultrix:',
    path: '/qultrix',
    icon: '☺',
    description: 'People, time off and reviews',
  },
  {
    id: 'adminhub',
    label: 'AdminHub',
    prefix: 'adminhub:',
    path: '/adminhub',
    icon: '⚙',
    description: 'Monitoring, users and security',
  },
  {
    id: 'customerconnect',
    label: 'CustomerConnect',
    prefix: 'customerconnect:',
    path: '/customerconnect',
    icon: '☎',
    description: 'Contacts, leads and cases',
  },
  {
    id: 'invantray',
    label: 'Invantray',
    prefix: 'invantray:',
    path: '/invantray',
    icon: '▦',
    description: 'Inventory, warehouses and assets',
  },
];

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
