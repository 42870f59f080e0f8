import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Submissions, a week and the decisions go through $lib/api; the fake serves one submitted week.
const calls: { method: string; path: string; query?: unknown; body?: unknown }[] = [];
const USER = '00000000-0000-4000-8000-000000000001';
const submission = {
  userId: USER,
  week: '2026-W47',
  weekStart: '2026-11-16',
  status: 'submitted',
  submittedAt: '2026-11-22T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  rejectionReason: null,
  totalSeconds: 9000,
  billableSeconds: 3600,
};
const days = Array.from({ length: 7 }, (_, i) => ({
  date: `2026-11-${16 + i}`,
  totalSeconds: i === 0 ? 9000 : 0,
  billableSeconds: i === 0 ? 3600 : 0,
}));
const sheet = {
  ...submission,
  weekEnd: '2026-11-22',
  runningEntryId: null,
  days,
  entries: [
    {
      id: 'e1',
      description: 'Checkout review',
      startedAt: '2026-11-16T09:00:00.000Z',
      durationSeconds: 9000,
      billable: true,
    },
  ],
};

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
  const GET = async (path: string, options?: { params?: { query?: { status?: string } } }) => {
    calls.push({ method: 'GET', path, query: options?.params?.query });
    if (path === '/v1/taskodex/timesheets/submissions')
      return ok({
        items: options?.params?.query?.status === 'submitted' ? [submission] : [],
        nextCursor: null,
      });
    if (path === '/v1/taskodex/timesheets') return ok(sheet);
    return ok({ items: [] });
  };
  const POST = async (path: string, options: { body: unknown }) => {
    calls.push({ method: 'POST', path, body: options.body });
    return ok({ ...sheet, status: path.endsWith('/approve') ? 'approved' : 'rejected' });
  };
  return {
    api: { GET, POST },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { default: TimesheetApprovals } = await import('./TimesheetApprovals.svelte');
const { directory } = await import('../members.svelte');
const { session } = await import('$lib/auth/session.svelte');

beforeEach(() => {
  calls.length = 0;
  session.user = undefined;
  directory.members = [
    { userId: USER, name: 'Maya Member', email: 'member@acme.example', status: 'active' } as never,
  ];
});

describe('TimesheetApprovals', () => {
  it('lists waiting weeks and approves one after reviewing it', async () => {
    render(TimesheetApprovals);
    const review = await screen.findByRole('button', { name: 'Review Maya Member, 2026-W47' });
    expect(screen.getByRole('table', { name: 'Submitted timesheets' }).textContent).toContain('2:30');
    await fireEvent.click(review);
    const drawer = await screen.findByRole('dialog', { name: 'Maya Member · 2026-W47' });
    await within(drawer).findByText('Checkout review');
    await fireEvent.click(within(drawer).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Review / })).toBeNull());
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: '/v1/taskodex/timesheets/{week}/approve',
      body: { userId: USER },
    });
    expect(screen.getByText('No timesheets waiting')).toBeTruthy();
  });

  it('sends a week back only with a reason', async () => {
    render(TimesheetApprovals);
    await fireEvent.click(await screen.findByRole('button', { name: /^Review Maya/ }));
    const drawer = await screen.findByRole('dialog', { name: /2026-W47/ });
    await within(drawer).findByText('Checkout review');
    await fireEvent.click(within(drawer).getByRole('button', { name: 'Reject…' }));
    await fireEvent.click(within(drawer).getByRole('button', { name: 'Send back' }));
    expect(within(drawer).getByText('Say why, so they can fix it.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    await fireEvent.input(within(drawer).getByLabelText('Why are you sending it back?'), {
      target: { value: 'Tuesday is missing.' },
    });
    await fireEvent.click(within(drawer).getByRole('button', { name: 'Send back' }));
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({
        method: 'POST',
        path: '/v1/taskodex/timesheets/{week}/reject',
        body: { userId: USER, reason: 'Tuesday is missing.' },
      }),
    );
  });

  it('shows your own week without Approve or Reject: another approver decides', async () => {
    session.user = { id: USER, name: 'Maya Member', email: 'member@acme.example' } as never;
    render(TimesheetApprovals);
    const review = await screen.findByRole('button', { name: 'Review Maya Member, 2026-W47' });
    expect(screen.getByRole('table', { name: 'Submitted timesheets' }).textContent).toContain(
      'Your week — another approver decides',
    );
    await fireEvent.click(review);
    const drawer = await screen.findByRole('dialog', { name: 'Maya Member · 2026-W47' });
    await within(drawer).findByText('Checkout review');

    expect(within(drawer).getByText('Your week — another approver decides')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(drawer).queryByRole('button', { name: 'Reject…' })).toBeNull();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
