import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import Button from './Button.svelte';
import Dialog from './Dialog.svelte';
import EmptyState from './EmptyState.svelte';
import Input from './Input.svelte';
import Select from './Select.svelte';
import Skeleton from './Skeleton.svelte';
import Table from './Table.svelte';
import Tabs from './Tabs.svelte';
import Toaster from './Toaster.svelte';
import { toast } from './toast.svelte';
import type { Column } from './types';

const text = (value: string) => createRawSnippet(() => ({ render: () => `<span>${value}</span>` }));

describe('Button', () => {
  it('is a button that runs its handler, and is disabled and busy while loading', async () => {
    const onclick = vi.fn();
    const { rerender } = render(Button, { props: { onclick, children: text('Save') } });
    const button = screen.getByRole('button', { name: 'Save' });

    await fireEvent.click(button);
    await rerender({ onclick, children: text('Save'), loading: true });

    expect(onclick).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('type')).toBe('button');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });

  it('renders a link when given an href', () => {
    render(Button, { props: { href: '/t/acme/settings', children: text('Settings') } });

    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('/t/acme/settings');
  });
});

describe('Input', () => {
  it('labels its input and ties the error to it', () => {
    render(Input, { props: { label: 'Email', value: 'x', error: 'Enter a valid email.' } });
    const input = screen.getByLabelText('Email');

    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Enter a valid email.');
  });

  it('binds the typed value', async () => {
    render(Input, { props: { label: 'Name', value: '' } });
    const input = screen.getByLabelText('Name') as HTMLInputElement;

    await fireEvent.input(input, { target: { value: 'Ada' } });

    expect(input.value).toBe('Ada');
  });
});

describe('Select', () => {
  it('offers its options under a label', () => {
    render(Select, {
      props: {
        label: 'Role',
        value: 'member',
        options: [
          { value: 'admin', label: 'Admin' },
          { value: 'member', label: 'Member' },
        ],
      },
    });
    const select = screen.getByLabelText('Role') as HTMLSelectElement;

    expect([...select.options].map((option) => option.textContent)).toEqual(['Admin', 'Member']);
    expect(select.value).toBe('member');
  });
});

describe('Dialog', () => {
  it('shows its title and content only while open, and closes from its close button', async () => {
    const onclose = vi.fn();
    const { rerender } = render(Dialog, {
      props: { open: false, title: 'Invite member', onclose, children: text('Form here') },
    });
    expect(screen.queryByText('Form here')).toBeNull();

    await rerender({ open: true, title: 'Invite member', onclose, children: text('Form here') });
    expect(screen.getByText('Form here')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Invite member' })).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Form here')).toBeNull();
  });

  it('opens with the focus in its first field, not on the Close button', async () => {
    const field = createRawSnippet(() => ({ render: () => '<label>Name <input name="name" /></label>' }));
    const { rerender } = render(Dialog, { props: { open: false, title: 'New role', children: field } });

    await rerender({ open: true, title: 'New role', children: field });

    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });
});

describe('Tabs', () => {
  it('moves between tabs with the arrow keys and shows the active panel', async () => {
    const onchange = vi.fn();
    const panel = createRawSnippet((id: () => string) => ({ render: () => `<p>Panel ${id()}</p>` }));
    render(Tabs, {
      props: {
        label: 'Views',
        value: 'list',
        onchange,
        panel,
        tabs: [
          { id: 'list', label: 'List' },
          { id: 'board', label: 'Board' },
        ],
      },
    });
    const list = screen.getByRole('tab', { name: 'List' });
    expect(list.getAttribute('aria-selected')).toBe('true');

    await fireEvent.keyDown(list, { key: 'ArrowRight' });

    expect(onchange).toHaveBeenCalledWith('board');
    expect(screen.getByRole('tab', { name: 'Board' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('Panel board');
  });
});

describe('Table', () => {
  it('renders rows and reports sorting through aria-sort', async () => {
    const onsort = vi.fn();
    type Row = { id: string; name: string };
    const cell = createRawSnippet((row: () => unknown, column: () => Column) => ({
      render: () => `<span>${column().key === 'name' ? (row() as Row).name : (row() as Row).id}</span>`,
    }));
    render(Table, {
      props: {
        caption: 'Members',
        columns: [
          { key: 'name', label: 'Name', sortable: true },
          { key: 'id', label: 'Id' },
        ],
        rows: [
          { id: '1', name: 'Ada' },
          { id: '2', name: 'Grace' },
        ],
        rowKey: (row: unknown) => (row as { id: string }).id,
        cell,
        onsort,
      },
    });
    expect(screen.getAllByRole('row')).toHaveLength(3);

    await fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(onsort).toHaveBeenCalledWith({ key: 'name', direction: 'asc' });
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');

    await fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(onsort).toHaveBeenLastCalledWith({ key: 'name', direction: 'desc' });
  });

  it('shows the empty state without rows', () => {
    render(Table, {
      props: {
        caption: 'Keys',
        columns: [{ key: 'name', label: 'Name' }],
        rows: [],
        rowKey: (row: unknown) => (row as { id: string }).id,
        cell: text(''),
        empty: text('No API keys yet'),
      },
    });

    expect(screen.getByText('No API keys yet')).toBeTruthy();
  });
});

describe('toasts', () => {
  it('announces messages in a live region, runs an action and dismisses', async () => {
    render(Toaster);
    const undo = vi.fn();

    toast.success('Member invited', { action: { label: 'Undo', run: undo }, timeout: 0 });
    flushSync();
    expect(screen.getByRole('status').textContent).toContain('Member invited');

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Member invited')).toBeNull();
  });

  it('shows inside an open dialog (the page behind a modal is inert), and on the page again once it closes', async () => {
    render(Toaster);
    const props = { title: 'WEB-7', kind: 'drawer' as const, children: text('Fields') };
    const { rerender } = render(Dialog, { props: { ...props, open: true } });

    toast.error('WEB-7 was changed by someone else.', { timeout: 0 });
    flushSync();
    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    expect(within(dialog).getByRole('alert').textContent).toContain('changed by someone else');
    expect(screen.getAllByText(/changed by someone else/)).toHaveLength(1); // not on the page as well

    await rerender({ ...props, open: false });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('changed by someone else');
    expect(dialog.contains(alert)).toBe(false);
    for (const item of toast.items) toast.dismiss(item.id);
  });

  it('goes away by itself after its timeout', () => {
    vi.useFakeTimers();
    try {
      render(Toaster);
      toast.info('Saved', { timeout: 1000 });
      flushSync();
      expect(screen.getByText('Saved')).toBeTruthy();

      vi.advanceTimersByTime(1001);
      flushSync();
      expect(screen.queryByText('Saved')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('EmptyState and Skeleton', () => {
  it('say what is (not) there', () => {
    render(EmptyState, { props: { title: 'No tasks yet', description: 'Press C to create one.' } });
    render(Skeleton, { props: { lines: 3, label: 'Loading tasks' } });

    expect(screen.getByText('No tasks yet')).toBeTruthy();
    expect(screen.getByText('Press C to create one.')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Loading tasks' }).children).toHaveLength(3);
  });

  it('draws icon names, and glyphs that fonts often lack, as stroke icons', () => {
    const { container } = render(EmptyState, { props: { title: 'No access', icon: '⦸' } });
    const named = render(EmptyState, { props: { title: 'No keys', icon: 'key' } });

    expect(container.querySelector('.icon svg')).not.toBeNull();
    expect(container.querySelector('.icon')?.textContent?.trim()).toBe('');
    expect(named.container.querySelector('.icon svg')).not.toBeNull();
  });
});
