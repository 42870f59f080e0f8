import { describe, expect, it } from 'vitest';
import { failure, measureInterleaved, percentile, result, summarize } from './stats';

describe('summarize', () => {
  it('gives the median and the nearest-rank p99 of unsorted samples', () => {
    // Arrange: 1..100 shuffled.
    const samples = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);

    // Act
    const summary = summarize(samples);

    // Assert
    expect(summary).toEqual({ p50: 50, p99: 99, mean: 50.5, n: 100 });
  });

  it('takes p99 from the tail, not the mean, when one call is slow', () => {
    const samples = [...Array.from({ length: 99 }, () => 10), 5_000];

    const summary = summarize(samples);

    expect(summary.p50).toBe(10);
    expect(summary.p99).toBe(10);
    expect(
      percentile(
        [...samples].sort((a, b) => a - b),
        1,
      ),
    ).toBe(5_000);
  });

  it('reports NaN rather than a number for no samples', () => {
    expect(summarize([]).p50).toBeNaN();
  });
});

describe('measureInterleaved', () => {
  it('runs every contender the same number of times, in rounds', async () => {
    const order: string[] = [];

    const summaries = await measureInterleaved(
      { a: async () => order.push('a'), b: async () => order.push('b') },
      { iterations: 4, warmup: 1, rounds: 2 },
    );

    expect(summaries.a.n).toBe(4);
    expect(summaries.b.n).toBe(4);
    expect(order.join('')).toBe('ab' + 'aabb' + 'aabb');
  });
});

describe('result', () => {
  it('computes the ratio to the baseline and decides the goal from it', () => {
    const line = result('kernel.x.p50', 'µs', 300, {
      baseline: 200,
      baselineName: 'kernel.floor.p50',
      goal: '≤ 1.5×',
      check: (ratio) => ratio !== null && ratio <= 1.5,
    });

    expect(line).toEqual({
      name: 'kernel.x.p50',
      unit: 'µs',
      value: 300,
      baseline: 200,
      baselineName: 'kernel.floor.p50',
      ratio: 1.5,
      goal: '≤ 1.5×',
      pass: true,
    });
  });

  it('leaves pass null for a figure without a goal', () => {
    expect(result('authorizer.bare.p50', 'µs', 12.345)).toMatchObject({
      value: 12.35,
      ratio: null,
      pass: null,
    });
  });

  it('turns a failed benchmark into a failed line naming the error', () => {
    expect(failure('scale', new Error('no task at offset 19999\nstack'))).toMatchObject({
      name: 'scale.error',
      goal: 'ran: no task at offset 19999',
      pass: false,
    });
  });
});
