import { describe, expect, it } from 'vitest';
import { makeTask } from '../test-fixtures';
import type { Task } from '../types';
import { DEFAULT_STATES } from '../workflow';
import { applyPatch, buildPatch, bulkErrors, parseLabels } from './bulk';
import { Selection } from './selection.svelte';

const task = (id: string, labels: string[] = []): Task => makeTask(id, { labels });

describe('selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];

  it('toggles a row, and shift-click selects the range from the last one', () => {
    const selection = new Selection();
    selection.toggle('b', order);
    selection.toggle('d', order, true);
    expect(selection.ids.toSorted()).toEqual(['b', 'c', 'd']);
    selection.toggle('c', order);
    expect(selection.has('c')).toBe(false);
    selection.toggle('e', order, true); // the anchor (c) is now unselected: the range is cleared
    expect(selection.ids.toSorted()).toEqual(['b']);
  });

  it('selects all shown rows, clears them when all are, and drops rows that left', () => {
    const selection = new Selection();
    selection.toggleAll(order);
    expect(selection.size).toBe(5);
    selection.toggleAll(order);
    expect(selection.size).toBe(0);
    selection.toggleAll(order);
    selection.keep(['a', 'b']);
    expect(selection.ids).toEqual(['a', 'b']);
  });
});

describe('bulk patch', () => {
  it('builds a patch from the bar, leaving out what stays', () => {
    expect(
      buildPatch({ status: '', priority: 'high', assignee: 'none', addLabels: 'a, b,,a', removeLabels: '' }),
    ).toEqual({ priority: 'high', assigneeId: null, addLabels: ['a', 'b'] });
    expect(parseLabels(' , ')).toEqual([]);
  });

  it('applies a patch to a task for the optimistic view', () => {
    const next = applyPatch(
      task('1', ['x', 'old']),
      { status: 'done', addLabels: ['new'], removeLabels: ['old'] },
      DEFAULT_STATES,
    );
    expect(next).toMatchObject({ status: 'done', statusGroup: 'completed', labels: ['x', 'new'] });
  });

  it('names the tasks a 422 refuses, by identifier', () => {
    const ids = ['1', '2'];
    const lines = bulkErrors(
      {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        detail: 'Some tasks cannot take the change.',
        code: 'validation_failed',
        errors: [
          {
            field: 'body.ids.1',
            message: 'Task 2: "qa" is not a state of its workflow.',
            code: 'unknown_status',
          },
          { field: 'body.ids.0', message: 'Task 1 was not found.', code: 'not_found' },
        ],
      },
      ids,
      [task('1'), task('2')],
    );
    expect(lines).toEqual([
      'WEB-2 “Task 2”: "qa" is not a state of its workflow.',
      'WEB-1 “Task 1”: not found (deleted, or not visible to you).',
    ]);
  });
});
