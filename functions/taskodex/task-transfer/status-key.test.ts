import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW } from '../domain/workflow';
import { statusKeyOf } from './import-tasks';

describe('statusKeyOf', () => {
  it('keeps a state key as it is', () => {
    expect(statusKeyOf('in_review', DEFAULT_WORKFLOW)).toBe('in_review');
  });

  it('reads a state name in any case and spacing, as other trackers export it', () => {
    expect(statusKeyOf('In progress', DEFAULT_WORKFLOW)).toBe('in_progress');
    expect(statusKeyOf('TO DO', DEFAULT_WORKFLOW)).toBe('todo');
    expect(statusKeyOf('In  Review', DEFAULT_WORKFLOW)).toBe('in_review');
    expect(statusKeyOf('in-progress', DEFAULT_WORKFLOW)).toBe('in_progress');
  });

  it('leaves an unknown status for the use case to refuse with the allowed keys', () => {
    expect(statusKeyOf('Shipped', DEFAULT_WORKFLOW)).toBe('Shipped');
    expect(statusKeyOf('constructor', DEFAULT_WORKFLOW)).toBe('constructor');
  });
});
