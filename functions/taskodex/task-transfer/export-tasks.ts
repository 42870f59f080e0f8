import { ValidationError } from '@halooid/shared/errors';
import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import { findTasks } from '../domain/find-tasks';
import type { TaskDeps } from '../domain/task-rules';
import type { Task } from '../domain/task-schemas';
import { emailsOf } from './members';
import type { ExportTasksQuery } from './schemas';

/**
 * One CSV must fit one Lambda response (6 MB, a little less once encoded):
 * beyond these the caller narrows the filters rather than getting a cut-off file.
 */
export const EXPORT_MAX_ROWS = 25_000;
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 500;

export const EXPORT_HEADER = [
  'identifier',
  'title',
  'description',
  'status',
  'priority',
  'assignee email',
  'labels',
  'start date',
  'due date',
  'estimate',
  'completed at',
  'created at',
  'updated at',
] as const;

function tooLarge(what: string): ValidationError {
  return new ValidationError(`The export is too large (${what}); narrow the filters and export in parts.`, [
    { field: 'query', message: `At most ${EXPORT_MAX_ROWS} tasks per export.`, code: 'export_too_large' },
  ]);
}

/**
 * Every task the list would show for these filters, in its order, as CSV.
 * Reads through the list use case a page at a time, so the export sees
 * exactly what the caller may see (private projects included or not).
 */
export async function exportTasks(query: ExportTasksQuery, deps: TaskDeps): Promise<string> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await findTasks({ ...query, limit: PAGE_SIZE, cursor }, deps);
    tasks.push(...page.items);
    if (tasks.length > EXPORT_MAX_ROWS) throw tooLarge(`more than ${EXPORT_MAX_ROWS} tasks`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const emails = await emailsOf(
    deps.tx,
    tasks.flatMap((task) => (task.assigneeId ? [task.assigneeId] : [])),
  );
  const rows = tasks.map((task): CsvValue[] => [
    task.identifier,
    task.title,
    task.description,
    task.status,
    task.priority,
    task.assigneeId ? (emails.get(task.assigneeId) ?? '') : '',
    task.labels.join(';'),
    task.startDate,
    task.dueDate,
    task.estimateHours,
    task.completedAt,
    task.createdAt,
    task.updatedAt,
  ]);
  const csv = toCsv(EXPORT_HEADER, rows);
  if (Buffer.byteLength(csv) > EXPORT_MAX_BYTES) throw tooLarge(`over ${EXPORT_MAX_BYTES / 1024 / 1024} MB`);
  return csv;
}
