/**
 * A list's filters live in its URL (bookmarks, the home page's links, Back).
 * `filterHref` writes them, leaving out empty values and each filter's
 * default so an unfiltered list has a bare address; `goto(href, IN_PLACE)`
 * goes there in place: no new history entry, the focus and the scroll where
 * they were.
 */
export function filterHref(
  pathname: string,
  values: Record<string, string>,
  defaults: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    const text = value.trim();
    if (text && text !== defaults[name]) params.set(name, text);
  }
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}

export const IN_PLACE = { replaceState: true, keepFocus: true, noScroll: true } as const;

/**
 * A search box that filters as one types: the last keystroke, 300 ms later,
 * is the one that searches. `cancel` drops a search still to come (Enter went
 * somewhere else).
 */
export function whenTypingStops(search: () => void, ms = 300): (() => void) & { cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = () => {
    clearTimeout(timer);
    timer = setTimeout(search, ms);
  };
  return Object.assign(typed, { cancel: () => clearTimeout(timer) });
}
