import { afterEach, describe, expect, it } from 'vitest';
import { isShortcut } from './keys';

function press(target: EventTarget, init: KeyboardEventInit): KeyboardEvent {
  let seen: KeyboardEvent | undefined;
  target.addEventListener('keydown', (event) => (seen = event as KeyboardEvent), { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
  if (!seen) throw new Error('no event');
  return seen;
}

afterEach(() => document.body.replaceChildren());

describe('single-key shortcuts', () => {
  it('fire on the page, not while typing, not with modifiers, not under a dialog', () => {
    const input = document.createElement('input');
    document.body.append(input);
    expect(isShortcut(press(document.body, { key: 'c' }), 'c')).toBe(true);
    expect(isShortcut(press(document.body, { key: 'C' }), 'c')).toBe(true);
    expect(isShortcut(press(input, { key: 'c' }), 'c')).toBe(false);
    expect(isShortcut(press(document.body, { key: 'c', ctrlKey: true }), 'c')).toBe(false);
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(isShortcut(press(document.body, { key: 'c' }), 'c')).toBe(false);
  });
});
