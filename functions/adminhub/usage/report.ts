import { addBuckets, percentileMs } from '@halooid/shared/usage/histogram';
import type { CountsRow, ProductHourRow, TenantTable } from './repository';
import type { UsageReport } from './schemas';

/**
 * The usage page's arithmetic, apart from its SQL so it is tested on its own:
 * days filled in, rates, percentiles from summed histograms, the storage
 * estimate.
 */
const DAY_MS = 86_400_000;

/** A row size for a table the planner has not measured yet (never analyzed): a middling row. */
export const UNMEASURED_ROW_BYTES = 256;

export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

/** Every UTC day from `from` to `to` (dates), oldest first, zero where no row. */
export function daySeries(
  from: string,
  to: string,
  rows: readonly (CountsRow & { day: string })[],
  quotaPerDay: number,
): UsageReport['days'] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: UsageReport['days'] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += DAY_MS) {
    const date = utcDate(new Date(at));
    const row = byDay.get(date);
    const requests = row?.requests ?? 0;
    days.push({
      date,
      requests,
      errors: row?.errors ?? 0,
      clientErrors: row?.client_errors ?? 0,
      quotaUsed: rate(requests, quotaPerDay),
    });
  }
  return days;
}

interface Totals {
  requests: number;
  errors: number;
  clientErrors: number;
  buckets: number[];
}

function totalsOf(rows: readonly ProductHourRow[]): Totals {
  return rows.reduce<Totals>(
    (sum, row) => ({
      requests: sum.requests + row.requests,
      errors: sum.errors + row.errors,
      clientErrors: sum.clientErrors + row.client_errors,
      buckets: addBuckets(sum.buckets, row.latency_buckets),
    }),
    { requests: 0, errors: 0, clientErrors: 0, buckets: [] },
  );
}

function latencyOf(product: string, totals: Totals): UsageReport['byProduct'][number] {
  return {
    product,
    requests: totals.requests,
    errors: totals.errors,
    clientErrors: totals.clientErrors,
    errorRate: rate(totals.errors, totals.requests),
    p95Ms: percentileMs(totals.buckets, 0.95) ?? null,
    p99Ms: percentileMs(totals.buckets, 0.99) ?? null,
  };
}

function byProductRows(rows: readonly ProductHourRow[]): Map<string, ProductHourRow[]> {
  const grouped = new Map<string, ProductHourRow[]>();
  for (const row of rows) grouped.set(row.product, [...(grouped.get(row.product) ?? []), row]);
  return grouped;
}

/** Requests, error rate and percentiles per product, busiest first. */
export function productLatencies(rows: readonly ProductHourRow[]): UsageReport['byProduct'] {
  return [...byProductRows(rows).entries()]
    .map(([product, hours]) => latencyOf(product, totalsOf(hours)))
    .sort((a, b) => b.requests - a.requests || a.product.localeCompare(b.product));
}

/** The same over the last 24 hours, each with its hourly series (every hour present, oldest first). */
export function last24Hours(rows: readonly ProductHourRow[], firstHour: Date): UsageReport['last24Hours'] {
  const hours = Array.from({ length: 24 }, (_, index) => new Date(firstHour.getTime() + index * 3_600_000));
  return [...byProductRows(rows).entries()]
    .map(([product, productRows]) => {
      const byHour = new Map(productRows.map((row) => [new Date(row.hour).getTime(), row]));
      return {
        ...latencyOf(product, totalsOf(productRows)),
        hourly: hours.map((hour) => {
          const row = byHour.get(hour.getTime());
          return {
            hour: hour.toISOString(),
            requests: row?.requests ?? 0,
            errors: row?.errors ?? 0,
            clientErrors: row?.client_errors ?? 0,
            p95Ms: row ? (percentileMs(row.latency_buckets, 0.95) ?? null) : null,
          };
        }),
      };
    })
    .sort((a, b) => b.requests - a.requests || a.product.localeCompare(b.product));
}

/**
 * Storage is shared tables, not a tenant's own files, so it is estimated:
 * the tenant's rows in each table × that table's average row size (its whole
 * size, indexes and TOAST included, over the planner's row count).
 */
export function storageEstimate(
  tables: readonly TenantTable[],
  rowsByTable: ReadonlyMap<string, number>,
): UsageReport['storage'] {
  const counted = tables
    .map((table) => {
      const rows = rowsByTable.get(table.table) ?? 0;
      const rowBytes = table.tuples > 0 ? table.bytes / table.tuples : UNMEASURED_ROW_BYTES;
      return { table: table.table, rows, estimatedBytes: Math.round(rows * rowBytes) };
    })
    .filter((table) => table.rows > 0)
    .sort((a, b) => b.estimatedBytes - a.estimatedBytes || a.table.localeCompare(b.table));
  return {
    method: 'row-estimate',
    rows: counted.reduce((sum, table) => sum + table.rows, 0),
    estimatedBytes: counted.reduce((sum, table) => sum + table.estimatedBytes, 0),
    tables: counted,
  };
}
