import * as z from 'zod';
import { AtInput } from '../domain/on-hand-at';

/** The stock value report: quantities and values at an instant, grouped one way. */
export const VALUATION_GROUPS = ['warehouse', 'category', 'item'] as const;

export const ValuationQuery = z.strictObject({
  at: AtInput.optional().meta({
    description:
      'Value at this instant or date (a date: its close, UTC), derived from the ledger; now when absent.',
  }),
  groupBy: z.enum(VALUATION_GROUPS).default('warehouse'),
  warehouseId: z.uuid().optional().meta({ description: 'Only stock in this warehouse.' }),
});
export type ValuationQuery = z.output<typeof ValuationQuery>;

export const ValuationRow = z.object({
  /** The warehouse, category or item; null for items in no category. */
  id: z.uuid().nullable(),
  code: z.string().nullable().meta({ description: 'Warehouse code or item SKU; null for a category.' }),
  name: z.string(),
  quantity: z
    .string()
    .meta({ description: 'On hand in base units (mixed units when grouped by warehouse or category).' }),
  unitCost: z.string().nullable().meta({ description: 'Item rows: the average cost at the instant.' }),
  value: z.string(),
});
export type ValuationRow = z.infer<typeof ValuationRow>;

export const Valuation = z.object({
  at: z.iso.datetime({ offset: true }).nullable(),
  currency: z.string(),
  groupBy: z.enum(VALUATION_GROUPS),
  rows: z.array(ValuationRow),
  totals: z.object({ quantity: z.string(), value: z.string() }),
});
export type Valuation = z.infer<typeof Valuation>;
