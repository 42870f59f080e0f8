/**
 * Single-key shortcuts (C for a new task) must not fire while someone types:
 * not in inputs, text areas, selects or editable content, not with a modifier,
 * and not while a dialog is open.
 */
export function isShortcut(event: KeyboardEvent, key: string): boolean {
  if (event.key.toLowerCase() !== key.toLowerCase()) return false;
  if (event.metaKey || event.ctrlKey || event.altKey || event.repeat) return false;
  if (isTyping(event.target)) return false;
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return false;
  return true;
}

export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  return (
    element.isContentEditable ||
    element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null
  );
}
