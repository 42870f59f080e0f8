import { FIRST_YEAR, LAST_YEAR } from '@halooid/shared/calendar';
import { ValidationError } from '@halooid/shared/errors';

/** A forecast period: `from` inclusive, `to` exclusive (calendar dates). */
export interface Period {
  label: string;
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
const first = (year: number, month: number) =>
  month > 12 ? `${year + 1}-01-01` : `${String(year).padStart(4, '0')}-${pad(month)}-01`;

/**
 * `2026` (the year), `2026-Q4` (a quarter) or `2026-11` (a month), years
 * FIRST_YEAR–LAST_YEAR (shared/src/calendar.ts). Anything else is a 400 on
 * query.period.
 */
export function parsePeriod(text: string): Period {
  const match = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(text.trim());
  const year = Number(match?.[1]);
  if (!match || year < FIRST_YEAR || year > LAST_YEAR)
    throw new ValidationError('The period is a year (2026), a quarter (2026-Q4) or a month (2026-11).', [
      { field: 'query.period', message: 'Use 2026, 2026-Q4 or 2026-11.', code: 'invalid_period' },
    ]);
  if (match[2]) {
    const quarter = Number(match[2]);
    return {
      label: `${year}-Q${quarter}`,
      from: first(year, quarter * 3 - 2),
      to: first(year, quarter * 3 + 1),
    };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return { label: `${year}-${pad(month)}`, from: first(year, month), to: first(year, month + 1) };
  }
  return { label: String(year), from: first(year, 1), to: first(year + 1, 1) };
}
