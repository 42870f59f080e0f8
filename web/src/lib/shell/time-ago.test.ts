import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago';

describe('timeAgo', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('says "just now" for the last few seconds', () => {
    expect(timeAgo('2026-11-26T11:59:30Z', now, 'en')).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(timeAgo('2026-11-26T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(timeAgo('2026-11-26T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(timeAgo('2026-11-25T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(timeAgo('2026-10-20T12:00:00Z', now, 'en')).toBe('last month');
  });
});
