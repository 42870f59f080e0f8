import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  sortOf,
  sortParam,
  stateFromSearch,
  stateFromView,
  stateToQuery,
  stateToSearch,
  stateToView,
} from './list-query';

describe('list state in the URL', () => {
  it('reads search, known filters, custom filters and sort; ignores the rest', () => {
    const state = stateFromSearch(
      new URLSearchParams('q=acme&status=new&other=x&custom=tier:gold&custom=region:EU:West&sort=-score'),
      ['status', 'ownerId'],
    );
    expect(state).toEqual({
      q: 'acme',
      filters: { status: 'new' },
      custom: { tier: 'gold', region: 'EU:West' },
      sort: '-score',
    });
    expect(stateToSearch(state)).toBe(
      'q=acme&status=new&custom=tier%3Agold&custom=region%3AEU%3AWest&sort=-score',
    );
  });

  it('sends one custom filter as a string and several as a list', () => {
    expect(stateToQuery({ q: '', filters: {}, custom: { tier: 'gold' }, sort: '' })).toEqual({
      custom: 'tier:gold',
    });
    expect(
      stateToQuery({ q: ' ', filters: { ownerId: 'me' }, custom: { a: '1', b: '2' }, sort: 'name' }),
    ).toEqual({
      ownerId: 'me',
      custom: ['a:1', 'b:2'],
      sort: 'name',
    });
  });

  it('round-trips a saved view as an object of strings', () => {
    const state = { q: 'x', filters: { status: 'new' }, custom: { tier: 'gold' }, sort: '-createdAt' };
    const view = stateToView(state);
    expect(view).toEqual({ q: 'x', status: 'new', 'custom.tier': 'gold', sort: '-createdAt' });
    expect(stateFromView(view, ['status'])).toEqual(state);
    expect(stateFromView({ custom: ['a:1'], evil: 'x' }, ['status']).custom).toEqual({ a: '1' });
  });

  it('knows when a list is filtered', () => {
    expect(hasFilters({ q: '', filters: { status: '' }, custom: { a: ' ' }, sort: 'name' })).toBe(false);
    expect(hasFilters({ q: '', filters: {}, custom: { a: 'b' }, sort: '' })).toBe(true);
  });

  it('maps the sort parameter to the table', () => {
    expect(sortOf('-amount')).toEqual({ key: 'amount', direction: 'desc' });
    expect(sortOf('')).toBeUndefined();
    expect(sortParam({ key: 'custom.tier', direction: 'asc' })).toBe('custom.tier');
  });
});
