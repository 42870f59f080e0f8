import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeaveRequest } from './types';

const calls: { path: string; body?: unknown }[] = [];

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const POST = async (path: string, options: { params: { path: { requestId: string } }; body?: unknown }) => {
    calls.push({ path, body: options.body });
    const status = path.endsWith('/approve')
      ? 'approved'
      : path.endsWith('/reject')
        ? 'rejected'
        : 'cancelled';
    return {
      data: { ...request('r1'), status, currentStep: null },
      response: new Response(null, { status: 200 }),
    };
  };
  return { api: { POST }, unwrap: client.unwrap, problemMessage: problem.problemMessage };
});

function request(id: string, overrides: Partial<LeaveRequest> = {}): LeaveRequest {
  return {
    id,
    employeeId: 'e1',
    employeeName: 'Ethan Employee',
    leaveType: { id: 't1', name: 'Annual leave', unit: 'days' },
    start: '2027-02-16',
    end: '2027-02-17',
    startHalf: false,
    endHalf: false,
    amount: '2.000',
    reason: 'Ski trip',
    attachmentUrl: null,
    status: 'pending',
    currentStep: 1,
    approval: 'manager',
    approvals: [],
    requestedBy: null,
    decidedAt: null,
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

const { default: RequestList } = await import('./RequestList.svelte');

beforeEach(() => {
  calls.length = 0;
});

describe('RequestList', () => {
  it('approves a request from the inbox and reports it', async () => {
    const onchange = vi.fn();
    render(RequestList, {
      requests: [request('r1')],
      label: 'Inbox',
      showName: true,
      decide: true,
      emptyTitle: 'None',
      onchange,
    });
    const item = screen
      .getByRole('list', { name: 'Inbox' })
      .querySelector('[data-request-id="r1"]') as HTMLElement;
    expect(item.textContent).toContain('Ethan Employee');
    expect(item.textContent).toContain('2 days');
    await fireEvent.click(
      within(item).getByRole('button', { name: /^Approve Ethan Employee's Annual leave/ }),
    );
    await waitFor(() =>
      expect(onchange).toHaveBeenCalledWith(expect.objectContaining({ status: 'approved' })),
    );
    expect(calls).toEqual([{ path: '/v1/qultrix/time-off/requests/{requestId}/approve', body: {} }]);
  });

  it('rejects with the comment the approver writes', async () => {
    render(RequestList, { requests: [request('r1')], label: 'Inbox', decide: true, emptyTitle: 'None' });
    await fireEvent.click(screen.getByRole('button', { name: /^Reject / }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject request' });
    await fireEvent.input(within(dialog).getByLabelText('Comment'), { target: { value: 'Release week' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(calls).toEqual([
        { path: '/v1/qultrix/time-off/requests/{requestId}/reject', body: { comment: 'Release week' } },
      ]),
    );
  });

  it('offers Cancel only where the API allows it, and no decisions on my own list', () => {
    render(RequestList, {
      requests: [
        request('r1'),
        request('r2', { status: 'rejected' }),
        request('r3', { status: 'approved', end: '2020-01-01' }),
      ],
      label: 'Mine',
      cancellable: true,
      emptyTitle: 'None',
    });
    expect(screen.getAllByRole('button', { name: /^Cancel / })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Approve / })).toBeNull();
  });

  it('says so when there is nothing', () => {
    render(RequestList, { requests: [], label: 'Inbox', decide: true, emptyTitle: 'Nothing to approve' });
    expect(screen.getByText('Nothing to approve')).toBeTruthy();
  });
});
