import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { changeEmployee } from '../employees/change-employee';
import { selectEmployee } from '../employees/repository';
import { qultrixEvents } from '../events';
import { markApplied } from './repository';
import { CHANGE_FIELDS, type JobChange } from './schemas';

export type ApplyJobChangeDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events'>;

/**
 * Applies a claimed (locked, scheduled) change to the employee record
 * through the employees capability's own PATCH use case, so a job change
 * obeys every rule a PATCH does (references, manager cycles under the tree
 * lock, versioning) and records `employee.updated` with the changed field
 * names and its audit row; then marks the change applied and records
 * `employee.job_changed`. A change that sets what the record already holds
 * is applied with no employee update (`changes` empty).
 */
export async function applyJobChange(change: JobChange, deps: ApplyJobChangeDeps): Promise<JobChange> {
  const { tx, principal } = deps;
  const employee = await selectEmployee(
    tx,
    principal.tenantId,
    change.employeeId,
    { kind: 'all' },
    {
      forUpdate: true,
    },
  );
  if (!employee) throw new NotFoundError('Employee');
  const updated = await changeEmployee(change.employeeId, employee.version, change.changes, deps);
  const changed = CHANGE_FIELDS.filter(
    (field) => field in change.changes && employee[field] !== updated[field],
  );
  const applied = await markApplied(tx, principal.tenantId, change.id);
  if (!applied) throw new NotFoundError('Job change');
  await deps.events.record(qultrixEvents, 'employee.job_changed', {
    employeeId: change.employeeId,
    jobChangeId: change.id,
    kind: change.kind,
    effectiveDate: change.effectiveDate,
    changes: changed,
  });
  return applied;
}
