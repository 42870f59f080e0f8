import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, fromViewFilters, parseSort, sortParam, toQuery, toViewFilters } from './filters';

const ME = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('filters', () => {
  it('turns the filter bar into the task list query', () => {
    const query = toQuery(
      { q: ' logo ', state: 'open', priority: 'high', assignee: 'me', label: 'design' },
      { projectId: 'p', me: ME, sort: '-dueDate' },
    );
    expect(query).toEqual({
      projectId: 'p',
      q: 'logo',
      statusGroup: 'backlog,unstarted,started',
      priority: 'high',
      assigneeId: ME,
      label: 'design',
      sort: '-dueDate',
    });
    expect(toQuery(EMPTY_FILTERS, {})).toEqual({});
  });

  it('round-trips through a saved view', () => {
    const filters = { q: 'logo', state: 'open' as const, priority: 'urgent', assignee: 'me', label: '' };
    const view = toViewFilters(filters, { me: ME });
    expect(view).toEqual({
      q: 'logo',
      statusGroup: ['backlog', 'unstarted', 'started'],
      priority: ['urgent'],
      assigneeId: ME,
    });
    expect(fromViewFilters(view, ME)).toEqual(filters);
  });

  it('maps the table sort to the API sort and back', () => {
    expect(sortParam({ key: 'dueDate', direction: 'desc' })).toBe('-dueDate');
    expect(parseSort('-priority,dueDate')).toEqual({ key: 'priority', direction: 'desc' });
    expect(parseSort(null)).toBeUndefined();
  });
});
