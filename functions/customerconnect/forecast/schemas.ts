import * as z from 'zod';
import { OwnerFilter } from '../domain/user-filter';

export const ForecastQuery = z.strictObject({
  period: z
    .string()
    .max(20)
    .meta({ description: 'A year (2026), a quarter (2026-Q4) or a month (2026-11).' }),
  groupBy: z.enum(['owner', 'stage', 'month']).default('owner'),
  pipelineId: z.uuid().optional(),
  ownerId: OwnerFilter,
});
export type ForecastQuery = z.output<typeof ForecastQuery>;

const Amount = z.string().meta({ description: 'Exact decimal string.' });

export const CurrencyFigures = z.object({
  currency: z.string(),
  count: z
    .number()
    .int()
    .meta({ description: 'Deals with an amount in this currency (open, won and lost).' }),
  total: Amount,
  weighted: Amount.meta({
    description:
      'Σ amount × stage probability / 100, exact (won stages count 100 %, lost 0 %): at least two decimals, more when the exact value has them.',
  }),
  open: z.object({ count: z.number().int(), total: Amount, weighted: Amount }),
  won: z.object({ count: z.number().int(), total: Amount }),
  lost: z.object({ count: z.number().int(), total: Amount }),
});

export const ForecastGroup = z.object({
  key: z.string().nullable().meta({ description: 'Owner id, stage id or YYYY-MM; null for unowned deals.' }),
  label: z.string().nullable().meta({ description: 'The stage’s name (groupBy=stage).' }),
  currencies: z.array(CurrencyFigures),
});

export const Forecast = z.object({
  period: z.string(),
  from: z.iso.date(),
  to: z.iso.date().meta({ description: 'Last day of the period.' }),
  groupBy: z.enum(['owner', 'stage', 'month']),
  groups: z.array(ForecastGroup),
  totals: z.array(CurrencyFigures),
});
export type Forecast = z.infer<typeof Forecast>;
