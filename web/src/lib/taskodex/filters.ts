import type { SavedView, StateGroup, TaskQuery } from './types';

/**
 * What the filter bar holds, and how it maps to the task list's query and
 * to a saved view's `filters` (arrays there, comma lists in the query).
 */
export interface Filters {
  q: string;
  /** '' all, 'open' not completed or cancelled, or one state group. */
  state: '' | 'open' | StateGroup;
  priority: string;
  /** '' anyone, 'me', 'none' is not supported by the API, or a user id. */
  assignee: string;
  label: string;
}

export const EMPTY_FILTERS: Filters = { q: '', state: '', priority: '', assignee: '', label: '' };
const OPEN_GROUPS: StateGroup[] = ['backlog', 'unstarted', 'started'];

export function toQuery(
  filters: Filters,
  options: { projectId?: string | undefined; me?: string | undefined; sort?: string | undefined },
): Omit<TaskQuery, 'limit' | 'cursor'> {
  const query: Omit<TaskQuery, 'limit' | 'cursor'> = {};
  if (options.projectId) query.projectId = options.projectId;
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.state === 'open') query.statusGroup = OPEN_GROUPS.join(',');
  else if (filters.state) query.statusGroup = filters.state;
  if (filters.priority) query.priority = filters.priority;
  const assignee = filters.assignee === 'me' ? options.me : filters.assignee;
  if (assignee) query.assigneeId = assignee;
  if (filters.label.trim()) query.label = filters.label.trim();
  if (options.sort) query.sort = options.sort;
  return query;
}

export function toViewFilters(
  filters: Filters,
  options: { projectId?: string | undefined; me?: string | undefined },
) {
  const view: SavedView['filters'] = {};
  if (options.projectId) view.projectId = options.projectId;
  if (filters.q.trim()) view.q = filters.q.trim();
  if (filters.state === 'open') view.statusGroup = OPEN_GROUPS;
  else if (filters.state) view.statusGroup = [filters.state];
  if (filters.priority)
    view.priority = [filters.priority as NonNullable<SavedView['filters']['priority']>[number]];
  const assignee = filters.assignee === 'me' ? options.me : filters.assignee;
  if (assignee) view.assigneeId = assignee;
  if (filters.label.trim()) view.label = filters.label.trim();
  return view;
}

export function fromViewFilters(view: SavedView['filters'], me: string | undefined): Filters {
  const groups = view.statusGroup ?? [];
  let state: Filters['state'] = '';
  if (groups.length === OPEN_GROUPS.length && OPEN_GROUPS.every((group) => groups.includes(group)))
    state = 'open';
  else if (groups.length === 1) state = groups[0] ?? '';
  return {
    q: view.q ?? '',
    state,
    priority: view.priority?.[0] ?? '',
    assignee: view.assigneeId ? (view.assigneeId === me ? 'me' : view.assigneeId) : '',
    label: view.label ?? '',
  };
}

/** `{ key: 'dueDate', direction: 'desc' }` ⇄ `-dueDate`. */
export function sortParam(sort: { key: string; direction: 'asc' | 'desc' } | undefined): string | undefined {
  return sort ? `${sort.direction === 'desc' ? '-' : ''}${sort.key}` : undefined;
}

export function parseSort(
  value: string | null | undefined,
): { key: string; direction: 'asc' | 'desc' } | undefined {
  const first = value?.split(',')[0]?.trim();
  if (!first) return undefined;
  return first.startsWith('-')
    ? { key: first.slice(1), direction: 'desc' }
    : { key: first, direction: 'asc' };
}
