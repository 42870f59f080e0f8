import { toast } from '$lib/ui';
import { fieldErrors, problemMessage } from './problem';

/**
 * Where a failed submit tells the user what went wrong, besides the per-field messages:
 * - 'inline': only in `error`, which the form shows above its button (the auth screens);
 * - 'toast': also as a toast (dialogs and settings forms);
 * - 'toast-unless-fields': as a toast only when no field carries the message.
 */
type Report = 'inline' | 'toast' | 'toast-unless-fields';

/**
 * The state of a form that submits to the API: `busy` while it runs, the problem's message in
 * `error` and its per-field messages in `fields` when it fails.
 */
export class FormState {
  busy = $state(false);
  error = $state('');
  fields: Record<string, string> = $state({});
  readonly #report: Report;

  constructor(report: Report = 'inline') {
    this.#report = report;
  }

  /** The failure's message when no field carries it: what a form shows under its fields. */
  get generalError(): string {
    return Object.keys(this.fields).length ? '' : this.error;
  }

  /** Forgets the last failure (a dialog opening afresh). */
  clear(): void {
    this.error = '';
    this.fields = {};
  }

  /** Refuses the input before anything is sent (a weak password): only these field errors show. */
  reject(fields: Record<string, string>): void {
    this.error = '';
    this.fields = fields;
  }

  /** Clears the last failure and runs `action` with `busy` set; a throw becomes `error` and `fields`. */
  async submit(action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.clear();
    try {
      await action();
    } catch (failure) {
      this.error = problemMessage(failure);
      this.fields = fieldErrors(failure);
      const hasFields = Object.keys(this.fields).length > 0;
      if (this.#report === 'toast' || (this.#report === 'toast-unless-fields' && !hasFields)) {
        toast.error(this.error);
      }
    } finally {
      this.busy = false;
    }
  }
}
