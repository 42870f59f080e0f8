import { PostalAddress } from '@halooid/shared/address';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { LocationKind, MAX_LOCATION_DEPTH, StockLocation } from '../domain/locations';

/**
 * Warehouses and their locations as the API shows them, and what requests
 * may send. Codes are what people and barcodes use (`WH1`, `A-03`): letters,
 * digits, `.`, `_` and `-`, so a default barcode built from them prints as
 * Code 128 and reads back the same. Every request string is bounded.
 */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CODE_MESSAGE = 'Letters, digits, ".", "_" and "-", starting with a letter or digit.';

export const WarehouseCode = z.string().trim().min(1).max(20).regex(CODE_PATTERN, CODE_MESSAGE);
export const LocationCode = z.string().trim().min(1).max(40).regex(CODE_PATTERN, CODE_MESSAGE);
/** Printable ASCII: what Code 128 prints and every scanner types back. */
export const Barcode = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces.');

export const Warehouse = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  address: z.record(z.string(), z.string().nullable()).nullable(),
  receivingLocationId: z.uuid().nullable(),
  shippingLocationId: z.uuid().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Warehouse = z.infer<typeof Warehouse>;

export const WarehouseParams = z.strictObject({ warehouseId: z.uuid() });
export const StockLocationParams = z.strictObject({ stockLocationId: z.uuid() });

export const CreateWarehouseBody = z.strictObject({
  code: WarehouseCode,
  name: displayText().min(1, 'Name the warehouse.').max(200),
  address: PostalAddress.nullable().optional(),
  active: z.boolean().default(true),
});
export type CreateWarehouseInput = z.output<typeof CreateWarehouseBody>;

export const UpdateWarehouseBody = z
  .strictObject({
    version: VersionField,
    code: WarehouseCode.optional(),
    name: displayText().min(1).max(200).optional(),
    address: PostalAddress.nullable().optional(),
    active: z
      .boolean()
      .optional()
      .meta({ description: 'false deactivates: refused with 409 while it holds stock.' }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Send at least one field to change.',
  });
export type UpdateWarehouseInput = z.output<typeof UpdateWarehouseBody>;

export const ListWarehousesQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only warehouses whose code or name contains this.' }),
  active: z
    .stringbool()
    .optional()
    .meta({ maxLength: 8, description: 'Only active (true) or inactive (false) warehouses.' }),
});
export type ListWarehousesQuery = z.output<typeof ListWarehousesQuery>;

/** The kinds people create; receiving and shipping come with the warehouse, one each. */
export const CreatableKind = LocationKind.exclude(['receiving', 'shipping']);

/** `A-01`..`A-20`: one location per number, the width of the first (`01`) kept. */
export const CodeRange = z
  .strictObject({
    from: LocationCode,
    to: LocationCode,
  })
  .meta({
    description: 'Creates one location per code from `from` to `to` (same prefix, numeric end, at most 200).',
  });

export const CreateLocationBody = z
  .strictObject({
    parentId: z.uuid().nullable().optional(),
    code: LocationCode.optional(),
    range: CodeRange.optional(),
    name: displayText().max(200).nullable().optional(),
    kind: CreatableKind.default('bin'),
    barcode: Barcode.optional().meta({
      description: 'Defaults to `<warehouse code>-<codes from the root joined by ->`, e.g. `WH1-A-03-B2`.',
    }),
  })
  .refine((body) => (body.code === undefined) !== (body.range === undefined), {
    message: 'Send either `code` or `range`.',
    path: ['code'],
  })
  .refine((body) => !(body.range && body.barcode), {
    message: 'A range takes default barcodes.',
    path: ['barcode'],
  });
export type CreateLocationInput = z.output<typeof CreateLocationBody>;

export const CreatedLocations = z.object({ items: z.array(StockLocation) });

export const UpdateLocationBody = z
  .strictObject({
    version: VersionField,
    code: LocationCode.optional(),
    name: displayText().max(200).nullable().optional(),
    kind: CreatableKind.optional(),
    parentId: z.uuid().nullable().optional().meta({
      description:
        'Moves it (and its subtree) under another location of the same warehouse; null makes it a root.',
    }),
    barcode: Barcode.optional(),
    active: z.boolean().optional().meta({
      description: 'false deactivates it and its subtree: refused with 409 while any of them holds stock.',
    }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Send at least one field to change.',
  });
export type UpdateLocationInput = z.output<typeof UpdateLocationBody>;

export const ListLocationsQuery = z.strictObject({
  active: z
    .stringbool()
    .optional()
    .meta({ maxLength: 8, description: 'true: only active locations (and no inactive subtrees).' }),
});

export const LocationTree = z.object({ items: z.array(StockLocation) });

export { MAX_LOCATION_DEPTH, StockLocation };
