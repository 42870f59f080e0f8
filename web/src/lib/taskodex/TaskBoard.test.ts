import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TaskBoard from './TaskBoard.svelte';
import { makeTask } from './test-fixtures';
import type { Task } from './types';
import { DEFAULT_STATES } from './workflow';

function task(id: string, status: string, position: number): Task {
  return makeTask(id, {
    status,
    statusGroup: DEFAULT_STATES.find((state) => state.key === status)?.group ?? 'unstarted',
    ...(id === '1' ? { priority: 'urgent' as const } : {}),
    position,
  });
}

const tasks = [task('1', 'todo', 1), task('2', 'todo', 2), task('3', 'in_progress', 1)];

describe('TaskBoard', () => {
  it('shows a labelled column per state with its cards and count', () => {
    render(TaskBoard, { tasks, states: DEFAULT_STATES, onopen: vi.fn(), onmove: vi.fn(), canWrite: true });
    const todo = screen.getByRole('list', { name: 'To do tasks' });
    expect(within(todo).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByLabelText('2 tasks')).toBeTruthy();
    expect(screen.getAllByRole('region', { name: /./ }).length).toBeGreaterThan(0);
  });

  it('moves a card by keyboard: Alt+→ to the next state, Alt+↓ within the column', async () => {
    const onmove = vi.fn();
    render(TaskBoard, { tasks, states: DEFAULT_STATES, onopen: vi.fn(), onmove, canWrite: true });
    const card = screen.getByRole('button', { name: /^WEB-1 / });
    await fireEvent.keyDown(card, { key: 'ArrowRight', altKey: true });
    expect(onmove).toHaveBeenLastCalledWith('1', 'in_progress', 1);
    await fireEvent.keyDown(card, { key: 'ArrowDown', altKey: true });
    expect(onmove).toHaveBeenLastCalledWith('1', 'todo', 1);
  });

  it('opens a card on click and offers a move dialog with every state', async () => {
    const onopen = vi.fn();
    const onmove = vi.fn();
    render(TaskBoard, { tasks, states: DEFAULT_STATES, onopen, onmove, canWrite: true });
    await fireEvent.click(screen.getByRole('button', { name: /^WEB-2 / }));
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: '2' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Move WEB-2' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Move to the top of Done' }));
    expect(onmove).toHaveBeenCalledWith('2', 'done', 0);
  });

  it('has no move controls for someone who cannot change tasks', () => {
    render(TaskBoard, { tasks, states: DEFAULT_STATES, onopen: vi.fn(), onmove: vi.fn(), canWrite: false });
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  });
});
