import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { assertReferences } from '../domain/employee-references';
import { qultrixEvents } from '../events';
import { type JobSubject, lockJobSubject, markApplied, updateJobFields } from './repository';
import { CHANGE_FIELDS, type ChangeField, type JobChange } from './schemas';

export type ApplyJobChangeDeps = Pick<RequestDeps, 'tx' | 'actor' | 'events'> & { tenantId: string };

/**
 * Applies a claimed (locked, scheduled) change to the employee record as a
 * PATCH of those fields would: the references checked again as the tree is
 * now (the employees' own rule, domain/employee-references.ts: the manager
 * exists and closes no cycle, under the manager-tree lock; the department,
 * position and location exist), the version bumped, `employee.updated` with
 * the changed field names and its audit row; then the change is marked
 * applied and `employee.job_changed` recorded. Fields that already hold the
 * new value are not "changed"; a change that changes nothing still applies.
 */
export async function applyJobChange(change: JobChange, deps: ApplyJobChangeDeps): Promise<JobChange> {
  const { tx, tenantId } = deps;
  const before = await lockJobSubject(tx, tenantId, change.employeeId);
  if (!before) throw new NotFoundError('Employee');
  const changes = CHANGE_FIELDS.filter(
    (field) => change.changes[field] !== undefined && change.changes[field] !== before[field],
  );
  if (changes.length > 0) await writeChanges(change, before, changes, deps);
  const applied = await markApplied(tx, tenantId, change.id);
  if (!applied) throw new NotFoundError('Job change');
  await deps.events.record(qultrixEvents, 'employee.job_changed', {
    employeeId: change.employeeId,
    jobChangeId: change.id,
    kind: change.kind,
    effectiveDate: change.effectiveDate,
    changes,
  });
  return applied;
}

async function writeChanges(
  change: JobChange,
  before: JobSubject,
  changes: ChangeField[],
  deps: ApplyJobChangeDeps,
): Promise<void> {
  const { tx, tenantId } = deps;
  const values = Object.fromEntries(changes.map((field) => [field, change.changes[field] ?? null]));
  // Only non-null values point at something to check; clearing a field needs no reference.
  await assertReferences(
    tx,
    tenantId,
    before.id,
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)),
  );
  const { version: _version, ...employee } = await updateJobFields(tx, tenantId, before.id, values);
  await deps.events.record(qultrixEvents, 'employee.updated', { employee, changes });
  await recordAudit(tx, deps.actor, {
    action: 'employee.updated',
    targetType: 'employee',
    targetId: before.id,
    details: { changes, jobChangeId: change.id },
  });
}
