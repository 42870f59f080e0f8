import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTask } from './test-fixtures';
import type { Task } from './types';

// The store talks to the API through $lib/api; a fake records the calls.
const calls: { method: string; path: string; body: Record<string, unknown> }[] = [];
let respond: (method: string, body: Record<string, unknown>) => { status: number; data?: unknown } = () => ({
  status: 200,
});

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const call = (method: string) => async (path: string, options: { body?: Record<string, unknown> }) => {
    const body = options.body ?? {};
    calls.push({ method, path, body });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { status, data } = respond(method, body);
    const ok = status < 400;
    return {
      data: ok ? data : undefined,
      error: ok ? undefined : { title: 'Conflict', status, detail: 'The task changed.', code: 'conflict' },
      response: new Response(null, { status: status === 204 ? 204 : status }),
    };
  };
  return {
    api: { GET: call('GET'), PATCH: call('PATCH'), POST: call('POST'), DELETE: call('DELETE') },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { TaskStore } = await import('./tasks.svelte');
const { toast } = await import('$lib/ui');

const base: Task = makeTask('1', { id: 't1', title: 'Old' });

beforeEach(() => {
  calls.length = 0;
  toast.items = [];
});

describe('TaskStore', () => {
  it('shows an edit at once and sends quick edits one after the other, each with the newest version', async () => {
    let version = 1;
    respond = (_method, body) => ({ status: 200, data: { ...base, ...body, version: ++version } });
    const store = new TaskStore();
    store.tasks = [base];

    const first = store.update(base, { title: 'New' });
    const second = store.update(base, { priority: 'high' });
    expect(store.get('t1')).toMatchObject({ title: 'New', priority: 'high' });
    await Promise.all([first, second]);

    expect(calls.map((call) => call.body.version)).toEqual([1, 2]);
    expect(store.get('t1')).toMatchObject({ priority: 'high', version: 3 });
  });

  it('keeps an edit in flight on screen when an older read of the task answers meanwhile', async () => {
    respond = (_method, body) => ({ status: 200, data: { ...base, ...body, version: 2 } });
    const store = new TaskStore();
    store.tasks = [base];

    const saving = store.update(base, { title: 'Renamed' });
    store.put({ ...base }); // a read sent before the edit (the drawer opening) answers now
    expect(store.get('t1')?.title).toBe('Renamed');
    await saving;

    expect(store.get('t1')).toMatchObject({ title: 'Renamed', version: 2 });
  });

  it('never shows an older version over a newer one (a read answering after a save)', async () => {
    let server = { ...base };
    respond = (_method, body) => {
      const { version: _sent, ...fields } = body;
      server = { ...server, ...fields, version: server.version + 1 };
      return { status: 200, data: server };
    };
    const store = new TaskStore();
    store.tasks = [base];

    await store.update(base, { title: 'Renamed' });
    await store.update(base, { priority: 'high' });
    store.put({ ...base, title: 'Renamed', version: 2 }); // stale: version 3 is known
    store.put({ ...base }); // staler still

    expect(store.get('t1')).toMatchObject({ title: 'Renamed', priority: 'high', version: 3 });
    expect(calls.map((call) => call.body.version)).toEqual([1, 2]);
  });

  it('keeps a later edit on screen while the answer to an earlier one comes back', async () => {
    let version = 1;
    let server = { ...base };
    respond = (_method, body) => {
      const { version: _sent, ...fields } = body;
      server = { ...server, ...fields, version: ++version };
      return { status: 200, data: server };
    };
    const store = new TaskStore();
    store.tasks = [base];

    const first = store.update(base, { title: 'Renamed' });
    const second = store.update(base, { priority: 'high' });
    await first; // answers with the rename only: the priority is still on its way
    expect(store.get('t1')).toMatchObject({ title: 'Renamed', priority: 'high' });
    await second;

    expect(store.get('t1')).toMatchObject({ title: 'Renamed', priority: 'high', version: 3 });
  });

  it('keeps edits in flight and newer versions when the list is reloaded', async () => {
    respond = (method, body) =>
      method === 'GET'
        ? { status: 200, data: { items: [{ ...base }], nextCursor: null } }
        : { status: 200, data: { ...base, ...body, version: 2 } };
    const store = new TaskStore();
    store.tasks = [base];

    const saving = store.update(base, { title: 'Renamed' });
    await store.load({});
    expect(store.get('t1')?.title).toBe('Renamed');
    await saving;
    await store.load({}); // the list answers with a copy older than the save's
    expect(store.get('t1')).toMatchObject({ title: 'Renamed', version: 2 });
  });

  it('undoes only the failed edit, not a later one of the same field still in flight', async () => {
    let version = 1;
    respond = (_method, body) =>
      body.title === 'First'
        ? { status: 422 }
        : { status: 200, data: { ...base, ...body, version: ++version } };
    const store = new TaskStore();
    store.tasks = [base];

    const first = store.update(base, { title: 'First' });
    const second = store.update(base, { title: 'Second' });
    await first;
    expect(store.get('t1')?.title).toBe('Second');
    await second;
    expect(store.get('t1')).toMatchObject({ title: 'Second', version: 2 });
  });

  it('puts the fields back and explains a 409 with a reload action', async () => {
    respond = () => ({ status: 409 });
    const store = new TaskStore();
    store.tasks = [base];

    const saved = await store.update(base, { title: 'Mine' });

    expect(saved).toBeUndefined();
    expect(store.get('t1')?.title).toBe('Old');
    expect(toast.items.at(-1)?.message).toMatch(/changed by someone else/);
    expect(toast.items.at(-1)?.action?.label).toBe('Reload task');
  });
});
