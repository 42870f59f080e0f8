import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Members come from and go to the project's members routes; the fake keeps a list.
const MAYA = '00000000-0000-4000-8000-000000000001';
const ADAM = '00000000-0000-4000-8000-000000000002';
const calls: { method: string; path: string; body?: unknown }[] = [];
let refuseRoleChange = false;

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const reply = (status: number, data?: unknown, detail = '') => ({
    data: status < 400 ? data : undefined,
    error: status < 400 ? undefined : { title: 'Rule', status, detail, code: 'last_admin' },
    response: new Response(null, { status }),
  });
  const record = (method: string) => async (path: string, options?: { body?: unknown }) => {
    calls.push({ method, path, body: options?.body });
    if (method === 'GET')
      return reply(200, { items: [{ userId: MAYA, role: 'admin', createdAt: '2026-11-01T00:00:00.000Z' }] });
    if (method === 'POST')
      return reply(201, { ...(options?.body as object), createdAt: '2026-11-02T00:00:00.000Z' });
    if (method === 'PATCH' && refuseRoleChange)
      return reply(422, undefined, 'A project keeps at least one admin.');
    return reply(method === 'DELETE' ? 204 : 200, {});
  };
  return {
    api: { GET: record('GET'), POST: record('POST'), PATCH: record('PATCH'), DELETE: record('DELETE') },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { default: ProjectMembers } = await import('./ProjectMembers.svelte');
const { directory } = await import('../members.svelte');
const { toast } = await import('$lib/ui');

beforeEach(() => {
  calls.length = 0;
  refuseRoleChange = false;
  directory.members = [
    { userId: MAYA, name: 'Maya Member', status: 'active' },
    { userId: ADAM, name: 'Adam Admin', status: 'active' },
  ] as never;
});

describe('ProjectMembers', () => {
  it('adds a tenant member with a role, changes it and removes them', async () => {
    render(ProjectMembers, { projectId: 'p1', canManage: true });
    const table = await screen.findByRole('table', { name: 'Project members' });
    const form = screen.getByRole('form', { name: 'Add a member' });
    expect(
      within(form)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toContain('Adam Admin');
    await fireEvent.change(within(form).getByLabelText('Person'), { target: { value: ADAM } });
    await fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'viewer' } });
    await fireEvent.submit(form);
    await within(table).findByText('Adam Admin');
    expect(calls.at(-1)).toMatchObject({ method: 'POST', body: { userId: ADAM, role: 'viewer' } });

    await fireEvent.change(screen.getByLabelText('Role of Adam Admin'), { target: { value: 'member' } });
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ method: 'PATCH', body: { role: 'member' } }));

    await fireEvent.click(screen.getByRole('button', { name: 'Remove Adam Admin' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove Adam Admin?' });
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(table).queryByText('Adam Admin')).toBeNull());
    expect(calls.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/v1/taskodex/projects/{projectId}/members/{userId}',
    });
  });

  it('puts the role back and says why when the API refuses (the last admin)', async () => {
    refuseRoleChange = true;
    const error = vi.spyOn(toast, 'error');
    render(ProjectMembers, { projectId: 'p1', canManage: true });
    const role = (await screen.findByLabelText('Role of Maya Member')) as HTMLSelectElement;
    await fireEvent.change(role, { target: { value: 'viewer' } });
    await waitFor(() => expect(error).toHaveBeenCalledWith('A project keeps at least one admin.'));
    await waitFor(() =>
      expect((screen.getByLabelText('Role of Maya Member') as HTMLSelectElement).value).toBe('admin'),
    );
  });
});
