import type { Tx } from '../db/transaction';
import { addBuckets, percentileMs } from '../usage/histogram';
import { localDeadLetters } from './local-dead-letters';
import { errorRate, type FunctionMetrics, type MetricsSource } from './source';

interface ProductHourRow {
  product: string;
  requests: number;
  errors: number;
  latency_buckets: number[];
}

/**
 * The local metrics store: what every function's adapter records into
 * platform.request_usage (shared/src/usage), added up across tenants by
 * platform.usage_by_product (platform/0010, operators only). Hourly rows, so
 * a window starts at the top of its first hour; one row per product, since
 * request_usage keeps no finer grain. Dead letters are the local event bus's
 * (local-dead-letters.ts).
 */
export function createInProcessSource(tx: Tx): MetricsSource {
  return {
    kind: 'in-process',

    async functionMetrics(window) {
      const { rows } = await tx.query<ProductHourRow>(
        `select product, requests::int as requests, errors::int as errors, latency_buckets
           from platform.usage_by_product($1) where hour < $2`,
        [window.from.toISOString(), window.to.toISOString()],
      );
      const byProduct = new Map<string, { requests: number; errors: number; buckets: number[] }>();
      for (const row of rows) {
        const found = byProduct.get(row.product) ?? { requests: 0, errors: 0, buckets: [] };
        found.requests += row.requests;
        found.errors += row.errors;
        found.buckets = addBuckets(found.buckets, row.latency_buckets);
        byProduct.set(row.product, found);
      }
      return [...byProduct.entries()]
        .map(
          ([name, totals]): FunctionMetrics => ({
            name,
            invocations: totals.requests,
            errors: totals.errors,
            errorRate: errorRate(totals.errors, totals.requests),
            p95Ms: percentileMs(totals.buckets, 0.95) ?? null,
            p99Ms: percentileMs(totals.buckets, 0.99) ?? null,
          }),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async deadLetterQueues() {
      const letters = localDeadLetters();
      if (!letters) return undefined;
      const byRule = new Map<string, number>();
      for (const letter of letters.list()) byRule.set(letter.rule, (byRule.get(letter.rule) ?? 0) + 1);
      return [...byRule.entries()]
        .map(([name, depth]) => ({ name, depth }))
        .sort((a, b) => b.depth - a.depth || a.name.localeCompare(b.name));
    },
  };
}
