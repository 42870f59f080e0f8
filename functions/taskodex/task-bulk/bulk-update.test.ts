import { describe, expect, it } from 'vitest';
import { labelsAfter } from './bulk-update';

describe('labelsAfter', () => {
  it('replaces the labels when the patch names them', () => {
    expect(labelsAfter(['a', 'b'], { labels: ['c'] })).toEqual(['c']);
  });

  it('adds and removes on the task’s own labels, without duplicates, keeping their order', () => {
    expect(
      labelsAfter(['bug', 'web', 'old'], { addLabels: ['web', 'triaged'], removeLabels: ['old'] }),
    ).toEqual(['bug', 'web', 'triaged']);
  });

  it('leaves labels alone when the patch does not touch them', () => {
    expect(labelsAfter(['a'], { priority: 'high' })).toBeUndefined();
  });
});
