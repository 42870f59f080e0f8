import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The leave types, the preview (2 working days of 3 available) and the request go through $lib/api.
const calls: { method: string; path: string; query?: unknown; body?: unknown }[] = [];
const TYPE = '00000000-0000-4000-8000-0000000000a1';

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) });
  const GET = async (path: string, options?: { params?: { query?: Record<string, string> } }) => {
    calls.push({ method: 'GET', path, query: options?.params?.query });
    if (path === '/v1/qultrix/leave-types')
      return ok({
        items: [{ id: TYPE, name: 'Annual leave', archived: false, unit: 'days' }],
        nextCursor: null,
      });
    if (path === '/v1/qultrix/time-off/preview')
      return ok({
        employeeId: 'e',
        leaveTypeId: TYPE,
        unit: 'days',
        workingDays: '2',
        amount: '2.000',
        balance: { balance: '3', pending: '0', available: '3.000' },
        attachmentRequired: false,
      });
    return ok({ items: [] });
  };
  const POST = async (path: string, options: { body: unknown }) => {
    calls.push({ method: 'POST', path, body: options.body });
    return ok(
      {
        id: 'r1',
        amount: '2.000',
        leaveType: { id: TYPE, name: 'Annual leave', unit: 'days' },
      },
      201,
    );
  };
  return {
    api: { GET, POST },
    unwrap: client.unwrap,
    problemMessage: problem.problemMessage,
    fieldErrors: problem.fieldErrors,
  };
});
vi.mock('$lib/auth/session.svelte', () => ({ session: { tenant: { id: 't1' }, can: () => true } }));

const { default: RequestTimeOffDialog } = await import('./RequestTimeOffDialog.svelte');

beforeEach(() => {
  calls.length = 0;
});

describe('RequestTimeOffDialog', () => {
  it('counts the working days and the balance left while the dates change, then sends the request', async () => {
    const onsaved = vi.fn();
    render(RequestTimeOffDialog, { open: true, onsaved });
    const dialog = await screen.findByRole('dialog', { name: 'Request time off' });
    await waitFor(() =>
      expect((within(dialog).getByLabelText('Leave type') as HTMLSelectElement).value).toBe(TYPE),
    );
    await fireEvent.input(within(dialog).getByLabelText('From'), { target: { value: '2027-02-15' } });
    await fireEvent.input(within(dialog).getByLabelText('To'), { target: { value: '2027-02-16' } });
    await within(dialog).findByText('2 working days');
    expect(dialog.textContent?.replace(/\s+/g, ' ')).toContain('Available 3 days → 1 day left');
    expect(calls.filter((call) => call.path === '/v1/qultrix/time-off/preview').at(-1)?.query).toEqual({
      leaveTypeId: TYPE,
      start: '2027-02-15',
      end: '2027-02-16',
      startHalf: 'false',
      endHalf: 'false',
    });

    await fireEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: '/v1/qultrix/time-off/requests',
      body: { leaveTypeId: TYPE, start: '2027-02-15', end: '2027-02-16', startHalf: false, endHalf: false },
    });
  });
});
