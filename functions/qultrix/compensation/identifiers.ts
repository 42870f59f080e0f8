import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { auditSealedRead, todayOf } from '../domain/compensation';
import { employeeScopeOf } from '../domain/employee-scope';
import { openField, type SealedRowKey, sealField } from '../domain/sealing';
import {
  employeeExists,
  type IdentifiersRow,
  insertIdentifiers,
  selectIdentifiers,
  selectIdentifiersHistory,
} from './repository';
import type { AddIdentifiersInput, Identifiers } from './schemas';

export type IdentifiersDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'now'>;

/** A stored row as the API shows it; the bank account is sealed as one JSON value (number and bank together). */
async function identifiersOf(tenantId: string, row: IdentifiersRow): Promise<Identifiers> {
  const key: SealedRowKey = { tenantId, employeeId: row.employee_id, rowId: row.id };
  return {
    id: row.id,
    employeeId: row.employee_id,
    effectiveDate: row.effective_date,
    nationalId:
      row.national_id_sealed === null
        ? null
        : await openField('identifiers.national-id', key, row.national_id_sealed),
    bankAccount:
      row.bank_account_sealed === null
        ? null
        : (JSON.parse(
            await openField('identifiers.bank-account', key, row.bank_account_sealed),
          ) as Identifiers['bankAccount']),
    reason: row.reason,
    current: row.current,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** The identifiers history, newest effective first, `current` marked; the read is audited even when empty. */
export async function listIdentifiers(
  employeeId: string,
  deps: Omit<IdentifiersDeps, 'newId'>,
): Promise<{ items: Identifiers[] }> {
  const { tenantId } = deps.principal;
  if (!(await employeeExists(deps.tx, tenantId, employeeId, employeeScopeOf(deps.principal))))
    throw new NotFoundError('Employee');
  const rows = await selectIdentifiersHistory(deps.tx, tenantId, employeeId, todayOf(deps.now()));
  const items = await Promise.all(rows.map((row) => identifiersOf(tenantId, row)));
  await auditSealedRead(deps, employeeId, { fields: 'identifiers', via: 'history', rows: items.length });
  return { items };
}

/**
 * A new effective-dated identifiers row: a full snapshot (a field left out is
 * "none from that day", so the current row alone says what holds), sealed
 * before it reaches SQL. The audit row names the date, never the values.
 */
export async function addIdentifiers(
  employeeId: string,
  input: AddIdentifiersInput,
  deps: IdentifiersDeps,
): Promise<Identifiers> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  if (!(await employeeExists(tx, tenantId, employeeId, employeeScopeOf(principal))))
    throw new NotFoundError('Employee');
  const id = deps.newId();
  const key: SealedRowKey = { tenantId, employeeId, rowId: id };
  await insertIdentifiers(tx, {
    tenantId,
    id,
    employeeId,
    effectiveDate: input.effectiveDate,
    nationalIdSealed: input.nationalId
      ? await sealField('identifiers.national-id', key, input.nationalId)
      : null,
    bankAccountSealed: input.bankAccount
      ? await sealField('identifiers.bank-account', key, JSON.stringify(input.bankAccount))
      : null,
    reason: input.reason ?? null,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  await recordAudit(tx, deps.actor, {
    action: 'identifiers.added',
    targetType: 'employee',
    targetId: employeeId,
    details: { identifiersId: id, effectiveDate: input.effectiveDate },
  });
  const row = await selectIdentifiers(tx, tenantId, id, todayOf(deps.now()));
  if (!row) throw new NotFoundError('Identifiers');
  return identifiersOf(tenantId, row);
}
