import { describe, expect, it, vi } from 'vitest';
import { toast } from '$lib/ui';
import { FormState } from './form-state.svelte';
import { ApiError } from './problem';

const invalid = (errors: { field: string; message: string; code: string }[]) =>
  new ApiError(422, {
    type: 'about:blank',
    title: 'Invalid',
    status: 422,
    detail: 'Check the form.',
    code: 'validation_failed',
    errors,
  });

describe('FormState', () => {
  it('is busy while the action runs and clears the last failure', async () => {
    const form = new FormState();
    form.reject({ password: 'Too short' });
    let busyDuring = false;
    await form.submit(async () => {
      busyDuring = form.busy;
    });
    expect(busyDuring).toBe(true);
    expect(form.busy).toBe(false);
    expect(form.fields).toEqual({});
    expect(form.error).toBe('');
  });

  it('turns a failure into the message and the per-field errors, inline only by default', async () => {
    const spy = vi.spyOn(toast, 'error');
    const form = new FormState();
    await form.submit(() =>
      Promise.reject(invalid([{ field: 'email', message: 'Not an email', code: 'x' }])),
    );
    expect(form.fields).toEqual({ email: 'Not an email' });
    expect(form.error).not.toBe('');
    expect(form.busy).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('toasts as told: always, or only when no field carries the message', async () => {
    const spy = vi.spyOn(toast, 'error');
    const withField = () => Promise.reject(invalid([{ field: 'name', message: 'Required', code: 'x' }]));
    await new FormState('toast').submit(withField);
    expect(spy).toHaveBeenCalledTimes(1);
    await new FormState('toast-unless-fields').submit(withField);
    expect(spy).toHaveBeenCalledTimes(1);
    await new FormState('toast-unless-fields').submit(() => Promise.reject(invalid([])));
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('gives the message to show under the fields only when no field carries it', async () => {
    const form = new FormState();
    await form.submit(() => Promise.reject(invalid([{ field: 'name', message: 'Required', code: 'x' }])));
    expect(form.generalError).toBe('');
    await form.submit(() => Promise.reject(invalid([])));
    expect(form.generalError).toBe('Check the form.');
  });
});
