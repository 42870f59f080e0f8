import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { makeTask } from '../test-fixtures';
import type { Task } from '../types';

// The bar POSTs /v1/taskodex/tasks/bulk through $lib/api; a fake answers as told.
let answer: (body: { ids: string[]; patch: Record<string, unknown> }) => {
  status: number;
  data?: unknown;
  errors?: { field: string; message: string; code: string }[];
};
const bodies: unknown[] = [];

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const POST = async (
    _path: string,
    options: { body: { ids: string[]; patch: Record<string, unknown> } },
  ) => {
    bodies.push(options.body);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { status, data, errors } = answer(options.body);
    const ok = status < 400;
    return {
      data: ok ? data : undefined,
      error: ok
        ? undefined
        : {
            title: 'Invalid',
            status,
            detail: 'Some tasks cannot change.',
            code: 'validation_failed',
            errors,
          },
      response: new Response(null, { status }),
    };
  };
  const GET = async () => ({ data: { items: [] }, response: new Response(null, { status: 200 }) });
  return {
    api: { POST, GET },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { default: BulkBar } = await import('./BulkBar.svelte');
const { Selection } = await import('./selection.svelte');
const { TaskStore } = await import('../tasks.svelte');
const { DEFAULT_STATES } = await import('../workflow');

const task = (id: string): Task => makeTask(id);

async function choose(label: string, value: string) {
  await fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function setup() {
  const store = new TaskStore();
  store.tasks = [task('1'), task('2'), task('3')];
  const selection = new Selection();
  selection.toggleAll(['1', '2']);
  render(BulkBar, { selection, store, states: DEFAULT_STATES });
  return { store, selection };
}

describe('BulkBar', () => {
  it('changes the selected tasks at once and keeps the server’s answer', async () => {
    answer = ({ ids, patch }) => ({
      status: 200,
      data: {
        updated: ids.length,
        items: ids.map((id) => ({ ...task(id), ...patch, statusGroup: 'completed', version: 2 })),
      },
    });
    const { store, selection } = setup();
    expect(screen.getByRole('button', { name: 'Apply to 2' })).toHaveProperty('disabled', true);
    await choose('Set status', 'done');
    expect(screen.getByRole('button', { name: 'Apply to 2' })).toHaveProperty('disabled', false);
    await fireEvent.submit(screen.getByRole('form', { name: 'Change 2 selected tasks' }));
    expect(store.get('1')?.status).toBe('done'); // optimistic, before the answer
    await waitFor(() => expect(selection.size).toBe(0));
    expect(bodies.at(-1)).toEqual({ ids: ['1', '2'], patch: { status: 'done' } });
    expect(store.get('2')).toMatchObject({ status: 'done', version: 2 });
    expect(store.get('3')?.status).toBe('todo');
  });

  it('puts every task back and names the ones the API refused', async () => {
    answer = () => ({
      status: 422,
      errors: [
        {
          field: 'body.ids.1',
          message: 'Task 2: the status "done" is not in its workflow.',
          code: 'unknown_status',
        },
      ],
    });
    const { store, selection } = setup();
    await choose('Set priority', 'urgent');
    await fireEvent.submit(screen.getByRole('form', { name: 'Change 2 selected tasks' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(alert.textContent).toContain('WEB-2 “Task 2”: the status "done" is not in its workflow.');
    expect(store.get('1')?.priority).toBe('none');
    expect(selection.size).toBe(2);
  });
});
