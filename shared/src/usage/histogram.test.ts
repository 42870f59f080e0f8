import { describe, expect, it } from 'vitest';
import {
  addBuckets,
  BUCKET_COUNT,
  bucketIndex,
  emptyBuckets,
  LATENCY_BOUNDS_MS,
  percentileMs,
} from './histogram';

describe('latency histogram', () => {
  it('puts a latency in the first bucket whose bound it does not exceed', () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(5)).toBe(0);
    expect(bucketIndex(5.1)).toBe(1);
    expect(bucketIndex(100)).toBe(LATENCY_BOUNDS_MS.indexOf(100));
    expect(bucketIndex(60_000)).toBe(BUCKET_COUNT - 1);
  });

  it('adds histograms element by element, a shorter one counting as zeros', () => {
    expect(addBuckets([1, 2, 3], [4, 5])).toEqual([5, 7, 3]);
  });

  it('estimates a percentile inside the bucket it falls in', () => {
    const buckets = emptyBuckets();
    buckets[bucketIndex(8)] = 90; // (5, 10]
    buckets[bucketIndex(90)] = 10; // (75, 100]

    expect(percentileMs(buckets, 0.5)).toBeCloseTo(7.8, 1);
    expect(percentileMs(buckets, 0.95)).toBe(87.5);
    expect(percentileMs(buckets, 1)).toBe(100);
  });

  it('reports the slowest bound for the open last bucket and nothing without requests', () => {
    const buckets = emptyBuckets();
    buckets[BUCKET_COUNT - 1] = 3;

    expect(percentileMs(buckets, 0.99)).toBe(10_000);
    expect(percentileMs(emptyBuckets(), 0.95)).toBeUndefined();
  });
});
