import { afterEach, describe, expect, it } from 'vitest';
import type { Tx } from '../db/transaction';
import { bucketIndex, emptyBuckets } from '../usage/histogram';
import { createInProcessSource } from './in-process-source';
import { registerLocalDeadLetters } from './local-dead-letters';

function buckets(latencies: Record<number, number>): number[] {
  const counts = emptyBuckets();
  for (const [latency, count] of Object.entries(latencies)) counts[bucketIndex(Number(latency))] = count;
  return counts;
}

function fakeTx(rows: unknown[]): Tx & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    query: (async (text: string, values?: unknown[]) => {
      calls.push([text, values]);
      return { rows, rowCount: rows.length };
    }) as Tx['query'],
  };
}

const WINDOW = { from: new Date('2026-12-05T15:00:00Z'), to: new Date('2026-12-06T15:00:00Z') };

afterEach(() => registerLocalDeadLetters(undefined));

describe('in-process metrics source', () => {
  it('adds the hourly rows of each product into its rate and percentiles', async () => {
    const tx = fakeTx([
      { product: 'taskodex', requests: 90, errors: 1, latency_buckets: buckets({ 8: 90 }) },
      { product: 'taskodex', requests: 10, errors: 1, latency_buckets: buckets({ 90: 10 }) },
      { product: 'adminhub', requests: 4, errors: 0, latency_buckets: buckets({ 20: 4 }) },
    ]);

    const metrics = await createInProcessSource(tx).functionMetrics(WINDOW);

    expect(tx.calls[0]?.[1]).toEqual([WINDOW.from.toISOString(), WINDOW.to.toISOString()]);
    expect(metrics).toEqual([
      { name: 'adminhub', invocations: 4, errors: 0, errorRate: 0, p95Ms: 24.3, p99Ms: 24.9 },
      { name: 'taskodex', invocations: 100, errors: 2, errorRate: 0.02, p95Ms: 87.5, p99Ms: 97.5 },
    ]);
  });

  it("counts the local bus's dead letters per rule, and knows none when no bus registered", async () => {
    const source = createInProcessSource(fakeTx([]));
    expect(await source.deadLetterQueues()).toBeUndefined();

    const letter = (id: string, rule: string) => ({
      id,
      rule,
      tenantId: 't',
      eventId: id,
      eventType: 'taskodex.task.created',
      attempts: 3,
      error: 'boom',
      deadAt: WINDOW.to.toISOString(),
    });
    registerLocalDeadLetters({
      list: () => [letter('1', 'a-rule'), letter('2', 'b-rule'), letter('3', 'b-rule')],
      redrive: () => true,
    });

    expect(await source.deadLetterQueues()).toEqual([
      { name: 'b-rule', depth: 2 },
      { name: 'a-rule', depth: 1 },
    ]);
  });
});
