import type { Principal } from '@halooid/shared/auth/principal';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import { canSeeProject, findVisibleTask } from '../domain/project-access';
import { isApprover, type TimeDeps } from '../domain/time-access';
import {
  findProjectBilling,
  findTimeEntry,
  lockUserTimer,
  updateTimeEntry,
} from '../domain/time-entry-repository';
import type { TimeEntry } from '../domain/time-entry-schemas';
import { isWeekLocked } from '../domain/timesheet-repository';
import { taskodexEvents } from '../events';
import { weekStartOf } from './time-rules';

/*
 * What the time-entry use cases share: who may change an entry, the week and
 * lock checks, where an entry is booked, and stopping a running timer.
 */

function assertMayChange(principal: Principal, entry: TimeEntry): void {
  if (entry.userId !== principal.principalId && !isApprover(principal))
    throw new ForbiddenError('You can only change your own time entries.');
}

function lockedError(reason: string): ConflictError {
  return new ConflictError(
    `This time entry is locked (${reason.replace('_', ' ')}) and can no longer be changed.`,
    'time_entry_locked',
  );
}

export async function assertWeekOpen(deps: TimeDeps, userId: string, instant: Date): Promise<void> {
  if (await isWeekLocked(deps.tx, deps.principal.tenantId, userId, weekStartOf(instant)))
    throw new ConflictError(
      'That week is submitted or approved; time in it cannot change until it is rejected.',
      'timesheet_locked',
    );
}

interface Target {
  taskId: string | null;
  projectId: string | null;
  projectBillable: boolean;
}

function targetError(field: string, code: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, [{ field, message, code }]);
}

/**
 * The task and project an entry is booked on. A task decides the project; a
 * task or project the caller cannot see is reported as missing, and an
 * archived project takes no new time.
 */
export async function resolveTarget(
  deps: TimeDeps,
  taskId: string | null,
  projectId: string | null,
): Promise<Target> {
  let resolvedProject = projectId;
  if (taskId) {
    const task = await findVisibleTask(deps.tx, deps.principal, taskId);
    if (!task) throw targetError('body.taskId', 'task_not_found', 'No such task.');
    if (projectId && task.projectId !== projectId)
      throw targetError(
        'body.projectId',
        'project_mismatch',
        'The task belongs to another project; omit projectId.',
      );
    resolvedProject = task.projectId;
  }
  if (!resolvedProject) return { taskId, projectId: null, projectBillable: false };
  if (!taskId && !(await canSeeProject(deps.tx, deps.principal, resolvedProject)))
    throw targetError('body.projectId', 'project_not_found', 'No such project.');
  const project = await findProjectBilling(deps.tx, deps.principal.tenantId, resolvedProject);
  if (!project) throw targetError('body.projectId', 'project_not_found', 'No such project.');
  if (project.archived)
    throw targetError(
      taskId ? 'body.taskId' : 'body.projectId',
      'project_archived',
      'The project is archived.',
    );
  return { taskId, projectId: resolvedProject, projectBillable: project.billable };
}

export async function reload(deps: TimeDeps, id: string): Promise<TimeEntry> {
  const entry = await findTimeEntry(deps.tx, deps.principal.tenantId, id);
  if (!entry) throw new NotFoundError('Time entry');
  return entry;
}

/** Stops `running` at `end`; records time-entry.stopped. */
export async function stopRunning(deps: TimeDeps, running: TimeEntry, end: Date): Promise<TimeEntry> {
  await updateTimeEntry(deps.tx, deps.principal.tenantId, running.id, undefined, { endedAt: end });
  const stopped = await reload(deps, running.id);
  await deps.events.record(taskodexEvents, 'time-entry.stopped', { entry: stopped });
  return stopped;
}

/** Loads an entry for a change by its owner (or an approver), refusing locked ones with 409. */
export async function loadForChange(id: string, deps: TimeDeps): Promise<TimeEntry> {
  const found = await findTimeEntry(deps.tx, deps.principal.tenantId, id);
  if (!found) throw new NotFoundError('Time entry');
  assertMayChange(deps.principal, found);
  await lockUserTimer(deps.tx, deps.principal.tenantId, found.userId);
  const entry = await findTimeEntry(deps.tx, deps.principal.tenantId, id, { forUpdate: true });
  if (!entry) throw new NotFoundError('Time entry');
  if (entry.lockedReason) throw lockedError(entry.lockedReason);
  return entry;
}
