import * as z from 'zod';
import { StockLocation } from '../domain/locations';

/** What a scanner read: an item barcode, a SKU, a location barcode, a serial or a lot number. */
export const LookupQuery = z.strictObject({
  barcode: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .meta({ description: 'The scanned value, as the scanner typed it.' }),
});

export const LookupItem = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  unit: z.string().meta({ description: 'The item’s base unit.' }),
  tracking: z.enum(['none', 'lot', 'serial']),
  active: z.boolean(),
});
export type LookupItem = z.infer<typeof LookupItem>;

export const LookupLot = z.object({
  id: z.uuid(),
  kind: z.enum(['lot', 'serial']),
  number: z.string(),
  expiresOn: z.iso.date().nullable(),
});
export type LookupLot = z.infer<typeof LookupLot>;

export const LookupMatch = z.object({
  type: z.enum(['item', 'serial', 'lot', 'location']),
  item: LookupItem.optional(),
  lot: LookupLot.optional(),
  location: StockLocation.optional().meta({
    description: 'The location scanned; for a serial, where it is now (when it is in stock).',
  }),
  unit: z.string().optional().meta({ description: 'What one scan of an item barcode counts (a box).' }),
  factor: z
    .string()
    .optional()
    .meta({ description: 'Base units in one `unit`, as a decimal string (a box of 12: "12").' }),
});
export type LookupMatch = z.infer<typeof LookupMatch>;

export const LookupResult = z.object({ barcode: z.string(), matches: z.array(LookupMatch).min(1) });
export type LookupResult = z.infer<typeof LookupResult>;
