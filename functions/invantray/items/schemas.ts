import { paginationQuery } from '@halooid/shared/db/pagination';
import { decimalInput } from '@halooid/shared/decimal';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { Quantity, QuantityOrZero } from '../domain/decimals';

/**
 * Items as the API shows them, and what requests may send. Every request
 * string has a maximum length (Spectral fails the build otherwise); names go
 * through displayText, which refuses direction controls and invisible
 * characters. Quantities and costs are decimal strings.
 */
export const TRACKINGS = ['none', 'lot', 'serial'] as const;
export const Tracking = z.enum(TRACKINGS).meta({
  description: '`none`, or every move names a `lot` number, or each unit has its own `serial` number.',
});

export const MAX_UNITS = 20;
export const MAX_BARCODES = 50;
export const MAX_IMAGES = 10;

const UnitName = displayText().min(1).max(20).meta({ description: 'A unit of measure: each, box, kg…' });

/** How many base units one of these is: numeric(18,6), positive. */
const Factor = decimalInput({
  whole: 12,
  places: 6,
  zero: false,
  description: 'How many base units one of this unit is ("12" for a box of 12), at most 6 places.',
});

export const ItemUnit = z.object({ unit: z.string(), factor: z.string() });
export const UnitInput = z.strictObject({ unit: UnitName, factor: Factor });

export const Barcode = z.object({
  code: z.string(),
  unit: z.string().nullable().meta({ description: 'What one scan counts; null: one base unit.' }),
});
export const BarcodeInput = z.strictObject({
  // Printable ASCII: what Code 128, EAN and QR scanners type through a keyboard wedge.
  code: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[\x20-\x7E]+$/, 'Printable ASCII characters only.'),
  unit: UnitName.nullable().optional(),
});

const ImageUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(2048)
  .meta({ description: 'An https URL of an image of the item.' });

export const StockTotals = z.object({
  onHand: z.string().meta({ description: 'On hand across every warehouse, in the base unit.' }),
  reserved: z.string(),
  available: z.string().meta({ description: 'On hand minus reserved.' }),
});

export const Item = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  categoryId: z.uuid().nullable(),
  unit: z.string().meta({ description: 'The base unit: every quantity of the item is counted in it.' }),
  tracking: Tracking,
  costMethod: z.enum(['moving_average']),
  averageCost: z.string().meta({ description: 'Moving-average unit cost in the base currency.' }),
  defaultSupplierId: z.uuid().nullable(),
  images: z.array(z.string()),
  active: z.boolean(),
  stock: StockTotals,
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Item = z.infer<typeof Item>;

export const ItemDetail = Item.extend({
  units: z.array(ItemUnit),
  barcodes: z.array(Barcode),
  category: z
    .object({ id: z.uuid(), name: z.string(), path: z.array(z.string()) })
    .nullable()
    .meta({ description: 'The category with its path from the root: ["Tools", "Power tools"].' }),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const ItemParams = z.strictObject({ itemId: z.uuid() });

export const CreateItemBody = z.strictObject({
  sku: displayText().min(1, 'Give the item a SKU.').max(64),
  name: displayText().min(1, 'Name the item.').max(200),
  description: z.string().trim().max(4000).nullable().optional(),
  categoryId: z.uuid().nullable().optional(),
  unit: UnitName.default('each'),
  units: z.array(UnitInput).max(MAX_UNITS).default([]),
  barcodes: z.array(BarcodeInput).max(MAX_BARCODES).default([]),
  tracking: Tracking.default('none'),
  defaultSupplierId: z.uuid().nullable().optional(),
  active: z.boolean().default(true),
  images: z.array(ImageUrl).max(MAX_IMAGES).default([]),
});
export type CreateItemInput = z.output<typeof CreateItemBody>;

export const UpdateItemBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its version.
    version: VersionField,
    sku: displayText().min(1).max(64).optional(),
    name: displayText().min(1).max(200).optional(),
    description: z.string().trim().max(4000).nullable().optional(),
    categoryId: z.uuid().nullable().optional(),
    unit: UnitName.optional(),
    units: z.array(UnitInput).max(MAX_UNITS).optional().meta({ description: 'Replaces every conversion.' }),
    barcodes: z
      .array(BarcodeInput)
      .max(MAX_BARCODES)
      .optional()
      .meta({ description: 'Replaces every barcode.' }),
    tracking: Tracking.optional(),
    defaultSupplierId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
    images: z.array(ImageUrl).max(MAX_IMAGES).optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdateItemInput = z.output<typeof UpdateItemBody>;

export const ITEM_SORTS = ['sku', 'name', 'createdAt', 'updatedAt'] as const;

export const ListItemsQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Items whose SKU or name contains this, or with a barcode starting with it.' }),
  categoryId: z.uuid().optional().meta({ description: 'Items of this category or any category below it.' }),
  supplierId: z.uuid().optional().meta({ description: 'Items whose default supplier this is.' }),
  tracking: Tracking.optional(),
  active: z
    .enum(['true', 'false', 'all'])
    .default('true')
    .meta({ description: 'Active items (default), inactive ones, or all.' }),
  sort: z
    .string()
    .max(100)
    .optional()
    .meta({
      description: `Comma-separated, \`-\` for descending: ${ITEM_SORTS.join(', ')}. Default -createdAt.`,
    }),
});
export type ListItemsQuery = z.output<typeof ListItemsQuery>;
export type ItemFilters = Omit<ListItemsQuery, 'limit' | 'cursor'>;

export const ExportItemsQuery = ListItemsQuery.omit({ limit: true, cursor: true });

/** Reorder settings of an item in one warehouse, in the item's base unit. */
export const ReorderSetting = z.object({
  itemId: z.uuid(),
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  reorderPoint: z.string().meta({ description: 'Reorder when available plus on order falls below this.' }),
  reorderQuantity: z.string().meta({ description: 'How much to order then.' }),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type ReorderSetting = z.infer<typeof ReorderSetting>;
export const ReorderSettingList = z.object({ items: z.array(ReorderSetting) });

export const ReorderSettingParams = z.strictObject({ itemId: z.uuid(), warehouseId: z.uuid() });
export const PutReorderSettingBody = z.strictObject({
  reorderPoint: QuantityOrZero,
  reorderQuantity: Quantity,
  version: z.number().int().min(1).max(2_147_483_647).optional().meta({
    description: 'When sent, the version you last read: a stale one gets 409. Omit to create or overwrite.',
  }),
});
export type PutReorderSettingInput = z.output<typeof PutReorderSettingBody>;
