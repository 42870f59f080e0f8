/**
 * A list's state lives in the URL (search, filters, custom-field filters,
 * sort), so a filtered list can be bookmarked, shared and saved as a view.
 * Custom filters travel as `custom=key:value` (repeatable), as the API reads them.
 */
export interface ListState {
  q: string;
  /** Built-in filters by query parameter (ownerId, status, tag…). */
  filters: Record<string, string>;
  /** Custom-field filters by field key. */
  custom: Record<string, string>;
  /** `name`, `-createdAt`, `custom.tier`… ('' is the API's default order). */
  sort: string;
}

export function emptyState(): ListState {
  return { q: '', filters: {}, custom: {}, sort: '' };
}

export function stateFromSearch(params: URLSearchParams, filterKeys: readonly string[]): ListState {
  const state = emptyState();
  state.q = params.get('q') ?? '';
  state.sort = params.get('sort') ?? '';
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) state.filters[key] = value;
  }
  for (const raw of params.getAll('custom')) {
    const colon = raw.indexOf(':');
    if (colon > 0) state.custom[raw.slice(0, colon)] = raw.slice(colon + 1);
  }
  return state;
}

/** The URL's search string of a state (without the `?`; empty values dropped). */
export function stateToSearch(state: ListState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(state.custom))
    if (value.trim()) params.append('custom', `${key}:${value.trim()}`);
  if (state.sort) params.set('sort', state.sort);
  return params.toString();
}

/** The list route's query (without limit/cursor). */
export function stateToQuery(state: ListState): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (state.q.trim()) query.q = state.q.trim();
  for (const [key, value] of Object.entries(state.filters)) if (value) query[key] = value;
  const custom = Object.entries(state.custom)
    .filter(([, value]) => value.trim())
    .map(([key, value]) => `${key}:${value.trim()}`);
  if (custom.length) query.custom = custom.length === 1 ? (custom[0] as string) : custom;
  if (state.sort) query.sort = state.sort;
  return query;
}

/**
 * A saved view's `query`: an object of strings. Custom filters become
 * `custom.<key>` entries so that several fit in one object.
 */
export function stateToView(state: ListState): Record<string, string> {
  const view: Record<string, string> = {};
  if (state.q.trim()) view.q = state.q.trim();
  for (const [key, value] of Object.entries(state.filters)) if (value) view[key] = value;
  for (const [key, value] of Object.entries(state.custom))
    if (value.trim()) view[`custom.${key}`] = value.trim();
  if (state.sort) view.sort = state.sort;
  return view;
}

export function stateFromView(view: Record<string, unknown>, filterKeys: readonly string[]): ListState {
  const state = emptyState();
  for (const [key, raw] of Object.entries(view)) {
    if (typeof raw !== 'string' && !Array.isArray(raw)) continue;
    if (key === 'q' && typeof raw === 'string') state.q = raw;
    else if (key === 'sort' && typeof raw === 'string') state.sort = raw;
    else if (key.startsWith('custom.') && typeof raw === 'string') state.custom[key.slice(7)] = raw;
    else if (key === 'custom') {
      for (const item of Array.isArray(raw) ? raw : [raw]) {
        const text = String(item);
        const colon = text.indexOf(':');
        if (colon > 0) state.custom[text.slice(0, colon)] = text.slice(colon + 1);
      }
    } else if (filterKeys.includes(key) && typeof raw === 'string') state.filters[key] = raw;
  }
  return state;
}

export function sameState(a: ListState, b: ListState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}

export function hasFilters(state: ListState): boolean {
  return Boolean(
    state.q.trim() ||
      Object.values(state.filters).some(Boolean) ||
      Object.values(state.custom).some((value) => value.trim()),
  );
}

/** `-name` ↔ the table's { key, direction }. */
export function sortOf(sort: string): { key: string; direction: 'asc' | 'desc' } | undefined {
  if (!sort) return undefined;
  const first = sort.split(',')[0] ?? '';
  return first.startsWith('-')
    ? { key: first.slice(1), direction: 'desc' }
    : { key: first, direction: 'asc' };
}

export function sortParam(sort: { key: string; direction: 'asc' | 'desc' }): string {
  return sort.direction === 'desc' ? `-${sort.key}` : sort.key;
}
