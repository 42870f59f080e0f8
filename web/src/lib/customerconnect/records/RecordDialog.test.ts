import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The API has one custom field; it refuses the first create as a duplicate
// (409 naming the existing contact), then takes the forced one.
const calls: { method: string; path: string; body?: unknown }[] = [];
let duplicate = true;

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const GET = async (path: string) => {
    calls.push({ method: 'GET', path });
    const items = path.endsWith('/fields')
      ? [
          {
            id: 'f1',
            object: 'contact',
            key: 'tier',
            label: 'Tier',
            type: 'select',
            options: ['gold', 'silver'],
            required: false,
            position: 0,
            archived: false,
          },
        ]
      : [];
    return { data: { items, nextCursor: null }, response: new Response(null, { status: 200 }) };
  };
  const POST = async (path: string, options: { body: Record<string, unknown> }) => {
    calls.push({ method: 'POST', path, body: options.body });
    if (duplicate) {
      duplicate = false;
      return {
        error: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'A contact with ada@example.com exists.',
          code: 'duplicate_contact',
          existingId: '00000000-0000-4000-8000-000000000001',
        },
        response: new Response(null, { status: 409 }),
      };
    }
    return { data: { id: 'new', ...options.body }, response: new Response(null, { status: 201 }) };
  };
  return {
    api: { GET, POST },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
    fieldErrors: problem.fieldErrors,
  };
});
vi.mock('$lib/auth/session.svelte', () => ({
  session: { tenant: { id: 't1', slug: 'acme' }, user: { id: 'u1', name: 'Ada' }, can: () => false },
}));

const { default: RecordDialog } = await import('./RecordDialog.svelte');

beforeEach(() => {
  calls.length = 0;
  duplicate = true;
});

describe('RecordDialog', () => {
  it('links a duplicate to the existing contact, then creates anyway with the custom value', async () => {
    const oncreated = vi.fn();
    render(RecordDialog, { open: true, type: 'contact', base: '/t/acme/customerconnect', oncreated });
    const dialog = await screen.findByRole('dialog', { name: 'New contact' });
    await fireEvent.input(within(dialog).getByLabelText('Last name (required)'), {
      target: { value: 'Lovelace' },
    });
    await fireEvent.input(within(dialog).getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    const tier = await within(dialog).findByLabelText('Tier');
    await fireEvent.change(tier, { target: { value: 'gold' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create contact' }));

    const link = await within(dialog).findByRole('link', { name: 'Open the existing contact' });
    expect(link.getAttribute('href')).toBe(
      '/t/acme/customerconnect/contacts/00000000-0000-4000-8000-000000000001',
    );
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create anyway' }));

    await waitFor(() => expect(oncreated).toHaveBeenCalled());
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts[0]?.body).toEqual({
      lastName: 'Lovelace',
      emails: [{ email: 'ada@example.com', primary: true }],
      custom: { tier: 'gold' },
    });
    expect(posts[1]?.body).toMatchObject({ lastName: 'Lovelace', force: true });
  });
});
