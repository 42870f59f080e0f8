/**
 * Roles every tenant has from the moment it exists. Their grants are
 * patterns, so a product that ships later is covered without a data
 * migration. Custom roles (next issue) hold exact permissions.
 */
export interface SystemRole {
  key: 'owner' | 'admin' | 'member' | 'viewer';
  name: string;
  description: string;
  grants: string[];
}

const PRODUCTS = ['taskodex', 'qultrix', 'adminhub', 'customerconnect', 'invantray'] as const;

export const SYSTEM_ROLES: readonly SystemRole[] = [
  {
    key: 'owner',
    name: 'Owner',
    description: 'Everything, including billing, tier and deleting the tenant.',
    grants: ['*:*:*'],
  },
  {
    key: 'admin',
    name: 'Admin',
    description: 'Everything in every product and tenant administration, except ownership and billing.',
    grants: [
      ...PRODUCTS.map((product) => `${product}:*:*`),
      'platform:*:read',
      'platform:member:write',
      'platform:role:write',
    ],
  },
  {
    key: 'member',
    name: 'Member',
    description: 'Reads and changes work in the products; no tenant administration.',
    grants: [...PRODUCTS.map((product) => `${product}:*:*`), 'platform:member:read'],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads everything in the products, changes nothing.',
    grants: [...PRODUCTS.map((product) => `${product}:*:read`), 'platform:member:read'],
  },
];

export function systemRole(key: SystemRole['key']): SystemRole {
  const role = SYSTEM_ROLES.find((candidate) => candidate.key === key);
  if (!role) throw new Error(`Unknown system role ${key}`);
  return role;
}
