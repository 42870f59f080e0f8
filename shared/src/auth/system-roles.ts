/**
 * Roles every tenant has from the moment it exists, read-only. The platform
 * defines them here (key, name, description); what each one may do in a
 * product is that product's to say (`roleGrants` in
 * functions/<product>/product.ts), composed by functions/system-roles.ts.
 * Grants live in code, not in the database: a tenant's role row only names
 * the key, so changing a system role (or shipping a product it covers) needs
 * no data migration. Grants are patterns: `taskodex:*:*` covers task, project
 * and time-entry permissions, including ones added later. Custom roles hold
 * exact permissions in the database.
 */
export interface SystemRole {
  key: string;
  name: string;
  description: string;
  grants: readonly string[];
}

/**
 * The roles, with the grants that belong to no product: the wildcards of the
 * Owner and the Auditor, which cover every product by themselves.
 */
export const SYSTEM_ROLE_DEFINITIONS = [
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
    grants: [],
  },
  {
    key: 'member',
    name: 'Member',
    description: 'Reads and changes work in every product; may create API keys within their own permissions.',
    grants: [],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads everything in the products, changes nothing.',
    grants: [],
  },
  {
    key: 'project_manager',
    name: 'Project Manager',
    description: 'Runs Taskodex: projects, tasks, time tracking and timesheet approval.',
    grants: [],
  },
  {
    key: 'hr_manager',
    name: 'HR Manager',
    description: 'Runs Qultrix: employee records, time off, reviews and recruitment.',
    grants: [],
  },
  {
    key: 'employee',
    name: 'Employee',
    description: 'Works on tasks, logs time and requests time off.',
    grants: [],
  },
  {
    key: 'sales_rep',
    name: 'Sales Rep',
    description: 'Works contacts, leads and opportunities in CustomerConnect.',
    grants: [],
  },
  {
    key: 'support_agent',
    name: 'Support Agent',
    description: 'Handles customer service cases in CustomerConnect.',
    grants: [],
  },
  {
    key: 'warehouse_manager',
    name: 'Warehouse Manager',
    description: 'Runs Invantray: inventory, warehouses and assets.',
    grants: [],
  },
  {
    key: 'procurement_officer',
    name: 'Procurement Officer',
    description: 'Purchases in Invantray; reads stock.',
    grants: [],
  },
  {
    key: 'auditor',
    name: 'Auditor',
    description: 'Reads everything, including the audit log; changes nothing.',
    grants: ['*:*:read'],
  },
] as const satisfies readonly SystemRole[];

export type SystemRoleKey = (typeof SYSTEM_ROLE_DEFINITIONS)[number]['key'];

/**
 * Each role with its grants in every product: its own (the wildcards) first,
 * then each product's, in the order given (other products before the
 * platform, as the grants always read). Duplicates are dropped.
 */
export function composeSystemRoles(
  products: readonly { key: string; roleGrants?: Readonly<Partial<Record<string, readonly string[]>>> }[],
): SystemRole[] {
  const ordered = [
    ...products.filter((product) => product.key !== 'platform'),
    ...products.filter((product) => product.key === 'platform'),
  ];
  return SYSTEM_ROLE_DEFINITIONS.map((role) => ({
    key: role.key,
    name: role.name,
    description: role.description,
    grants: [
      ...new Set([...role.grants, ...ordered.flatMap((product) => product.roleGrants?.[role.key] ?? [])]),
    ],
  }));
}
