import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Project } from '../types';

// Saves PATCH the project with its version; the fake refuses the first (409) and accepts after a reload.
const calls: { method: string; path: string; body?: unknown }[] = [];
const project: Project = {
  id: 'p1',
  key: 'WEB',
  name: 'Website',
  description: '',
  leadId: null,
  status: 'active',
  isPrivate: false,
  startDate: null,
  targetDate: null,
  clientName: null,
  billable: false,
  hourlyRate: null,
  archivedAt: null,
  origin: null,
  myRole: 'admin',
  version: 1,
  createdBy: 'u',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const reply = (status: number, data?: unknown, detail = '') => ({
    data: status < 400 ? data : undefined,
    error: status < 400 ? undefined : { title: 'Conflict', status, detail, code: 'version_conflict' },
    response: new Response(null, { status }),
  });
  const PATCH = async (path: string, options: { body: { version: number } }) => {
    calls.push({ method: 'PATCH', path, body: options.body });
    return options.body.version === 1
      ? reply(409, undefined, 'The project changed since you read it (version 2).')
      : reply(200, { ...project, ...options.body, version: 3 });
  };
  const GET = async (path: string) => {
    calls.push({ method: 'GET', path });
    return reply(
      200,
      path.includes('members') ? { items: [] } : { ...project, version: 2, clientName: 'Acme' },
    );
  };
  const POST = async (path: string) => {
    calls.push({ method: 'POST', path });
    return reply(200, { ...project, status: 'archived', archivedAt: '2026-11-02T00:00:00.000Z' });
  };
  return {
    api: { GET, PATCH, POST },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
    fieldErrors: problem.fieldErrors,
  };
});

const { default: ProjectDetails } = await import('./ProjectDetails.svelte');
const { default: Harness } = await import('./ProjectDetailsHarness.test.svelte');

describe('ProjectDetails', () => {
  it('sends only changed fields with the version, explains a 409 and reloads', async () => {
    render(Harness, { project });
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Website 2' } });
    await fireEvent.submit(screen.getByLabelText('Name').closest('form') as HTMLFormElement);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The project changed since you read it');
    expect(calls.at(-1)).toEqual({
      method: 'PATCH',
      path: '/v1/taskodex/projects/{projectId}',
      body: { name: 'Website 2', version: 1 },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Reload the project' }));
    await waitFor(() => expect((screen.getByLabelText('Client') as HTMLInputElement).value).toBe('Acme'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is read-only for people who do not administer the project', () => {
    render(ProjectDetails, {
      project: { ...project, myRole: 'member' },
      canManage: false,
      onchange: vi.fn(),
    });
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.getByText("Only the project's admins can change its settings.")).toBeTruthy();
  });
});
