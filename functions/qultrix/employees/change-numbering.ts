import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { ChangeNumberingInput, EmployeeNumbering } from '../domain/employee-schemas';
import { selectNumbering, upsertNumbering } from './numbering-repository';

export type ChangeNumberingDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/** Sets the format of numbers issued from now on (existing numbers keep theirs), audited with before and after. */
export async function changeNumbering(
  input: ChangeNumberingInput,
  deps: ChangeNumberingDeps,
): Promise<EmployeeNumbering> {
  const before = await selectNumbering(deps.tx, deps.principal.tenantId);
  const after = await upsertNumbering(deps.tx, deps.principal.tenantId, input);
  await recordAudit(deps.tx, deps.actor, {
    action: 'employee_numbering.changed',
    targetType: 'employee_numbering',
    details: { before: { prefix: before.prefix, digits: before.digits }, after: input },
  });
  return after;
}
