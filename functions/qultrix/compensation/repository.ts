import { filterOf } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import {
  COMPENSATION_COLUMNS,
  type CompensationRow,
  currentFlag,
  historyOrder,
} from '../domain/compensation-rows';
import type { PayFrequency } from '../domain/compensation-schema';
import { type EmployeeScope, employeeScopeCondition } from '../domain/employee-scope';

/**
 * SQL for qultrix.compensation and qultrix.identifiers; every statement
 * filters by tenant_id (RLS is the backstop). Rows come back sealed: opening
 * them is the caller's job (domain/sealing.ts), so nothing here holds plain values.
 * `current` is computed in SQL: the newest row (by effective date, then by
 * when it was recorded) effective on or before `today`.
 */
export interface IdentifiersRow {
  id: string;
  employee_id: string;
  effective_date: string;
  national_id_sealed: string | null;
  bank_account_sealed: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
  current: boolean;
}

export async function insertCompensation(
  tx: Tx,
  row: {
    tenantId: string;
    id: string;
    employeeId: string;
    effectiveDate: string;
    salarySealed: string;
    currency: string;
    payFrequency: PayFrequency;
    reason: string | null;
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into qultrix.compensation
       (tenant_id, id, employee_id, effective_date, salary_sealed, currency, pay_frequency, reason, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.tenantId,
      row.id,
      row.employeeId,
      row.effectiveDate,
      row.salarySealed,
      row.currency,
      row.payFrequency,
      row.reason,
      row.createdBy,
    ],
  );
}

/** The employee's compensation history, newest effective first (bounded: a person has tens of rows, not thousands). */
export async function selectCompensationHistory(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  today: string,
): Promise<CompensationRow[]> {
  const { rows } = await tx.query<CompensationRow>(
    `select ${COMPENSATION_COLUMNS} from qultrix.compensation h
      where h.tenant_id = $1 and h.employee_id = $2
      order by ${historyOrder('h')} limit 500`,
    [tenantId, employeeId, today],
  );
  return rows;
}

/** One row by id (the one just written). */
export async function selectCompensation(
  tx: Tx,
  tenantId: string,
  id: string,
  today: string,
): Promise<CompensationRow | undefined> {
  const { rows } = await tx.query<CompensationRow>(
    `select ${COMPENSATION_COLUMNS} from qultrix.compensation h where h.tenant_id = $1 and h.id = $2`,
    [tenantId, id, today],
  );
  return rows[0];
}

const IDENTIFIERS_COLUMNS = `h.id, h.employee_id, h.effective_date::text, h.national_id_sealed,
  h.bank_account_sealed, h.reason, h.created_by, h.created_at, ${currentFlag('identifiers')}`;

export async function insertIdentifiers(
  tx: Tx,
  row: {
    tenantId: string;
    id: string;
    employeeId: string;
    effectiveDate: string;
    nationalIdSealed: string | null;
    bankAccountSealed: string | null;
    reason: string | null;
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into qultrix.identifiers
       (tenant_id, id, employee_id, effective_date, national_id_sealed, bank_account_sealed, reason, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.tenantId,
      row.id,
      row.employeeId,
      row.effectiveDate,
      row.nationalIdSealed,
      row.bankAccountSealed,
      row.reason,
      row.createdBy,
    ],
  );
}

export async function selectIdentifiers(
  tx: Tx,
  tenantId: string,
  id: string,
  today: string,
): Promise<IdentifiersRow | undefined> {
  const { rows } = await tx.query<IdentifiersRow>(
    `select ${IDENTIFIERS_COLUMNS} from qultrix.identifiers h where h.tenant_id = $1 and h.id = $2`,
    [tenantId, id, today],
  );
  return rows[0];
}

export async function selectIdentifiersHistory(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  today: string,
): Promise<IdentifiersRow[]> {
  const { rows } = await tx.query<IdentifiersRow>(
    `select ${IDENTIFIERS_COLUMNS} from qultrix.identifiers h
      where h.tenant_id = $1 and h.employee_id = $2
      order by ${historyOrder('h')} limit 500`,
    [tenantId, employeeId, today],
  );
  return rows;
}

/**
 * Is there such an employee in the tenant and the caller's row scope (a 404
 * otherwise, before anything is sealed or read)? HR sees everyone; a custom
 * role with compensation rights but no `:admin` sees its own reports only.
 */
export async function employeeExists(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  scope: EmployeeScope,
): Promise<boolean> {
  const filter = filterOf([tenantId, employeeId], ['e.tenant_id = $1', 'e.id = $2']);
  filter.where.push(employeeScopeCondition(scope, tenantId, 'e.id', filter.bind));
  const { rows } = await tx.query<{ found: boolean }>(
    `select exists (select 1 from qultrix.employees e where ${filter.where.join(' and ')}) as found`,
    filter.params,
  );
  return rows[0]?.found === true;
}
