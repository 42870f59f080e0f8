import { toCsv } from '@halooid/shared/http/csv';
import type { TimeDeps } from '../domain/time-access';
import { type EntryNames, entryNames } from '../domain/time-entry-repository';
import type { ListTimeEntriesQuery, TimeEntry } from '../domain/time-entry-schemas';
import { findTimeEntries } from './find-time-entries';

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
