import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { auditSealedRead, compensationOf, todayOf } from '../domain/compensation';
import type { Compensation } from '../domain/compensation-schema';
import { employeeScopeOf } from '../domain/employee-scope';
import { employeeExists, selectCompensationHistory } from './repository';

export type ListCompensationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'now'>;

/** The compensation history, newest effective first, `current` marked; the read is audited even when empty. */
export async function listCompensation(
  employeeId: string,
  deps: ListCompensationDeps,
): Promise<{ items: Compensation[] }> {
  const { tenantId } = deps.principal;
  if (!(await employeeExists(deps.tx, tenantId, employeeId, employeeScopeOf(deps.principal))))
    throw new NotFoundError('Employee');
  const rows = await selectCompensationHistory(deps.tx, tenantId, employeeId, todayOf(deps.now()));
  const items = await Promise.all(rows.map((row) => compensationOf(tenantId, row)));
  await auditSealedRead(deps, employeeId, { fields: 'compensation', via: 'history', rows: items.length });
  return { items };
}
