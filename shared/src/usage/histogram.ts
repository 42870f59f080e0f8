/**
 * The fixed latency histogram every request_usage row carries (platform/0010):
 * bucket i counts requests that took at most LATENCY_BOUNDS_MS[i]
 * milliseconds (and more than the bound before it); the last bucket counts
 * everything slower. Fixed bounds let hourly rows of any function, tenant and
 * product add up element by element, so a percentile over any window is read
 * from the summed counts. Changing the bounds is a new migration, never an edit.
 */
export const LATENCY_BOUNDS_MS = [
  5, 10, 25, 50, 75, 100, 150, 250, 400, 600, 1_000, 1_500, 2_500, 5_000, 10_000,
] as const;

/** Bounds plus the open-ended last bucket. */
export const BUCKET_COUNT = LATENCY_BOUNDS_MS.length + 1;

export function emptyBuckets(): number[] {
  return new Array<number>(BUCKET_COUNT).fill(0);
}

export function bucketIndex(latencyMs: number): number {
  for (let index = 0; index < LATENCY_BOUNDS_MS.length; index++) {
    if (latencyMs <= (LATENCY_BOUNDS_MS[index] as number)) return index;
  }
  return LATENCY_BOUNDS_MS.length;
}

/** Element-wise sum; a shorter histogram counts as zeros. */
export function addBuckets(a: readonly number[], b: readonly number[]): number[] {
  const length = Math.max(a.length, b.length);
  return Array.from({ length }, (_, index) => (a[index] ?? 0) + (b[index] ?? 0));
}

/**
 * The q-quantile (0.95 for p95) estimated from bucket counts, interpolating
 * linearly inside the bucket it falls in; a value in the open last bucket is
 * reported as its lower bound (the slowest bound), an under-estimate the
 * docs say. Undefined when there were no requests.
 */
export function percentileMs(buckets: readonly number[], q: number): number | undefined {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const rank = q * total;
  let seen = 0;
  for (let index = 0; index < buckets.length; index++) {
    const count = buckets[index] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const lower = index === 0 ? 0 : (LATENCY_BOUNDS_MS[index - 1] as number);
      const upper = LATENCY_BOUNDS_MS[index];
      if (upper === undefined) return lower;
      return Math.round((lower + ((rank - seen) / count) * (upper - lower)) * 10) / 10;
    }
    seen += count;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
