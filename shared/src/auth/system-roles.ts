/**
 * Roles every tenant has from the moment it exists, read-only. Their grants
 * live here, not in the database: a tenant's role row only names the key, so
 * changing a system role (or shipping a product it covers) needs no data
 * migration. Grants are patterns: `taskodex:*:*` covers task, project and
 * time-entry permissions, including ones added later. Custom roles hold
 * exact permissions in the database.
 */
export interface SystemRole {
  key: string;
  name: string;
  description: string;
  grants: readonly string[];
}

const PRODUCTS = ['taskodex', 'qultrix', 'adminhub', 'customerconnect', 'invantray'] as const;
const everyProduct = (action: string) => PRODUCTS.map((product) => `${product}:*:${action}`);

export const SYSTEM_ROLES = [
  {
    key: 'owner',
    name: 'Owner',
    // `*:*:*` covers every tenant permission; operator ones (the tier) match no tenant grant (permissions.ts).
    description: 'Everything in the tenant. The tier is managed by billing. Every tenant keeps at least one.',
    grants: ['*:*:*'],
  },
  {
    key: 'admin',
    name: 'Admin',
    description: 'Every product and tenant administration (members, roles, API keys, settings), not billing.',
    grants: [
      ...everyProduct('*'),
      'platform:*:read',
      'platform:tenant:write',
      'platform:member:write',
      'platform:role:write',
      'platform:api-key:write',
      'platform:webhook:write',
    ],
  },
  {
    key: 'member',
    name: 'Member',
    description: 'Reads and changes work in every product; may create API keys within their own permissions.',
    grants: [
      ...everyProduct('*').filter((grant) => grant !== 'taskodex:*:*'),
      // Works in Taskodex, but neither administers every project (taskodex:project:admin)
      // nor approves timesheets (taskodex:timesheet:approve): those stay with managers.
      'taskodex:*:read',
      'taskodex:*:write',
      'taskodex:*:delete',
      'platform:tenant:read',
      'platform:member:read',
      'platform:role:read',
      'platform:api-key:read',
      'platform:api-key:write',
    ],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads everything in the products, changes nothing.',
    grants: [...everyProduct('read'), 'platform:tenant:read', 'platform:member:read'],
  },
  {
    key: 'project_manager',
    name: 'Project Manager',
    description: 'Runs Taskodex: projects, tasks, time tracking and timesheet approval.',
    grants: ['taskodex:*:*', 'platform:tenant:read', 'platform:member:read'],
  },
  {
    key: 'hr_manager',
    name: 'HR Manager',
    description: 'Runs Qultrix: employee records, time off, reviews and recruitment.',
    grants: ['qultrix:*:*', 'platform:tenant:read', 'platform:member:read'],
  },
  {
    key: 'employee',
    name: 'Employee',
    description: 'Works on tasks, logs time and requests time off.',
    grants: [
      'taskodex:*:read',
      'taskodex:task:write',
      'taskodex:time:write',
      'qultrix:*:read',
      'qultrix:time-off:write',
      'platform:tenant:read',
    ],
  },
  {
    key: 'sales_rep',
    name: 'Sales Rep',
    description: 'Works contacts, leads and opportunities in CustomerConnect.',
    grants: [
      'customerconnect:*:read',
      'customerconnect:contact:*',
      'customerconnect:lead:*',
      'customerconnect:opportunity:*',
      'platform:tenant:read',
    ],
  },
  {
    key: 'support_agent',
    name: 'Support Agent',
    description: 'Handles customer service cases in CustomerConnect.',
    grants: ['customerconnect:*:read', 'customerconnect:case:*', 'platform:tenant:read'],
  },
  {
    key: 'warehouse_manager',
    name: 'Warehouse Manager',
    description: 'Runs Invantray: inventory, warehouses and assets.',
    grants: ['invantray:*:*', 'platform:tenant:read'],
  },
  {
    key: 'procurement_officer',
    name: 'Procurement Officer',
    description: 'Purchases in Invantray; reads stock.',
    grants: [
      'invantray:*:read',
      'invantray:procurement:*',
      'invantray:purchase-order:*',
      'platform:tenant:read',
    ],
  },
  {
    key: 'auditor',
    name: 'Auditor',
    description: 'Reads everything, including the audit log; changes nothing.',
    grants: ['*:*:read'],
  },
] as const satisfies readonly SystemRole[];

export type SystemRoleKey = (typeof SYSTEM_ROLES)[number]['key'];

const BY_KEY: ReadonlyMap<string, SystemRole> = new Map(SYSTEM_ROLES.map((role) => [role.key, role]));

export function systemRole(key: string): SystemRole | undefined {
  return BY_KEY.get(key);
}

/** Grants of a role row: from code for system roles, from the row for custom ones. */
export function roleGrants(role: {
  key: string;
  system: boolean;
  grants: readonly string[] | null;
}): readonly string[] {
  if (role.system) return systemRole(role.key)?.grants ?? [];
  return role.grants ?? [];
}
