/**
 * The forecast's periods as the API names them: a quarter "2026-Q4", a month
 * "2026-11" or a year "2026". The picker offers the ones around today.
 */
export type PeriodKind = 'quarter' | 'month' | 'year';

export interface PeriodOption {
  value: string;
  label: string;
}

const MONTHS = Array.from({ length: 12 }, (_, month) =>
  new Date(Date.UTC(2026, month, 1)).toLocaleDateString(undefined, { month: 'long', timeZone: 'UTC' }),
);

export function kindOf(period: string): PeriodKind | undefined {
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}$/.test(period)) return 'year';
  return undefined;
}

/** The period of this kind that holds `today`. */
export function currentPeriod(kind: PeriodKind, today: Date = new Date()): string {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  if (kind === 'year') return String(year);
  if (kind === 'month') return `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** The period `steps` periods after (or before, negative) `period`. */
export function shiftPeriod(period: string, steps: number): string {
  const kind = kindOf(period);
  if (kind === 'year') return String(Number(period) + steps);
  if (kind === 'quarter') {
    const index = Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1 + steps;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  if (kind === 'month') {
    const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5)) - 1 + steps;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  return period;
}

/** "2026-Q4" → "Q4 2026", "2026-11" → "November 2026", "2026" → "2026". */
export function periodLabel(period: string): string {
  const kind = kindOf(period);
  if (kind === 'quarter') return `${period.slice(5)} ${period.slice(0, 4)}`;
  if (kind === 'month') return `${MONTHS[Number(period.slice(5)) - 1]} ${period.slice(0, 4)}`;
  return period;
}

/** The picker's choices: from `before` periods back to `after` ahead of the current one. */
export function periodOptions(
  kind: PeriodKind,
  today: Date = new Date(),
  before = 4,
  after = 4,
): PeriodOption[] {
  const current = currentPeriod(kind, today);
  const options: PeriodOption[] = [];
  for (let step = -before; step <= after; step++) {
    const value = shiftPeriod(current, step);
    options.push({ value, label: step === 0 ? `${periodLabel(value)} (current)` : periodLabel(value) });
  }
  return options;
}
