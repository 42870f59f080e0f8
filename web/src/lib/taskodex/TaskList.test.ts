import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { Selection } from './bulk/selection.svelte';
import TaskList from './TaskList.svelte';
import { makeTask } from './test-fixtures';
import { DEFAULT_STATES } from './workflow';

const tasks = ['1', '2', '3', '4'].map((id) => makeTask(id));
const props = {
  tasks,
  states: DEFAULT_STATES,
  sort: undefined,
  onsort: vi.fn(),
  onopen: vi.fn(),
  caption: 'Tasks',
};

describe('TaskList selection', () => {
  it('selects rows by checkbox, a range with shift, and all shown rows', async () => {
    const selection = new Selection();
    render(TaskList, { ...props, selection });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select WEB-1' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select WEB-3' }), { shiftKey: true });
    expect(selection.ids.toSorted()).toEqual(['1', '2', '3']);
    expect(screen.getByRole('checkbox', { name: 'Select WEB-2' })).toHaveProperty('checked', true);
    const all = screen.getByRole('checkbox', { name: 'Select all 4 shown' });
    expect(all).toHaveProperty('indeterminate', true);
    await fireEvent.click(all);
    expect(selection.size).toBe(4);
    await fireEvent.click(all);
    expect(selection.size).toBe(0);
  });

  it('has no checkboxes without a selection (people who cannot change tasks)', () => {
    render(TaskList, props);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
