import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeEmployee } from './test-fixtures';

// The API refuses the first save with a 422 naming a field, then takes the second.
const calls: { method: string; path: string; body?: unknown }[] = [];
let refuse = true;

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const GET = async (path: string) => {
    calls.push({ method: 'GET', path });
    return { data: { items: [], nextCursor: null }, response: new Response(null, { status: 200 }) };
  };
  const write = (method: string) => async (path: string, options: { body: Record<string, unknown> }) => {
    calls.push({ method, path, body: options.body });
    if (refuse) {
      refuse = false;
      return {
        error: {
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          detail: 'The manager reports to this employee.',
          code: 'manager_cycle',
          errors: [
            { field: 'body.workEmail', message: 'Another employee has this work email.', code: 'taken' },
          ],
        },
        response: new Response(null, { status: 422 }),
      };
    }
    return { data: { ...makeEmployee('1'), ...options.body }, response: new Response(null, { status: 200 }) };
  };
  return {
    api: { GET, POST: write('POST'), PATCH: write('PATCH') },
    unwrap: client.unwrap,
    problemMessage: problem.problemMessage,
    fieldErrors: problem.fieldErrors,
  };
});
vi.mock('$lib/auth/session.svelte', () => ({ session: { tenant: { id: 't1' }, can: () => true } }));

const { default: EmployeeDialog } = await import('./EmployeeDialog.svelte');

beforeEach(() => {
  calls.length = 0;
  refuse = true;
});

describe('EmployeeDialog', () => {
  it('shows the problem beside its field, then saves only what changed', async () => {
    const onsaved = vi.fn();
    render(EmployeeDialog, { open: true, employee: makeEmployee('1'), onsaved });
    const dialog = await screen.findByRole('dialog', { name: /^Edit / });
    const email = within(dialog).getByLabelText('Work email');
    await fireEvent.input(email, { target: { value: 'grace@acme.example' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Another employee has this work email.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(calls.at(-1)).toEqual({
      method: 'PATCH',
      path: '/v1/qultrix/employees/{employeeId}',
      body: { version: 1, workEmail: 'grace@acme.example' },
    });

    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
  });

  it('offers an employee only their own contact fields', async () => {
    render(EmployeeDialog, { open: true, employee: makeEmployee('1'), selfService: true });
    const dialog = await screen.findByRole('dialog', { name: 'Edit my details' });
    expect(within(dialog).queryByLabelText('Manager')).toBeNull();
    expect(within(dialog).queryByLabelText('Work email')).toBeNull();
    expect(within(dialog).queryByLabelText('Given name')).toBeNull();
    await fireEvent.input(within(dialog).getByLabelText('Mobile phone'), { target: { value: '+49 1' } });
    refuse = false;
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.filter((call) => call.method === 'PATCH').at(-1)).toEqual({
        method: 'PATCH',
        path: '/v1/qultrix/employees/{employeeId}',
        body: {
          version: 1,
          phones: [
            { type: 'mobile', number: '+49 1' },
            { type: 'home', number: '+49 30 111' },
          ],
        },
      }),
    );
  });
});
