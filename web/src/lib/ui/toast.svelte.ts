/**
 * App-wide toasts: `toast.success('Saved')`, `toast.error(problemMessage(error))`.
 * <Toaster /> (mounted once in the root layout) renders them in a live region.
 */
export type ToastKind = 'info' | 'success' | 'error';

export interface ToastItem {
  id: number;
  kind: ToastKind;
  message: string;
  action?: { label: string; run: () => void } | undefined;
}

let nextId = 1;
let nextLayer = 1;

class Toasts {
  items: ToastItem[] = $state([]);
  /**
   * Open modal dialogs, innermost last. A modal <dialog> makes the page behind
   * it inert (and a drawer covers the corner the page's toasts sit in), so a
   * toast shown then, such as a 409's "Reload task", would be out of sight and
   * out of reach: the innermost open dialog shows the toasts instead (Dialog
   * mounts a Toaster for its layer), the page's Toaster when none is open.
   */
  layers: number[] = $state([]);

  /** The layer whose Toaster shows the toasts now: the innermost dialog's, or 0 (the page). */
  get layer(): number {
    return this.layers.at(-1) ?? 0;
  }

  openLayer(): number {
    const id = nextLayer++;
    this.layers = [...this.layers, id];
    return id;
  }

  closeLayer(id: number) {
    this.layers = this.layers.filter((layer) => layer !== id);
  }

  show(kind: ToastKind, message: string, options: { timeout?: number; action?: ToastItem['action'] } = {}) {
    const id = nextId++;
    this.items.push({ id, kind, message, action: options.action });
    const timeout = options.timeout ?? (kind === 'error' ? 8000 : 4000);
    if (timeout > 0) setTimeout(() => this.dismiss(id), timeout);
    return id;
  }

  info(message: string, options?: { timeout?: number; action?: ToastItem['action'] }) {
    return this.show('info', message, options);
  }

  success(message: string, options?: { timeout?: number; action?: ToastItem['action'] }) {
    return this.show('success', message, options);
  }

  error(message: string, options?: { timeout?: number; action?: ToastItem['action'] }) {
    return this.show('error', message, options);
  }

  dismiss(id: number) {
    this.items = this.items.filter((item) => item.id !== id);
  }
}

export const toast = new Toasts();
