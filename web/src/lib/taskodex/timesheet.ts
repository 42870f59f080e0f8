import type { TimeEntry } from './types';

/**
 * The timesheet grid's rows: one per task (or per project for time without
 * a task, or "No task"), each with seconds per day of the week. Entries
 * count on the UTC day they start, as the API's day totals do.
 */
export interface GridRow {
  key: string;
  taskId: string | null;
  projectId: string | null;
  days: number[];
  total: number;
  /** Entries per day, for editing a cell. */
  entries: TimeEntry[][];
}

export function rowKey(taskId: string | null, projectId: string | null): string {
  return taskId ? `task:${taskId}` : projectId ? `project:${projectId}` : 'none';
}

export function buildGrid(
  entries: readonly TimeEntry[],
  weekStart: string,
  extra: readonly GridRow[] = [],
): GridRow[] {
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  const rows = new Map<string, GridRow>();
  const rowFor = (taskId: string | null, projectId: string | null) => {
    const key = rowKey(taskId, projectId);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        taskId,
        projectId,
        days: Array(7).fill(0),
        total: 0,
        entries: Array.from({ length: 7 }, () => []),
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const entry of entries) {
    if (entry.running || entry.durationSeconds === null) continue;
    const day = Math.floor((Date.parse(entry.startedAt) - start) / 86_400_000);
    if (day < 0 || day > 6) continue;
    const row = rowFor(entry.taskId, entry.projectId);
    row.days[day] = (row.days[day] ?? 0) + entry.durationSeconds;
    row.total += entry.durationSeconds;
    row.entries[day]?.push(entry);
  }
  for (const row of extra) if (!rows.has(row.key)) rows.set(row.key, row);
  return [...rows.values()];
}

export function emptyRow(taskId: string | null, projectId: string | null): GridRow {
  return {
    key: rowKey(taskId, projectId),
    taskId,
    projectId,
    days: Array(7).fill(0),
    total: 0,
    entries: Array.from({ length: 7 }, () => []),
  };
}

/**
 * What to send to make a cell hold `seconds`: one entry there is changed,
 * none gets a new one, several are adjusted through the last one (or a new
 * one when growing). Undefined when it cannot be done without deleting
 * entries (shrinking below the others' sum).
 */
export type CellChange =
  | { kind: 'none' }
  | { kind: 'create'; durationSeconds: number }
  | { kind: 'update'; entry: TimeEntry; durationSeconds: number }
  | { kind: 'delete'; entry: TimeEntry };

export function planCell(entries: readonly TimeEntry[], seconds: number): CellChange | undefined {
  const current = entries.reduce((sum, entry) => sum + (entry.durationSeconds ?? 0), 0);
  if (seconds === current) return { kind: 'none' };
  const last = entries.at(-1);
  if (!last) return seconds > 0 ? { kind: 'create', durationSeconds: seconds } : { kind: 'none' };
  const others = current - (last.durationSeconds ?? 0);
  const rest = seconds - others;
  if (rest < 0) return undefined;
  if (rest === 0) return { kind: 'delete', entry: last };
  return { kind: 'update', entry: last, durationSeconds: rest };
}
