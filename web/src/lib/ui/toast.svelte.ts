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

class Toasts {
  items: ToastItem[] = $state([]);

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
