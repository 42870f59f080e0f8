import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { compensationOf, todayOf } from '../domain/compensation';
import type { Compensation } from '../domain/compensation-schema';
import { employeeScopeOf } from '../domain/employee-scope';
import { sealField } from '../domain/sealing';
import { employeeExists, insertCompensation, selectCompensation } from './repository';
import type { AddCompensationInput } from './schemas';

export type AddCompensationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'now'>;

/**
 * A new effective-dated compensation row (history is never edited: a
 * correction is a newer row, and the later recorded of two on one day wins).
 * The salary is sealed before it reaches SQL; the audit row names the
 * effective date, never the amount.
 */
export async function addCompensation(
  employeeId: string,
  input: AddCompensationInput,
  deps: AddCompensationDeps,
): Promise<Compensation> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  if (!(await employeeExists(tx, tenantId, employeeId, employeeScopeOf(principal))))
    throw new NotFoundError('Employee');
  const id = deps.newId();
  await insertCompensation(tx, {
    tenantId,
    id,
    employeeId,
    effectiveDate: input.effectiveDate,
    salarySealed: await sealField('compensation.salary', { tenantId, employeeId, rowId: id }, input.salary),
    currency: input.currency,
    payFrequency: input.payFrequency,
    reason: input.reason ?? null,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  await recordAudit(tx, deps.actor, {
    action: 'compensation.added',
    targetType: 'employee',
    targetId: employeeId,
    details: { compensationId: id, effectiveDate: input.effectiveDate },
  });
  const row = await selectCompensation(tx, tenantId, id, todayOf(deps.now()));
  if (!row) throw new NotFoundError('Compensation');
  return compensationOf(tenantId, row);
}
