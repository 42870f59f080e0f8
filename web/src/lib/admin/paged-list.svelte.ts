import { problemMessage, unwrap } from '$lib/api';
import { toast } from '$lib/ui';

type Page<T> = { items: T[]; nextCursor: string | null };
type FetchPage<T> = (
  cursor: string | undefined,
) => Promise<{ data?: Page<T>; error?: unknown; response: Response }>;

/**
 * A cursor-paged admin list: `items` stays undefined until the first page answers (the screen
 * shows a skeleton), `load(true)` appends the next page, and a failed read shows a toast and
 * leaves an empty list rather than a skeleton that never ends.
 */
export class PagedList<T> {
  items: T[] | undefined = $state();
  nextCursor: string | null | undefined = $state();
  readonly #fetchPage: FetchPage<T>;

  constructor(fetchPage: FetchPage<T>) {
    this.#fetchPage = fetchPage;
  }

  async load(more = false): Promise<void> {
    try {
      const page = await unwrap(this.#fetchPage(more && this.nextCursor ? this.nextCursor : undefined));
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.items ??= [];
      toast.error(problemMessage(error));
    }
  }
}
