import type { ForecastGroup, ForecastRow } from './types';

/**
 * Bar geometry for the forecast chart. Lengths are pixels, so amounts become
 * numbers here, for drawing only; every figure shown as text stays the API's
 * exact decimal string.
 */
export interface Bar {
  key: string;
  label: string;
  total: number;
  weighted: number;
  won: number;
}

export function bars(rows: readonly ForecastRow[], width: number): { bars: Bar[]; max: number } {
  // The total holds the open and won amounts, so it is the longest bar of its row.
  const max = Math.max(0, ...rows.map((row) => Number(row.total)));
  const scale = (value: string) => (max > 0 ? (Number(value) / max) * width : 0);
  return {
    max,
    bars: rows.map((row) => ({
      key: row.key,
      label: row.label,
      total: scale(row.total),
      weighted: scale(row.weighted),
      won: scale(row.won.total),
    })),
  };
}

/** The rows of one currency, in the order the groups came. */
export function rowsOf(
  groups: readonly ForecastGroup[],
  currency: string,
  label: (group: ForecastGroup) => string,
): ForecastRow[] {
  const rows: ForecastRow[] = [];
  for (const group of groups) {
    const figures = group.currencies.find((item) => item.currency === currency);
    if (figures) rows.push({ ...figures, key: group.key ?? '', label: label(group) });
  }
  return rows;
}

/** The currencies of a forecast, most deals first. */
export function currenciesOf(totals: readonly { currency: string; count: number }[]): string[] {
  return [...totals]
    .sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency))
    .map((item) => item.currency);
}
