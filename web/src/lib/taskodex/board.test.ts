import { describe, expect, it } from 'vitest';
import { buildColumns, planMove } from './board';
import { makeTask } from './test-fixtures';
import type { Task } from './types';
import { DEFAULT_STATES } from './workflow';

function task(id: string, status: string, position: number): Task {
  return makeTask(id, {
    status,
    statusGroup: DEFAULT_STATES.find((state) => state.key === status)?.group ?? 'unstarted',
    position,
  });
}

const tasks = [task('1', 'todo', 1), task('2', 'todo', 2), task('3', 'todo', 3), task('4', 'done', 1)];

describe('buildColumns', () => {
  it('puts every task in its state, in board order, one column per state', () => {
    const columns = buildColumns(DEFAULT_STATES, [tasks[2], tasks[0], tasks[3], tasks[1]] as Task[]);
    expect(columns.map((column) => column.state.key)).toEqual(DEFAULT_STATES.map((state) => state.key));
    expect(columns.find((column) => column.state.key === 'todo')?.tasks.map((item) => item.id)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(columns.find((column) => column.state.key === 'done')?.tasks.map((item) => item.id)).toEqual([
      '4',
    ]);
  });
});

describe('planMove', () => {
  it('moves into another state between two cards and asks the server to place it after the upper one', () => {
    const plan = planMove(tasks, DEFAULT_STATES, '2', 'done', 0);
    const moved = plan.tasks.find((item) => item.id === '2');
    expect(plan.changed).toBe(true);
    expect(moved).toMatchObject({ status: 'done', statusGroup: 'completed', position: 0 });
    expect(plan.body).toEqual({ status: 'done', beforeId: '4' });
  });

  it('reorders within a column using the new neighbours', () => {
    const plan = planMove(tasks, DEFAULT_STATES, '3', 'todo', 1);
    expect(plan.tasks.find((item) => item.id === '3')?.position).toBe(1.5);
    expect(plan.body).toEqual({ afterId: '1' });
    const order = buildColumns(DEFAULT_STATES, plan.tasks)[1]?.tasks.map((item) => item.id);
    expect(order).toEqual(['1', '3', '2']);
  });

  it('sends no neighbour for an empty column and reports a no-op as unchanged', () => {
    expect(planMove(tasks, DEFAULT_STATES, '1', 'in_review', 0).body).toEqual({ status: 'in_review' });
    expect(planMove(tasks, DEFAULT_STATES, '2', 'todo', 1).changed).toBe(false);
  });

  it('clamps the index to the end of the column', () => {
    const plan = planMove(tasks, DEFAULT_STATES, '1', 'done', 99);
    expect(plan.body).toEqual({ status: 'done', afterId: '4' });
    expect(plan.tasks.find((item) => item.id === '1')?.position).toBe(2);
  });
});
