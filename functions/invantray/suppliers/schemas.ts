import { PostalAddress, PostalAddressView } from '@halooid/shared/address';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { CurrencyInput } from '@halooid/shared/decimal';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { Quantity, UnitPrice } from '../domain/decimals';

/**
 * Suppliers and their prices as the API shows them, and what requests may
 * send. Every request string has a maximum length (Spectral); names go
 * through displayText (no direction controls or invisible characters).
 */

const IsoDate = z.iso.date().max(10);

export const SupplierContact = z.strictObject({
  name: displayText().min(1, 'Name the contact.').max(200),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  role: z.string().trim().max(50).nullable().optional().meta({ description: 'Such as sales or accounts.' }),
});
export type SupplierContact = z.output<typeof SupplierContact>;

const ContactView = z.object({
  name: z.string(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  role: z.string().nullable().optional(),
});

export const Supplier = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: PostalAddressView.nullable(),
  contacts: z.array(ContactView),
  currency: z.string(),
  paymentTermsDays: z.number().int(),
  leadTimeDays: z.number().int(),
  notes: z.string().nullable(),
  active: z.boolean(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Supplier = z.infer<typeof Supplier>;

export const SupplierParams = z.strictObject({ supplierId: z.uuid() });
export const SupplierPriceParams = z.strictObject({ supplierPriceId: z.uuid() });
export const ItemSupplierPricesParams = z.strictObject({ itemId: z.uuid() });

const supplierFields = {
  code: displayText()
    .min(1, 'Give the supplier a code.')
    .max(40)
    .meta({ description: 'Short code, unique in the tenant whatever its case (ACME-TOOLS).' }),
  name: displayText().min(1, 'Name the supplier.').max(200),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .optional()
    .meta({ description: 'An http(s) URL.' }),
  address: PostalAddress.nullable().optional(),
  contacts: z.array(SupplierContact).max(20).optional(),
  currency: CurrencyInput.optional().meta({
    description: 'The currency it quotes and invoices in; the tenant’s base currency when left out.',
  }),
  paymentTermsDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .meta({ description: 'Days to pay; 30 when left out.' }),
  leadTimeDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .meta({ description: 'Days from order to delivery; 7 when left out.' }),
  notes: z.string().trim().max(4000).nullable().optional(),
  active: z.boolean().optional(),
};

export const CreateSupplierBody = z.strictObject(supplierFields);
export type CreateSupplierInput = z.output<typeof CreateSupplierBody>;

const { code, name, ...optionalFields } = supplierFields;
export const UpdateSupplierBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its version.
    version: VersionField,
    code: code.optional(),
    name: name.optional(),
    ...optionalFields,
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  })
  .meta({ description: 'Only the fields sent change; `null` clears one. `contacts` replaces the list.' });
export type UpdateSupplierInput = z.output<typeof UpdateSupplierBody>;

export const ListSuppliersQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Suppliers whose code or name contains this (case-insensitive).' }),
  active: z
    .enum(['true', 'false', 'all'])
    .default('true')
    .meta({ description: 'Active suppliers (default), inactive ones, or `all`.' }),
  sort: z.string().max(100).optional().meta({
    description: 'Comma-separated fields, `-` for descending: name, code, createdAt. Default `name`.',
  }),
});
export type ListSuppliersQuery = z.output<typeof ListSuppliersQuery>;

/** One quantity break of a supplier's price for an item, from its date. */
export const SupplierPrice = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string().meta({ description: 'The item’s base unit: `minQuantity` and the price are per this.' }),
  minQuantity: z.string(),
  unitPrice: z.string(),
  currency: z.string(),
  supplierSku: z.string().nullable(),
  effectiveFrom: z.iso.date(),
  createdAt: z.iso.datetime(),
});
export type SupplierPrice = z.infer<typeof SupplierPrice>;

export const CreateSupplierPriceBody = z.strictObject({
  itemId: z.uuid(),
  minQuantity: Quantity.optional().meta({
    description: 'The smallest quantity (in the item’s base unit) this price is for; 1 when left out.',
  }),
  unitPrice: UnitPrice,
  currency: CurrencyInput.optional().meta({ description: 'The supplier’s currency when left out.' }),
  supplierSku: z.string().trim().min(1).max(64).nullable().optional(),
  effectiveFrom: IsoDate.optional().meta({
    description: 'The first day the price applies; today when left out.',
  }),
});
export type CreateSupplierPriceInput = z.output<typeof CreateSupplierPriceBody>;

export const ListSupplierPricesQuery = z.strictObject({
  ...paginationQuery,
  itemId: z.uuid().optional().meta({ description: 'Only this item’s prices.' }),
  current: z.enum(['true', 'false']).optional().meta({
    description:
      '`true`: only the rows in effect today (per quantity break, the newest whose `effectiveFrom` is today or earlier). Otherwise every row, past and future.',
  }),
});
export type ListSupplierPricesQuery = z.output<typeof ListSupplierPricesQuery>;

/** An item's current quantity breaks at one supplier. */
export const ItemSupplier = z.object({
  supplierId: z.uuid(),
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  leadTimeDays: z.number().int(),
  active: z.boolean(),
  isDefault: z.boolean().meta({ description: 'The item’s default supplier.' }),
  breaks: z.array(
    z.object({
      id: z.uuid(),
      minQuantity: z.string(),
      unitPrice: z.string(),
      currency: z.string(),
      supplierSku: z.string().nullable(),
      effectiveFrom: z.iso.date(),
    }),
  ),
});
export const ItemSupplierPrices = z.object({ itemId: z.uuid(), suppliers: z.array(ItemSupplier) });
export type ItemSupplierPrices = z.infer<typeof ItemSupplierPrices>;

export const QuoteQuery = z.strictObject({
  itemId: z.uuid(),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20).optional().meta({
    description: 'The unit `quantity` is in (a box); the item’s base unit when left out.',
  }),
  on: IsoDate.optional().meta({ description: 'The date to price on; today when left out.' }),
});
export type QuoteQuery = z.output<typeof QuoteQuery>;

export const Quote = z.object({
  supplierId: z.uuid(),
  itemId: z.uuid(),
  quantity: z.string().meta({ description: 'In the item’s base unit.' }),
  on: z.iso.date(),
  price: z
    .object({
      unitPrice: z.string(),
      currency: z.string(),
      minQuantity: z.string(),
      supplierSku: z.string().nullable(),
      effectiveFrom: z.iso.date(),
      lineTotal: z.string().meta({ description: 'quantity × unit price, rounded to cents.' }),
    })
    .nullable()
    .meta({ description: 'Null when the supplier quotes no price for that quantity on that date.' }),
});
export type Quote = z.infer<typeof Quote>;
