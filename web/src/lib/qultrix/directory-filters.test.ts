import { describe, expect, it } from 'vitest';
import {
  EMPTY_DIRECTORY_FILTERS,
  filtersFromUrl,
  filtersToQuery,
  filtersToSearch,
  hasFilters,
} from './directory-filters';

const department = '0b9f4c1e-5d1a-4c47-9a43-2f0f3b7c1a11';

describe('directory filters', () => {
  it('round-trips through the URL', () => {
    const filters = {
      q: 'ada',
      status: 'active',
      type: 'intern',
      departmentId: department,
      locationId: '',
    } as const;
    const search = filtersToSearch(filters);
    expect(search).toBe(`?q=ada&status=active&type=intern&departmentId=${department}`);
    expect(filtersFromUrl(new URLSearchParams(search))).toEqual(filters);
  });

  it('drops values the API would refuse instead of sending them', () => {
    const filters = filtersFromUrl(new URLSearchParams('status=fired&type=x&departmentId=sales&q=a'));
    expect(filters).toEqual({ ...EMPTY_DIRECTORY_FILTERS, q: 'a' });
  });

  it('sends only the filters that are set, trimmed', () => {
    expect(filtersToQuery({ ...EMPTY_DIRECTORY_FILTERS, q: '  lin ', locationId: department })).toEqual({
      q: 'lin',
      locationId: department,
    });
    expect(filtersToQuery(EMPTY_DIRECTORY_FILTERS)).toEqual({});
    expect(filtersToSearch(EMPTY_DIRECTORY_FILTERS)).toBe('');
  });

  it('knows whether any filter is set (the empty state says which)', () => {
    expect(hasFilters(EMPTY_DIRECTORY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_DIRECTORY_FILTERS, type: 'contractor' })).toBe(true);
  });
});
