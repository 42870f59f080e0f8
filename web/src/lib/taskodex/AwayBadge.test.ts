import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTask } from './test-fixtures';
import { DEFAULT_STATES } from './workflow';

// The absences read goes through $lib/api; a fake records the calls.
const calls: { path: string; query: unknown }[] = [];
vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  return {
    api: {
      GET: async (path: string, options: { params?: { query?: unknown } }) => {
        calls.push({ path, query: options.params?.query });
        return { data: { items: [], nextCursor: null }, response: new Response(null, { status: 200 }) };
      },
    },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { availability, announceWarnings } = await import('./availability.svelte');
const { isoDate } = await import('./format');
const { toast } = await import('$lib/ui');
const TaskList = (await import('./TaskList.svelte')).default;
const TaskBoard = (await import('./TaskBoard.svelte')).default;

const day = (offset: number) => isoDate(new Date(Date.now() + offset * 86_400_000));
const tasks = [
  makeTask('1', { assigneeId: 'away-user' }),
  makeTask('2', { assigneeId: 'here-user' }),
  makeTask('3', { assigneeId: 'back-tomorrow' }),
  makeTask('4'),
];

beforeEach(() => {
  calls.length = 0;
  toast.items = [];
  availability.absences = [
    { userId: 'away-user', from: day(-1), to: day(2), label: 'Time off' },
    { userId: 'back-tomorrow', from: day(-5), to: day(-1), label: 'Time off' },
  ];
});

describe('Away badge', () => {
  it('marks, in the task list, only assignees who are away today', () => {
    render(TaskList, {
      tasks,
      states: DEFAULT_STATES,
      sort: undefined,
      onsort: vi.fn(),
      onopen: vi.fn(),
      caption: 'Tasks',
    });

    const badges = screen.getAllByText('Away');
    expect(badges).toHaveLength(1);
    const row = badges[0]?.closest('tr') as HTMLElement;
    expect(within(row).getByText('WEB-1')).toBeTruthy();
  });

  it('marks the card of an away assignee on the board', () => {
    render(TaskBoard, { tasks, states: DEFAULT_STATES, onopen: vi.fn(), onmove: vi.fn(), canWrite: false });

    const card = screen.getByRole('button', { name: /^WEB-1 / });
    expect(within(card).getByText('Away')).toBeTruthy();
    expect(screen.getAllByText('Away')).toHaveLength(1);
  });

  it('reads a range once, however many screens ask for it', async () => {
    availability.absences = [];

    await availability.load('2031-03-02');
    await availability.load('2031-03-02');

    expect(calls).toEqual([
      { path: '/v1/taskodex/absences', query: { from: '2031-03-02', to: '2031-03-02', limit: 100 } },
    ]);
  });

  it('toasts each warning a saved task came back with, and nothing without one', () => {
    announceWarnings({ ...makeTask('5'), warnings: [] });
    expect(toast.items).toHaveLength(0);

    announceWarnings({
      warnings: [
        {
          code: 'assignee_away',
          message: 'The assignee is away.',
          userId: 'away-user',
          from: '2031-03-10',
          to: '2031-03-14',
        },
      ],
    });

    expect(toast.items).toHaveLength(1);
    expect(toast.items[0]?.message).toMatch(/is away .*2031.*when the task is due/);
  });
});
