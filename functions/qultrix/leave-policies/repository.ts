import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { LeavePolicy, LeavePolicyFields, ListLeavePoliciesQuery } from './schemas';

/** SQL for qultrix.leave_policies; every statement filters by tenant_id (RLS is the backstop). */
interface LeavePolicyRow {
  id: string;
  leave_type_id: string;
  name: string;
  yearly_entitlement: string;
  accrual: LeavePolicy['accrual'];
  prorate: boolean;
  carry_over_cap: string | null;
  carry_over_expiry_months: number | null;
  waiting_days: number;
  employment_types: LeavePolicy['employmentTypes'];
  location_ids: string[] | null;
  archived: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// Decimals as text with trailing zeros trimmed: "25", "2.5", never a float.
const COLUMNS = `id, leave_type_id, name, trim_scale(yearly_entitlement)::text as yearly_entitlement, accrual,
  prorate, trim_scale(carry_over_cap)::text as carry_over_cap, carry_over_expiry_months, waiting_days,
  employment_types, location_ids, archived, version, created_at, updated_at`;

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

export function toLeavePolicy(row: LeavePolicyRow): LeavePolicy {
  return {
    id: row.id,
    leaveTypeId: row.leave_type_id,
    name: row.name,
    yearlyEntitlement: row.yearly_entitlement,
    accrual: row.accrual,
    prorate: row.prorate,
    carryOverCap: row.carry_over_cap,
    carryOverExpiryMonths: row.carry_over_expiry_months,
    waitingDays: row.waiting_days,
    employmentTypes: row.employment_types,
    locationIds: row.location_ids,
    archived: row.archived,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Oldest first: the order in which ties between equally specific policies are broken. */
export async function selectLeavePolicies(tx: Tx, tenantId: string, query: ListLeavePoliciesQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  if (query.leaveTypeId) filter.where.push(`leave_type_id = ${filter.bind(query.leaveTypeId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from qultrix.leave_policies`,
    terms: parseSort(undefined, SORTS, 'createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: LeavePolicyRow & Record<string, unknown>) => toLeavePolicy(row),
  });
}

export async function selectLeavePolicy(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LeavePolicy | null> {
  const { rows } = await tx.query<LeavePolicyRow>(
    `select ${COLUMNS} from qultrix.leave_policies where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toLeavePolicy(rows[0]) : null;
}

const VALUES = (fields: LeavePolicyFields) => [
  fields.leaveTypeId,
  fields.name,
  fields.yearlyEntitlement,
  fields.accrual,
  fields.prorate,
  fields.carryOverCap,
  fields.carryOverExpiryMonths,
  fields.waitingDays,
  fields.employmentTypes,
  fields.locationIds,
  fields.archived,
];

export async function insertLeavePolicy(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: LeavePolicyFields,
): Promise<LeavePolicy> {
  const { rows } = await tx.query<LeavePolicyRow>(
    `insert into qultrix.leave_policies
       (tenant_id, id, leave_type_id, name, yearly_entitlement, accrual, prorate, carry_over_cap,
        carry_over_expiry_months, waiting_days, employment_types, location_ids, archived)
     values ($1, $2, $3, $4, $5::numeric, $6, $7, $8::numeric, $9, $10, $11::text[], $12::uuid[], $13)
     returning ${COLUMNS}`,
    [tenantId, id, ...VALUES(fields)],
  );
  return toLeavePolicy(rows[0] as LeavePolicyRow);
}

/** Writes the whole record if `version` is still current; null otherwise. */
export async function updateLeavePolicy(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: LeavePolicyFields,
): Promise<LeavePolicy | null> {
  const { rows } = await tx.query<LeavePolicyRow>(
    `update qultrix.leave_policies
        set leave_type_id = $4, name = $5, yearly_entitlement = $6::numeric, accrual = $7, prorate = $8,
            carry_over_cap = $9::numeric, carry_over_expiry_months = $10, waiting_days = $11,
            employment_types = $12::text[], location_ids = $13::uuid[], archived = $14,
            version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3
      returning ${COLUMNS}`,
    [tenantId, id, version, ...VALUES(fields)],
  );
  return rows[0] ? toLeavePolicy(rows[0]) : null;
}

/** Whether the ledger has rows this policy accrued: then it is archived, never deleted. */
export async function leavePolicyInUse(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query<{ used: boolean }>(
    `select exists (select 1 from qultrix.leave_ledger where tenant_id = $1 and policy_id = $2) as used`,
    [tenantId, id],
  );
  return rows[0]?.used ?? false;
}

export async function deleteLeavePolicy(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query(`delete from qultrix.leave_policies where tenant_id = $1 and id = $2`, [tenantId, id]);
}

/** The leave type's state (null: not in the tenant) and the given locations that are not. */
export async function referencesOf(
  tx: Tx,
  tenantId: string,
  leaveTypeId: string,
  locationIds: readonly string[],
): Promise<{ leaveType: { archived: boolean } | null; unknownLocations: string[] }> {
  const { rows } = await tx.query<{ archived: boolean | null; unknown_locations: string[] }>(
    `select (select archived from qultrix.leave_types where tenant_id = $1 and id = $2) as archived,
            array(select l from unnest($3::uuid[]) l
                   where not exists (select 1 from qultrix.locations x where x.tenant_id = $1 and x.id = l)) as unknown_locations`,
    [tenantId, leaveTypeId, locationIds],
  );
  const row = rows[0];
  return {
    leaveType: row && row.archived !== null ? { archived: row.archived } : null,
    unknownLocations: row?.unknown_locations ?? [],
  };
}
