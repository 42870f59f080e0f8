import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTask } from './test-fixtures';
import type { Task } from './types';

// The drawer reads the task again when it opens; on a loaded machine that read can answer
// after the user has started typing. The fake holds the task read until the test releases it.
const base: Task = makeTask('1', { id: 't1', title: 'Old title', priority: 'medium' });

const patches: Record<string, unknown>[] = [];
let server: Task = base;
let releaseRead: (() => void) | undefined;
let refuse = false;

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
  const GET = async (path: string) => {
    if (path === '/v1/taskodex/tasks/{taskId}') {
      const snapshot = server; // what the server had when the read ran
      await new Promise<void>((resolve) => (releaseRead = resolve));
      return ok(snapshot);
    }
    return ok({ items: [], nextCursor: null });
  };
  const PATCH = async (_path: string, options: { body: Record<string, unknown> }) => {
    patches.push(options.body);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (refuse)
      return {
        error: { title: 'Conflict', status: 409, detail: 'The task changed.', code: 'version_conflict' },
        response: new Response(null, { status: 409 }),
      };
    const { version: _version, ...fields } = options.body;
    server = { ...server, ...(fields as Partial<Task>), version: server.version + 1 };
    return ok(server);
  };
  return {
    api: { GET, PATCH, POST: GET, DELETE: GET },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
    fieldErrors: problem.fieldErrors,
  };
});

const { default: TaskDrawer } = await import('./TaskDrawer.svelte');
const { TaskStore } = await import('./tasks.svelte');
const { session } = await import('$lib/auth/session.svelte');
const { toast } = await import('$lib/ui');

beforeEach(() => {
  patches.length = 0;
  server = base;
  releaseRead = undefined;
  refuse = false;
  session.permissions = ['taskodex:task:write'];
  for (const item of toast.items) toast.dismiss(item.id);
});

function open() {
  const store = new TaskStore();
  store.tasks = [base];
  render(TaskDrawer, { taskId: 't1', store, onclose: vi.fn(), onopen: vi.fn() });
  return store;
}

/** Lets pending promise callbacks (an answered read) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function type(field: HTMLElement, value: string) {
  field.focus();
  await fireEvent.input(field, { target: { value } });
}

describe('TaskDrawer', () => {
  it('keeps a title being typed when the opening read answers late, and saves it on Enter', async () => {
    const store = open();
    const title = screen.getByLabelText('Title', { selector: 'textarea' }) as HTMLTextAreaElement;

    await type(title, 'New title');
    await waitFor(() => expect(releaseRead).toBeDefined());
    releaseRead?.(); // the read from before the edit answers now
    await settle();
    expect(title.value).toBe('New title');
    await fireEvent.keyDown(title, { key: 'Enter' });

    await waitFor(() => expect(patches).toEqual([{ title: 'New title', version: 1 }]));
    await waitFor(() => expect(store.get('t1')).toMatchObject({ title: 'New title', version: 2 }));
  });

  it('keeps a description being typed while another field’s save comes back', async () => {
    const store = open();
    await waitFor(() => expect(releaseRead).toBeDefined());
    releaseRead?.();
    await settle();
    const description = screen.getByLabelText('Description') as HTMLTextAreaElement;

    await type(description, 'Half a sentence');
    await fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'high' } });
    await waitFor(() => expect(store.get('t1')).toMatchObject({ priority: 'high', version: 2 }));
    await tick();
    expect(description.value).toBe('Half a sentence');
    await fireEvent.blur(description);

    await waitFor(() =>
      expect(patches).toEqual([
        { priority: 'high', version: 1 },
        { description: 'Half a sentence', version: 2 },
      ]),
    );
    await waitFor(() =>
      expect(store.get('t1')).toMatchObject({ priority: 'high', description: 'Half a sentence', version: 3 }),
    );
  });

  it('shows the saved title again when a save is refused', async () => {
    const store = open();
    await waitFor(() => expect(releaseRead).toBeDefined());
    releaseRead?.();
    await settle();
    const title = screen.getByLabelText('Title', { selector: 'textarea' }) as HTMLTextAreaElement;
    refuse = true;
    await type(title, 'Attempt');
    await fireEvent.keyDown(title, { key: 'Enter' });
    expect(store.get('t1')?.title).toBe('Attempt');
    await waitFor(() => expect(store.get('t1')?.title).toBe('Old title'));
    await tick();
    expect(title.value).toBe('Old title');
  });

  it('explains a conflict inside the drawer, and “Reload task” shows the other person’s version', async () => {
    const store = open();
    await waitFor(() => expect(releaseRead).toBeDefined());
    releaseRead?.();
    await settle();
    // Someone else renamed the task meanwhile; this screen still has version 1.
    server = { ...server, title: 'Their title', version: 2 };
    refuse = true;
    releaseRead = undefined;

    await fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'high' } });

    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(
      /was changed by someone else since you opened it, so your change was not saved/,
    );
    await waitFor(() => expect(store.get('t1')?.priority).toBe('medium'));
    await fireEvent.click(within(alert).getByRole('button', { name: 'Reload task' }));
    const reloading = () => releaseRead; // read through a function: TypeScript narrowed it to undefined above
    await waitFor(() => expect(reloading()).toBeDefined());
    reloading()?.();
    const title = screen.getByLabelText('Title', { selector: 'textarea' }) as HTMLTextAreaElement;
    await waitFor(() => expect(title.value).toBe('Their title'));
    expect(store.get('t1')).toMatchObject({ title: 'Their title', priority: 'medium', version: 2 });
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
