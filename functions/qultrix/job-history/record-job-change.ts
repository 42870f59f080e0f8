import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { todayOf } from '../domain/compensation';
import { compensationOfEmployee } from '../domain/compensation-rows';
import { assertReferences } from '../domain/employee-references';
import { applyJobChange } from './apply-job-change';
import { insertJobChange, lockJobSubject } from './repository';
import type { JobChange, RecordJobChangeInput } from './schemas';

export type RecordJobChangeDeps = Pick<
  RequestDeps,
  'tx' | 'principal' | 'actor' | 'events' | 'newId' | 'now'
>;

/**
 * Records a job change. Its references are checked now, against today's
 * tree (a 422 at once beats a change that fails on its date); a change
 * effective today or earlier applies in this transaction (its failure
 * refuses the whole request), a later one is `scheduled` and the daily job
 * applies it, checking again.
 */
export async function recordJobChange(
  employeeId: string,
  input: RecordJobChangeInput,
  deps: RecordJobChangeDeps,
): Promise<JobChange> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const employee = await lockJobSubject(tx, tenantId, employeeId);
  if (!employee) throw new NotFoundError('Employee');
  if (input.compensationId && !(await compensationOfEmployee(tx, tenantId, employeeId, input.compensationId)))
    throw new BusinessRuleError(
      'compensation_not_found',
      "No such row in this employee's compensation history.",
      [
        {
          field: 'body.compensationId',
          code: 'compensation_not_found',
          message: 'No such compensation row.',
        },
      ],
    );
  const { departmentId, positionId, locationId, managerId } = input.changes;
  await assertReferences(tx, tenantId, employeeId, {
    ...(departmentId ? { departmentId } : {}),
    ...(positionId ? { positionId } : {}),
    ...(locationId ? { locationId } : {}),
    ...(managerId ? { managerId } : {}),
  });
  const change = await insertJobChange(tx, {
    tenantId,
    id: deps.newId(),
    employeeId,
    kind: input.kind,
    effectiveDate: input.effectiveDate,
    changes: input.changes,
    compensationId: input.compensationId ?? null,
    note: input.note ?? null,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  await recordAudit(tx, deps.actor, {
    action: 'job_change.recorded',
    targetType: 'employee',
    targetId: employeeId,
    details: {
      jobChangeId: change.id,
      kind: change.kind,
      effectiveDate: change.effectiveDate,
      fields: Object.keys(change.changes),
    },
  });
  return change.effectiveDate <= todayOf(deps.now()) ? applyJobChange(change, { ...deps, tenantId }) : change;
}
