import { describe, expect, it, vi } from 'vitest';
import { filterHref, whenTypingStops } from './list-filters';

describe('list filters in the URL', () => {
  it('leaves out empty values and defaults, and trims what was typed', () => {
    expect(
      filterHref(
        '/t/acme/invantray/items',
        { q: ' wid ', categoryId: '', active: 'true' },
        { active: 'true' },
      ),
    ).toBe('/t/acme/invantray/items?q=wid');
    expect(filterHref('/t/acme/invantray/items', { q: '', active: 'all' }, { active: 'true' })).toBe(
      '/t/acme/invantray/items?active=all',
    );
    expect(filterHref('/t/acme/invantray/suppliers', { q: '  ' })).toBe('/t/acme/invantray/suppliers');
  });

  it('searches once typing stops', () => {
    vi.useFakeTimers();
    const search = vi.fn();
    const typed = whenTypingStops(search);

    typed();
    vi.advanceTimersByTime(200);
    typed();
    vi.advanceTimersByTime(299);
    expect(search).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);

    expect(search).toHaveBeenCalledTimes(1);
    typed();
    typed.cancel();
    vi.advanceTimersByTime(300);
    expect(search).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
