import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Activity } from './types';

// Each edit reads the timeline again; the fake answers the first read last, as a busy server may.
const entry = (id: string, from: string, to: string): Activity => ({
  id,
  taskId: 't1',
  actorId: null,
  kind: 'updated',
  field: 'priority',
  from,
  to,
  createdAt: '2026-11-25T10:00:00.000Z',
});
const answers: ((items: Activity[]) => void)[] = [];

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const GET = (path: string) =>
    path === '/v1/taskodex/tasks/{taskId}/activity'
      ? new Promise((resolve) =>
          answers.push((items) => resolve({ data: { items, nextCursor: null }, response: new Response() })),
        )
      : Promise.resolve({ data: { items: [], nextCursor: null }, response: new Response() });
  return { api: { GET }, unwrap: client.unwrap, problemMessage: problem.problemMessage };
});

const { default: TaskActivity } = await import('./TaskActivity.svelte');

describe('TaskActivity', () => {
  it('shows the newest read of the timeline when an older one answers last', async () => {
    const { rerender } = render(TaskActivity, { taskId: 't1', version: 2 });
    await rerender({ taskId: 't1', version: 3 });
    await waitFor(() => expect(answers).toHaveLength(2));

    answers[1]?.([entry('a2', 'medium', 'high'), entry('a1', 'low', 'medium')]);
    await screen.findByText(/from medium to high/);
    answers[0]?.([entry('a1', 'low', 'medium')]); // the read for version 2 answers late

    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getByText(/from medium to high/)).toBeTruthy();
  });
});
