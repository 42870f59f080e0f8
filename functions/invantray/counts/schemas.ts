import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { QuantityOrZero } from '../domain/decimals';

/**
 * Cycle counts as the API shows them. Counting is blind: `expected`,
 * `variance`, `unitCost` and `varianceValue` are left out (not nulled) unless
 * the count has been submitted and the caller holds `invantray:stock:adjust`
 * (count-view.ts); `blind` says which view the caller got.
 */
export const COUNT_STATUSES = ['open', 'pending_approval', 'posted', 'cancelled'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];

export const CountLine = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  stockLocationId: z.uuid(),
  locationCode: z.string(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  counted: z.string().nullable(),
  countedBy: z.uuid().nullable(),
  countedAt: z.iso.datetime().nullable(),
  expected: z.string().optional(),
  variance: z.string().optional(),
  unitCost: z.string().optional(),
  varianceValue: z.string().optional(),
});
export type CountLine = z.infer<typeof CountLine>;

export const CountSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(COUNT_STATUSES),
  stockLocationId: z.uuid(),
  warehouseId: z.uuid(),
  locationCode: z.string(),
  includeSublocations: z.boolean(),
  itemIds: z.array(z.uuid()).nullable(),
  note: z.string().nullable(),
  lineCount: z.number().int(),
  countedLineCount: z.number().int(),
  blind: z.boolean().meta({ description: 'True when expected quantities and variances are withheld.' }),
  varianceValue: z
    .string()
    .optional()
    .meta({ description: 'Σ |counted − expected| × unit cost, in the base currency (revealed views only).' }),
  createdBy: z.uuid().nullable(),
  submittedBy: z.uuid().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  approvedBy: z.uuid().nullable(),
  postedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CountSummary = z.infer<typeof CountSummary>;

export const Count = CountSummary.extend({ lines: z.array(CountLine) });
export type Count = z.infer<typeof Count>;

export const CountParams = z.strictObject({ countId: z.uuid() });

export const CreateCountBody = z.strictObject({
  stockLocationId: z.uuid(),
  includeSublocations: z
    .boolean()
    .default(true)
    .meta({ description: 'Count the locations below it too (default).' }),
  itemIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'Count only these items (default: every item there).' }),
  note: displayText().max(1000).optional(),
});
export type CreateCountInput = z.output<typeof CreateCountBody>;

export const CountEntry = z.strictObject({
  itemId: z.uuid(),
  stockLocationId: z.uuid(),
  lotNumber: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'The lot or serial number, for items tracked by one.' }),
  counted: QuantityOrZero,
});
export type CountEntry = z.output<typeof CountEntry>;

export const RecordEntriesBody = z.strictObject({ entries: z.array(CountEntry).min(1).max(500) });
export type RecordEntriesInput = z.output<typeof RecordEntriesBody>;

export const SubmitCountBody = z
  .strictObject({
    uncountedAsZero: z
      .boolean()
      .optional()
      .meta({ description: 'Lines nobody counted are counted as 0 instead of refusing the submit.' }),
  })
  .optional();
export type SubmitCountInput = z.output<typeof SubmitCountBody>;

export const DecisionBody = z.strictObject({ note: displayText().max(1000).optional() }).optional();
export type DecisionInput = z.output<typeof DecisionBody>;

export const ListCountsQuery = z.strictObject({
  ...paginationQuery,
  status: z.enum(COUNT_STATUSES).optional(),
  warehouseId: z.uuid().optional().meta({ description: 'Only counts of locations in this warehouse.' }),
});
export type ListCountsQuery = z.output<typeof ListCountsQuery>;
