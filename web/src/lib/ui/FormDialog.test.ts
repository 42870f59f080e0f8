import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import FormDialog from './FormDialog.svelte';

const field = createRawSnippet(() => ({ render: () => '<label>Code <input name="code" /></label>' }));

describe('FormDialog', () => {
  it('submits its form from the footer button, without reloading the page', async () => {
    const onsubmit = vi.fn();
    render(FormDialog, {
      props: {
        open: true,
        title: 'New warehouse',
        submitLabel: 'Create warehouse',
        onsubmit,
        children: field,
      },
    });
    const button = screen.getByRole('button', { name: 'Create warehouse' });
    const form = document.getElementById(button.getAttribute('form') ?? '') as HTMLFormElement;

    const submitted = new Event('submit', { cancelable: true });
    await fireEvent(form, submitted);

    expect(onsubmit).toHaveBeenCalledTimes(1);
    expect(submitted.defaultPrevented).toBe(true);
    expect(form.contains(screen.getByRole('textbox', { name: 'Code' }))).toBe(true);
    expect(form.noValidate).toBe(true);
  });

  it('says the failure no field carries as an alert, and is busy while it runs', () => {
    render(FormDialog, {
      props: {
        open: true,
        title: 'New item',
        submitLabel: 'Create item',
        busy: true,
        error: 'The service is not answering.',
        onsubmit: () => undefined,
        children: field,
      },
    });

    expect(screen.getByRole('alert').textContent).toBe('The service is not answering.');
    expect(screen.getByRole('button', { name: 'Create item' }).getAttribute('aria-busy')).toBe('true');
  });

  it('closes from Cancel without submitting', async () => {
    const onsubmit = vi.fn();
    render(FormDialog, {
      props: {
        open: true,
        title: 'Reject?',
        submitLabel: 'Reject',
        submitVariant: 'danger',
        onsubmit,
        children: field,
      },
    });

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onsubmit).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox', { name: 'Code' })).toBeNull();
  });
});
