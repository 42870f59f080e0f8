import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STATES } from '../workflow';

// The editor PUTs the workflow through $lib/api; a fake answers and records the bodies.
const bodies: Record<string, unknown>[] = [];
let answer: (body: Record<string, unknown>) => { status: number; data?: unknown; detail?: string } = () => ({
  status: 200,
});

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const PUT = async (_path: string, options: { body: Record<string, unknown> }) => {
    bodies.push(options.body);
    const { status, data, detail } = answer(options.body);
    const ok = status < 400;
    return {
      data: ok ? data : undefined,
      error: ok ? undefined : { title: 'Conflict', status, detail: detail ?? 'No.', code: 'state_in_use' },
      response: new Response(null, { status }),
    };
  };
  return {
    api: { PUT },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { default: WorkflowEditor } = await import('./WorkflowEditor.svelte');

beforeEach(() => {
  bodies.length = 0;
});

describe('WorkflowEditor', () => {
  it('adds, renames and reorders states and saves them in order', async () => {
    answer = (body) => ({ status: 200, data: { states: body.states } });
    const onsaved = vi.fn();
    render(WorkflowEditor, { projectId: 'p1', states: DEFAULT_STATES, canManage: true, onsaved });
    await fireEvent.click(screen.getByRole('button', { name: 'Add state' }));
    const name = screen.getByLabelText('Name of state 7');
    await fireEvent.input(name, { target: { value: 'Shipped' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Move Shipped up' }));
    await fireEvent.change(screen.getByLabelText('Group of Shipped'), { target: { value: 'completed' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const states = bodies[0]?.states as { key: string; group: string }[];
    expect(states.map((state) => state.key).slice(-2)).toEqual(['shipped', 'cancelled']);
    expect(states.at(-2)?.group).toBe('completed');
  });

  it('explains the 409 of a removed state in use and sends the chosen move', async () => {
    answer = (body) =>
      body.moveTasksTo
        ? { status: 200, data: { states: body.states } }
        : {
            status: 409,
            detail: '2 tasks still use the state "in_review"; move them first or send moveTasksTo.in_review.',
          };
    const onsaved = vi.fn();
    render(WorkflowEditor, { projectId: 'p1', states: DEFAULT_STATES, canManage: true, onsaved });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove In review' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('2 tasks are still in “In review”. Choose where they go');
    await fireEvent.change(screen.getByLabelText('Move tasks in “In review” to'), {
      target: { value: 'in_progress' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(bodies[1]?.moveTasksTo).toEqual({ in_review: 'in_progress' });
  });

  it('is read-only for someone who cannot manage the project', () => {
    render(WorkflowEditor, { projectId: 'p1', states: DEFAULT_STATES, canManage: false, onsaved: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Save workflow' })).toBeNull();
    expect(screen.getByLabelText('Name of state 1').closest('fieldset')?.disabled).toBe(true);
  });
});
