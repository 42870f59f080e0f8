import { problemMessage } from '$lib/api';
import { toast } from '$lib/ui';
import { invGet, type Query } from './http';
import type { Page } from './types';

/**
 * A list screen's rows, a page at a time. `load(query)` reads the first page:
 * `items` stay undefined (a skeleton) until it answers, and when the filters
 * change while an earlier read is still out, the later read wins. `more()`
 * appends the next page of the same query. A failed first page leaves an
 * empty list and says why in `error`; a failed next page is a toast, the rows
 * shown so far stay.
 */
export class CursorList<T> {
  items: T[] | undefined = $state();
  nextCursor: string | null = $state(null);
  error = $state('');
  loadingMore = $state(false);
  readonly #path: string;
  readonly #get: <P>(path: string, query?: Query) => Promise<P>;
  #query: Query = {};
  #generation = 0;

  /** `get` reads a page of another API's list (AdminHub's); Invantray's by default. */
  constructor(path: string, get: <P>(path: string, query?: Query) => Promise<P> = invGet) {
    this.#path = path;
    this.#get = get;
  }

  async load(query: Query): Promise<void> {
    const mine = ++this.#generation;
    this.#query = query;
    this.error = '';
    try {
      const data = await this.#get<Page<T>>(this.#path, query);
      if (mine !== this.#generation) return;
      this.items = data.items;
      this.nextCursor = data.nextCursor;
    } catch (failure) {
      if (mine !== this.#generation) return;
      this.items = [];
      this.nextCursor = null;
      this.error = problemMessage(failure);
    }
  }

  async more(): Promise<void> {
    if (!this.nextCursor) return;
    this.loadingMore = true;
    try {
      const data = await this.#get<Page<T>>(this.#path, { ...this.#query, cursor: this.nextCursor });
      this.items = [...(this.items ?? []), ...data.items];
      this.nextCursor = data.nextCursor;
    } catch (failure) {
      toast.error(problemMessage(failure));
    } finally {
      this.loadingMore = false;
    }
  }
}
