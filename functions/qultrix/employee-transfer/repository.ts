import type { Tx } from '@halooid/shared/db/transaction';

/** Lookups of the CSV transfer; every statement filters by tenant_id (RLS is the backstop). */

/** Employee numbers by employee id, for the export's manager column. */
export async function employeeNumbersOf(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; employee_number: string }>(
    `select id, employee_number from qultrix.employees where tenant_id = $1 and id = any($2::uuid[])`,
    [tenantId, [...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.employee_number]));
}

export type OrganizationKind = 'department' | 'position' | 'location';

const NAME_SQL: Record<OrganizationKind, string> = {
  department: 'select id, lower(name) as key from qultrix.departments',
  position: 'select id, lower(title) as key from qultrix.positions',
  location: 'select id, lower(name) as key from qultrix.locations',
};

/** Ids of the tenant's departments, positions or locations by lower-cased name (names are unique case-insensitively). */
export async function organizationIdsByName(
  tx: Tx,
  tenantId: string,
  kind: OrganizationKind,
  names: readonly string[],
): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; key: string }>(
    `${NAME_SQL[kind]} where tenant_id = $1 and lower(${kind === 'position' ? 'title' : 'name'}) = any($2::text[])`,
    [tenantId, [...new Set(names.map((name) => name.toLowerCase()))]],
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/**
 * Existing employees by lower-cased work email and by lower-cased employee
 * number, for the import's manager column (either identifies a manager).
 */
export async function employeeIdsByReference(
  tx: Tx,
  tenantId: string,
  references: readonly string[],
): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const keys = [...new Set(references.map((reference) => reference.toLowerCase()))];
  const { rows } = await tx.query<{ id: string; email: string | null; number: string }>(
    `select id, lower(work_email) as email, lower(employee_number) as number from qultrix.employees
      where tenant_id = $1 and (lower(work_email) = any($2::text[]) or lower(employee_number) = any($2::text[]))`,
    [tenantId, keys],
  );
  const byReference = new Map<string, string>();
  for (const row of rows) {
    byReference.set(row.number, row.id);
    if (row.email) byReference.set(row.email, row.id);
  }
  return byReference;
}
