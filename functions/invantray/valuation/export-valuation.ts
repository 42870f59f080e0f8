import { toCsv } from '@halooid/shared/http/csv';
import type { Valuation } from './schemas';

/**
 * The report as CSV (formula-safe cells, shared/http/csv): one line per row
 * and a last `Total` line; values as exact decimal text, with the currency
 * and the instant on every line so a pasted block keeps its meaning.
 */
export function valuationCsv(report: Valuation): string {
  const at = report.at ?? 'now';
  return toCsv(
    [report.groupBy, 'code', 'id', 'quantity', 'unit cost', 'value', 'currency', 'at'],
    [
      ...report.rows.map((row) => [
        row.name,
        row.code,
        row.id,
        row.quantity,
        row.unitCost,
        row.value,
        report.currency,
        at,
      ]),
      ['Total', null, null, report.totals.quantity, null, report.totals.value, report.currency, at],
    ],
  );
}
