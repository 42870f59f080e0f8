import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { toCsv } from '@halooid/shared/http/csv';
import { taskodexEvents } from '../events';
import { canSeeProject, findVisibleTask } from '../projects/access';
import { isWeekLocked } from '../timesheets/repository';
import {
  type EntryNames,
  entryNames,
  findProjectBilling,
  findRunningEntry,
  findTimeEntriesForUpdate,
  findTimeEntry,
  insertTimeEntry,
  listTimeEntries,
  lockUserTimer,
  markTimeEntries,
  softDeleteTimeEntry,
  type TimeEntryChanges,
  updateTimeEntry,
} from './repository';
import type {
  CreateTimeEntryInput,
  ListTimeEntriesQuery,
  MarkTimeEntriesInput,
  TimeEntry,
  UpdateTimeEntryInput,
} from './schemas';
import { assertNotFuture, assertSpan, timerEnd, toWholeSecond, weekStartOf } from './time-rules';

/**
 * Time-entry use cases. Own-record rules live here, not in the route
 * permission: anyone with taskodex:time:write tracks their own time; holders
 * of taskodex:timesheet:approve (managers) may also read, correct and mark
 * other people's entries. Timers can only be run by their owner.
 */
export interface TimeDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  events: EventRecorder;
  now: () => Date;
}

export const APPROVE_PERMISSION = 'taskodex:timesheet:approve';

export function isApprover(principal: Principal): boolean {
  return permits(principal.grants, APPROVE_PERMISSION);
}

export function assertUser(principal: Principal): void {
  // Time belongs to a person: an integration key has no week, no timer, no timesheet.
  if (principal.principalType !== 'user')
    throw new ForbiddenError('Time is tracked by people; API keys may read it but not record it.');
}

/** Reading another user's time needs the approver permission. */
export function assertMayRead(principal: Principal, userId: string): void {
  if (userId !== principal.principalId && !isApprover(principal))
    throw new ForbiddenError("Only timesheet approvers may see other people's time.");
}

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

async function assertWeekOpen(deps: TimeDeps, userId: string, instant: Date): Promise<void> {
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
async function resolveTarget(
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

async function reload(deps: TimeDeps, id: string): Promise<TimeEntry> {
  const entry = await findTimeEntry(deps.tx, deps.principal.tenantId, id);
  if (!entry) throw new NotFoundError('Time entry');
  return entry;
}

/** Stops `running` at `end`; records time-entry.stopped. */
async function stopRunning(deps: TimeDeps, running: TimeEntry, end: Date): Promise<TimeEntry> {
  await updateTimeEntry(deps.tx, deps.principal.tenantId, running.id, undefined, { endedAt: end });
  const stopped = await reload(deps, running.id);
  await deps.events.record(taskodexEvents, 'time-entry.stopped', { entry: stopped });
  return stopped;
}

/**
 * Starts a timer (no end, no duration) or logs finished time. Starting a
 * timer stops the one already running, in the same transaction.
 */
export async function createTimeEntry(input: CreateTimeEntryInput, deps: TimeDeps): Promise<TimeEntry> {
  assertUser(deps.principal);
  const { tenantId, principalId: userId } = deps.principal;
  const now = toWholeSecond(deps.now());
  const target = await resolveTarget(deps, input.taskId, input.projectId);
  const startedAt = toWholeSecond(input.startedAt ? new Date(input.startedAt) : now);
  assertNotFuture(startedAt, now, 'body.startedAt');
  const isTimer = input.endedAt === undefined && input.durationSeconds === undefined;
  let endedAt: Date | null = null;
  if (!isTimer) {
    endedAt = toWholeSecond(
      input.endedAt
        ? new Date(input.endedAt)
        : new Date(startedAt.getTime() + (input.durationSeconds ?? 0) * 1000),
    );
    assertSpan(startedAt, endedAt, 'body.endedAt');
  } else if (now.getTime() - startedAt.getTime() > 24 * 3600 * 1000) {
    throw new ValidationError('A timer cannot start more than 24 hours ago; log the time instead.', [
      { field: 'body.startedAt', message: 'At most 24 hours ago for a timer.', code: 'timer_too_old' },
    ]);
  }

  await lockUserTimer(deps.tx, tenantId, userId);
  await assertWeekOpen(deps, userId, startedAt);
  if (isTimer) {
    const running = await findRunningEntry(deps.tx, tenantId, userId);
    if (running) {
      // It ends where the new one starts (or now), never before its own start.
      const end = new Date(Math.min(now.getTime(), startedAt.getTime()));
      await stopRunning(deps, running, timerEnd(new Date(running.startedAt), end));
    }
  }
  const id = deps.newId();
  await insertTimeEntry(deps.tx, {
    tenantId,
    id,
    userId,
    taskId: target.taskId,
    projectId: target.projectId,
    description: input.description,
    startedAt,
    endedAt,
    billable: input.billable ?? target.projectBillable,
    tags: input.tags,
  });
  const entry = await reload(deps, id);
  await deps.events.record(taskodexEvents, isTimer ? 'time-entry.started' : 'time-entry.logged', { entry });
  return entry;
}

export async function stopTimeEntry(id: string, deps: TimeDeps): Promise<TimeEntry> {
  assertUser(deps.principal);
  const { tenantId, principalId } = deps.principal;
  await lockUserTimer(deps.tx, tenantId, principalId);
  const entry = await findTimeEntry(deps.tx, tenantId, id, { forUpdate: true });
  if (!entry) throw new NotFoundError('Time entry');
  if (entry.userId !== principalId) throw new ForbiddenError('You can only stop your own timer.');
  if (!entry.running) throw new ConflictError('This timer is not running.', 'timer_not_running');
  return stopRunning(deps, entry, timerEnd(new Date(entry.startedAt), deps.now()));
}

export async function getTimeEntry(id: string, deps: TimeDeps): Promise<TimeEntry> {
  const entry = await findTimeEntry(deps.tx, deps.principal.tenantId, id);
  if (!entry) throw new NotFoundError('Time entry');
  assertMayRead(deps.principal, entry.userId);
  return entry;
}

/** Your own entries by default; approvers see everyone's unless they filter by user. */
export function findTimeEntries(query: ListTimeEntriesQuery, deps: TimeDeps) {
  const { principal } = deps;
  if (query.userId) assertMayRead(principal, query.userId);
  const userIds = query.userId ? [query.userId] : isApprover(principal) ? undefined : [principal.principalId];
  return listTimeEntries(deps.tx, principal.tenantId, { ...query, userIds });
}

/** The most rows one CSV export holds; narrow the filters for more. */
export const EXPORT_LIMIT = 10_000;

/** Every entry the list's filters match (up to EXPORT_LIMIT), for a CSV download. */
export async function exportTimeEntries(
  query: ListTimeEntriesQuery,
  deps: TimeDeps,
): Promise<{ items: TimeEntry[]; names: EntryNames; truncated: boolean }> {
  const items: TimeEntry[] = [];
  let cursor: string | undefined = query.cursor;
  let truncated = false;
  for (;;) {
    const page = await findTimeEntries({ ...query, cursor, limit: 1000 }, deps);
    items.push(...page.items);
    if (!page.nextCursor) break;
    if (items.length >= EXPORT_LIMIT) {
      items.length = EXPORT_LIMIT;
      truncated = true;
      break;
    }
    cursor = page.nextCursor;
  }
  return { items, names: await entryNames(deps.tx, deps.principal.tenantId, items), truncated };
}

/** One row an entry: readable names first (as a spreadsheet user reads them), ids beside them for tools. */
export function timeEntriesCsv(entries: readonly TimeEntry[], names: EntryNames): string {
  return toCsv(
    [
      'id',
      'user',
      'userId',
      'project',
      'projectId',
      'task',
      'taskId',
      'description',
      'startedAt',
      'endedAt',
      'durationSeconds',
      'hours',
      'billable',
      'tags',
      'lockedReason',
    ],
    entries.map((entry) => [
      entry.id,
      names.users.get(entry.userId) ?? null,
      entry.userId,
      entry.projectId && (names.projects.get(entry.projectId) ?? null),
      entry.projectId,
      entry.taskId && (names.tasks.get(entry.taskId) ?? null),
      entry.taskId,
      entry.description,
      entry.startedAt,
      entry.endedAt,
      entry.durationSeconds,
      entry.durationSeconds === null ? null : (entry.durationSeconds / 3600).toFixed(2),
      entry.billable,
      entry.tags.join('; '),
      entry.lockedReason,
    ]),
  );
}

const TRACKED: (keyof TimeEntry)[] = [
  'taskId',
  'projectId',
  'description',
  'startedAt',
  'endedAt',
  'billable',
  'tags',
];

/** Loads an entry for a change by its owner (or an approver), refusing locked ones with 409. */
async function loadForChange(id: string, deps: TimeDeps): Promise<TimeEntry> {
  const found = await findTimeEntry(deps.tx, deps.principal.tenantId, id);
  if (!found) throw new NotFoundError('Time entry');
  assertMayChange(deps.principal, found);
  await lockUserTimer(deps.tx, deps.principal.tenantId, found.userId);
  const entry = await findTimeEntry(deps.tx, deps.principal.tenantId, id, { forUpdate: true });
  if (!entry) throw new NotFoundError('Time entry');
  if (entry.lockedReason) throw lockedError(entry.lockedReason);
  return entry;
}

export async function changeTimeEntry(
  id: string,
  version: number,
  input: Omit<UpdateTimeEntryInput, 'version'>,
  deps: TimeDeps,
): Promise<TimeEntry> {
  assertUser(deps.principal);
  const current = await loadForChange(id, deps);
  if (current.version !== version)
    throw new ConflictError(
      `The time entry changed since you read it (you sent version ${version}, it is now ${current.version}). Reload and try again.`,
      'version_conflict',
    );
  const changes: TimeEntryChanges = {
    description: input.description,
    billable: input.billable,
    tags: input.tags,
  };
  if (input.taskId !== undefined || input.projectId !== undefined) {
    // Re-booking: a new task decides the project; clearing the task keeps the project unless it changes too.
    const taskId = input.taskId === undefined ? current.taskId : input.taskId;
    const projectId =
      input.projectId !== undefined
        ? input.projectId
        : input.taskId !== undefined && taskId
          ? null
          : current.projectId;
    const target = await resolveTarget(deps, taskId, projectId);
    changes.taskId = target.taskId;
    changes.projectId = target.projectId;
  }
  const now = toWholeSecond(deps.now());
  const startedAt = toWholeSecond(new Date(input.startedAt ?? current.startedAt));
  if (input.startedAt !== undefined) {
    assertNotFuture(startedAt, now, 'body.startedAt');
    changes.startedAt = startedAt;
  }
  let endedAt = current.endedAt ? new Date(current.endedAt) : null;
  if (input.endedAt !== undefined) endedAt = toWholeSecond(new Date(input.endedAt));
  else if (input.durationSeconds !== undefined)
    endedAt = new Date(startedAt.getTime() + input.durationSeconds * 1000);
  if (endedAt) {
    assertSpan(
      startedAt,
      endedAt,
      input.durationSeconds !== undefined ? 'body.durationSeconds' : 'body.endedAt',
    );
    if (input.endedAt !== undefined || input.durationSeconds !== undefined) changes.endedAt = endedAt;
  }
  if (changes.startedAt) await assertWeekOpen(deps, current.userId, startedAt);

  if (!(await updateTimeEntry(deps.tx, deps.principal.tenantId, id, version, changes)))
    throw new NotFoundError('Time entry');
  const updated = await reload(deps, id);
  const changed = TRACKED.filter(
    (field) => JSON.stringify(current[field]) !== JSON.stringify(updated[field]),
  );
  if (changed.length > 0)
    await deps.events.record(taskodexEvents, 'time-entry.updated', { entry: updated, changes: changed });
  return updated;
}

export async function deleteTimeEntry(id: string, deps: TimeDeps): Promise<void> {
  assertUser(deps.principal);
  const current = await loadForChange(id, deps);
  await softDeleteTimeEntry(deps.tx, deps.principal.tenantId, id);
  await deps.events.record(taskodexEvents, 'time-entry.deleted', {
    timeEntryId: current.id,
    userId: current.userId,
  });
}

/**
 * Marks entries exported (to payroll) or invoiced; from then on they are
 * read-only. All or nothing: one unknown or running entry and nothing changes.
 */
export async function markEntries(input: MarkTimeEntriesInput, deps: TimeDeps): Promise<TimeEntry[]> {
  const { tenantId } = deps.principal;
  const found = await findTimeEntriesForUpdate(deps.tx, tenantId, input.ids);
  const foundIds = new Set(found.map((entry) => entry.id));
  const missing = input.ids.filter((id) => !foundIds.has(id));
  if (missing.length > 0)
    throw new ValidationError(
      `${missing.length} time entr${missing.length === 1 ? 'y was' : 'ies were'} not found.`,
      [{ field: 'body.ids', message: `Not found: ${missing.slice(0, 10).join(', ')}`, code: 'not_found' }],
    );
  const running = found.filter((entry) => entry.running);
  if (running.length > 0)
    throw new BusinessRuleError(
      'timer_running',
      'A running timer cannot be exported or invoiced; stop it first.',
      [
        {
          field: 'body.ids',
          message: `Running: ${running.map((entry) => entry.id).join(', ')}`,
          code: 'timer_running',
        },
      ],
    );
  await markTimeEntries(deps.tx, tenantId, input.ids, input.as);
  const marked = await findTimeEntriesForUpdate(deps.tx, tenantId, input.ids);
  const field = input.as === 'exported' ? 'exportedAt' : 'invoicedAt';
  for (const entry of marked) {
    const before = found.find((candidate) => candidate.id === entry.id);
    if (before?.[field] === null)
      await deps.events.record(taskodexEvents, 'time-entry.updated', { entry, changes: [field] });
  }
  return marked;
}
