import { describe, expect, it } from 'vitest';
import { buildGrid, planCell } from './timesheet';
import type { TimeEntry } from './types';

function entry(
  id: string,
  taskId: string | null,
  startedAt: string,
  durationSeconds: number | null,
): TimeEntry {
  return {
    id,
    userId: 'u',
    taskId,
    projectId: null,
    description: '',
    startedAt,
    endedAt: null,
    durationSeconds,
    running: durationSeconds === null,
    billable: false,
    tags: [],
    exportedAt: null,
    invoicedAt: null,
    lockedReason: null,
    version: 1,
    createdAt: startedAt,
    updatedAt: startedAt,
  };
}

describe('timesheet grid', () => {
  it('sums finished entries per task and UTC day, leaving running timers out', () => {
    const rows = buildGrid(
      [
        entry('a', 't1', '2026-11-23T09:00:00Z', 3600),
        entry('b', 't1', '2026-11-23T14:00:00Z', 1800),
        entry('c', 't1', '2026-11-25T09:00:00Z', 600),
        entry('d', null, '2026-11-29T23:30:00Z', 900),
        entry('e', 't2', '2026-11-24T09:00:00Z', null),
      ],
      '2026-11-23',
    );
    expect(rows.map((row) => [row.key, row.days, row.total])).toEqual([
      ['task:t1', [5400, 0, 600, 0, 0, 0, 0], 6000],
      ['none', [0, 0, 0, 0, 0, 0, 900], 900],
    ]);
  });

  it('plans a cell edit: create, change the last entry, delete it, or refuse', () => {
    const one = [entry('a', 't1', '2026-11-23T09:00:00Z', 3600)];
    const two = [...one, entry('b', 't1', '2026-11-23T10:00:00Z', 1800)];
    expect(planCell([], 1800)).toEqual({ kind: 'create', durationSeconds: 1800 });
    expect(planCell(one, 7200)).toMatchObject({ kind: 'update', durationSeconds: 7200 });
    expect(planCell(one, 0)).toMatchObject({ kind: 'delete' });
    expect(planCell(two, 4500)).toMatchObject({ kind: 'update', entry: { id: 'b' }, durationSeconds: 900 });
    expect(planCell(two, 1800)).toBeUndefined();
    expect(planCell(two, 5400)).toEqual({ kind: 'none' });
  });
});
