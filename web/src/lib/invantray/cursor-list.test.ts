import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api';
import { toast } from '$lib/ui';
import { CursorList } from './cursor-list.svelte';
import { invGet } from './http';

vi.mock('./http', () => ({ invGet: vi.fn() }));
const get = vi.mocked(invGet);

const failure = () =>
  new ApiError(400, {
    type: 'about:blank',
    title: 'Bad request',
    status: 400,
    detail: 'Try again.',
    code: 'bad_request',
  });

/** A read that answers only when the test says so: two reads racing. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

beforeEach(() => get.mockReset());

describe('CursorList', () => {
  it('reads the first page, then appends the next one of the same query', async () => {
    get.mockResolvedValueOnce({ items: ['a', 'b'], nextCursor: 'c1' });
    get.mockResolvedValueOnce({ items: ['c'], nextCursor: null });
    const list = new CursorList<string>('/items');

    await list.load({ q: 'wid', limit: 2 });
    await list.more();

    expect(list.items).toEqual(['a', 'b', 'c']);
    expect(list.nextCursor).toBeNull();
    expect(get).toHaveBeenLastCalledWith('/items', { q: 'wid', limit: 2, cursor: 'c1' });
    expect(list.loadingMore).toBe(false);
  });

  it('keeps the later read when the filters change while an earlier one is out', async () => {
    const slow = deferred<{ items: string[]; nextCursor: string | null }>();
    get.mockReturnValueOnce(slow.promise);
    get.mockResolvedValueOnce({ items: ['new'], nextCursor: null });
    const list = new CursorList<string>('/stock');

    const first = list.load({ itemId: 'old' });
    await list.load({ itemId: 'new' });
    slow.resolve({ items: ['old'], nextCursor: 'x' });
    await first;

    expect(list.items).toEqual(['new']);
    expect(list.nextCursor).toBeNull();
  });

  it('says why the first page failed on an empty list, and toasts a failed next page keeping the rows', async () => {
    const toasted = vi.spyOn(toast, 'error');
    get.mockRejectedValueOnce(failure());
    const list = new CursorList<string>('/suppliers');

    await list.load({});
    expect(list.items).toEqual([]);
    expect(list.error).toBe('Try again.');

    get.mockResolvedValueOnce({ items: ['a'], nextCursor: 'c1' });
    get.mockRejectedValueOnce(failure());
    await list.load({});
    await list.more();

    expect(list.error).toBe('');
    expect(list.items).toEqual(['a']);
    expect(list.nextCursor).toBe('c1');
    expect(toasted).toHaveBeenCalledWith('Try again.');
    toasted.mockRestore();
  });
});
