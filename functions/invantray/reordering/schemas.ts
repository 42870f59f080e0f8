import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

/** Reordering as the API shows it. Quantities are decimal strings in the item's base unit. */

export const Shortfall = z.object({
  itemId: z.uuid(),
  sku: z.string(),
  warehouseId: z.uuid(),
  available: z.string(),
  onOrder: z.string(),
  reorderPoint: z.string(),
  orderedQuantity: z.string().nullable().meta({ description: 'Null when the item has no default supplier.' }),
  purchaseOrderId: z.uuid().nullable(),
  purchaseOrderNumber: z.string().nullable(),
});

export const ReorderRunResult = z.object({
  checked: z.number().int().meta({ description: 'How many item × warehouse reorder settings were checked.' }),
  shortfalls: z.array(Shortfall),
  purchaseOrdersCreated: z.array(z.uuid()),
});
export type ReorderRunResult = z.infer<typeof ReorderRunResult>;

export const ListBelowQuery = z.strictObject({
  ...paginationQuery,
  warehouseId: z.uuid().optional().meta({ description: 'Only this warehouse.' }),
});
export type ListBelowQuery = z.output<typeof ListBelowQuery>;

export const BelowItem = z.object({
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  available: z.string(),
  onOrder: z.string(),
  reorderPoint: z.string(),
  reorderQuantity: z.string(),
  covered: z.boolean().meta({ description: 'Available plus on order is at or above the reorder point.' }),
  defaultSupplier: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  purchaseOrder: z.object({ id: z.uuid(), number: z.string(), status: z.string() }).nullable().meta({
    description: 'The open order covering it: the reorder draft first, else the newest open order.',
  }),
});
export type BelowItem = z.infer<typeof BelowItem>;

export const SuggestionParams = z.strictObject({ itemId: z.uuid() });

export const SuggestionQuery = z.strictObject({
  warehouseId: z.uuid(),
  serviceLevel: z.coerce
    .number()
    .min(0.5)
    .max(0.9999)
    .default(0.95)
    .meta({ description: 'The chance of not running out during a lead time, 0.5 to 0.9999 (default 0.95).' }),
  leadTimeDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .meta({ description: 'Lead time in days; the default supplier’s when left out.' }),
});
export type SuggestionQuery = z.output<typeof SuggestionQuery>;

export const ReorderSuggestion = z.object({
  itemId: z.uuid(),
  warehouseId: z.uuid(),
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.number().int(),
  totalIssued: z.string(),
  averageDailyDemand: z.string(),
  dailyDemand: z.string().meta({ description: 'Exponentially smoothed daily demand (α = smoothingAlpha).' }),
  smoothingAlpha: z.number(),
  demandStdDev: z.string(),
  leadTimeDays: z.number().int(),
  leadTimeSource: z.enum(['supplier', 'request']),
  serviceLevel: z.number(),
  z: z.number(),
  safetyStock: z.string(),
  reorderPoint: z.string().meta({ description: 'Suggested: dailyDemand × leadTimeDays + safetyStock.' }),
  configuredReorderPoint: z.string().nullable(),
  configuredReorderQuantity: z.string().nullable(),
});
export type ReorderSuggestion = z.infer<typeof ReorderSuggestion>;
