import { paginationQuery } from '@halooid/shared/db/pagination';
import { CurrencyInput, decimalInput } from '@halooid/shared/decimal';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { Quantity, UnitPrice } from '../domain/decimals';
import { PURCHASE_ORDER_STATUSES } from '../domain/snapshots';

/**
 * What the purchase order routes accept and answer. Quantities, prices and
 * totals are decimal strings; quantities are stored in the item's base unit.
 */
export const PurchaseOrderParams = z.strictObject({ purchaseOrderId: z.uuid() });

const ExchangeRate = decimalInput({
  whole: 10,
  places: 8,
  zero: false,
  description:
    'Base-currency units per one unit of the order’s currency ("1.0825"). Required when the order’s currency is not the base currency; 1 (or omitted) otherwise.',
});

const lineFields = {
  itemId: z.uuid(),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20).optional().meta({
    description:
      'The unit `quantity` is in (one of the item’s units, such as `box`); the line stores it in the base unit. Default: the base unit.',
  }),
  unitPrice: UnitPrice.optional().meta({
    description:
      'Price of one BASE unit in the order’s currency. Default: the supplier’s price for the item, quantity and today (its quantity breaks), when it quotes one in the order’s currency; otherwise 422 `no_supplier_price` naming the line.',
  }),
  note: displayText().max(1000).optional(),
};

export const OrderLineInput = z.strictObject(lineFields);
export type OrderLineInput = z.output<typeof OrderLineInput>;

const orderFields = {
  supplierId: z.uuid(),
  warehouseId: z.uuid().meta({ description: 'The warehouse the goods are shipped to.' }),
  currency: CurrencyInput.optional().meta({
    description: 'ISO 4217 code. Default: the supplier’s currency.',
  }),
  exchangeRate: ExchangeRate.optional(),
  expectedOn: z.iso.date().optional().meta({ description: 'When the goods are expected (YYYY-MM-DD).' }),
  note: displayText().max(2000).optional(),
};

export const CreatePurchaseOrderBody = z.strictObject({
  ...orderFields,
  lines: z.array(OrderLineInput).min(1).max(200),
});
export type CreatePurchaseOrderInput = z.output<typeof CreatePurchaseOrderBody>;

export const OrderLineEdit = z.strictObject({
  id: z.uuid().optional().meta({
    description:
      'An existing line of this order to change (it keeps its requisition or reorder link); without it the line is new. Existing lines not sent are removed.',
  }),
  ...lineFields,
  unitPrice: UnitPrice.optional().meta({
    description:
      'Price of one base unit. Omitted: an existing line keeps its price; a new line takes the supplier’s price.',
  }),
});
export type OrderLineEdit = z.output<typeof OrderLineEdit>;

export const UpdatePurchaseOrderBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its version.
    version: VersionField,
    supplierId: orderFields.supplierId.optional(),
    warehouseId: orderFields.warehouseId.optional(),
    currency: orderFields.currency,
    exchangeRate: orderFields.exchangeRate,
    expectedOn: z.iso.date().nullable().optional(),
    note: displayText().max(2000).nullable().optional(),
    lines: z.array(OrderLineEdit).min(1).max(200).optional().meta({
      description:
        'The order’s lines after the change, in order: lines with an `id` are edited, others added, the rest removed.',
    }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdatePurchaseOrderInput = z.output<typeof UpdatePurchaseOrderBody>;

export const RejectPurchaseOrderBody = z.strictObject({
  reason: displayText().min(1).max(1000).meta({ description: 'Why; the buyer reads it.' }),
});

const STATUS_LIST = new RegExp(
  `^(${PURCHASE_ORDER_STATUSES.join('|')})(,(${PURCHASE_ORDER_STATUSES.join('|')}))*$`,
);

export const ListPurchaseOrdersQuery = z.strictObject({
  ...paginationQuery,
  status: z
    .string()
    .max(200)
    .regex(STATUS_LIST, `Comma-separated: ${PURCHASE_ORDER_STATUSES.join(', ')}.`)
    .optional()
    .meta({
      description: 'One status or several, comma-separated (`submitted,approved`).',
    }),
  supplierId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  source: z.enum(['manual', 'requisition', 'reorder']).optional(),
  q: z.string().trim().min(1).max(50).optional().meta({ description: 'Orders whose number contains this.' }),
  sort: z.string().max(100).optional().meta({
    description:
      'Comma-separated fields, `-` for descending: createdAt, updatedAt, number, expectedOn. Default `-createdAt`.',
  }),
});
export type ListPurchaseOrdersQuery = z.output<typeof ListPurchaseOrdersQuery>;

export const DocumentQuery = z.strictObject({
  format: z.enum(['html', 'pdf']).default('html'),
});

const Party = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const Instant = z.iso.datetime({ offset: true });

export const CALLER_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'reject',
  'send',
  'receive',
  'close',
  'cancel',
] as const;

const summaryFields = {
  id: z.uuid(),
  number: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  source: z.enum(['manual', 'requisition', 'reorder']),
  supplier: Party,
  warehouse: Party,
  currency: z.string(),
  total: z.string(),
  requiredApproval: z.enum(['none', 'approve_permission', 'owner']).nullable(),
  expectedOn: z.iso.date().nullable(),
  lineCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
};

export const PurchaseOrderSummary = z.object(summaryFields);
export type PurchaseOrderSummary = z.infer<typeof PurchaseOrderSummary>;

export const PurchaseOrderLine = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  itemId: z.uuid(),
  sku: z.string(),
  name: z.string(),
  unit: z.string().meta({ description: 'The item’s base unit: what quantities count.' }),
  quantity: z.string(),
  unitPrice: z.string(),
  receivedQuantity: z.string(),
  lineTotal: z.string().meta({ description: 'quantity × unit price, rounded to cents.' }),
  note: z.string().nullable(),
  requisitionLineId: z.uuid().nullable(),
  reorderWarehouseId: z.uuid().nullable(),
});
export type PurchaseOrderLine = z.infer<typeof PurchaseOrderLine>;

export const PurchaseOrder = z.object({
  ...summaryFields,
  exchangeRate: z.string(),
  baseCurrency: z.string(),
  totalInBaseCurrency: z
    .string()
    .meta({ description: 'total × exchange rate, rounded to cents: what approval is decided on.' }),
  note: z.string().nullable(),
  matchStatus: z.enum(['pending', 'matched', 'quantity_mismatch', 'price_mismatch', 'mismatch']),
  submittedBy: z.uuid().nullable(),
  submittedAt: Instant.nullable(),
  approvedBy: z.uuid().nullable(),
  approvedAt: Instant.nullable(),
  sentAt: Instant.nullable(),
  receivedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  cancelledAt: Instant.nullable(),
  lines: z.array(PurchaseOrderLine),
  allowedActions: z.array(z.enum(CALLER_ACTIONS)).meta({
    description: 'What you may do to this order now (the web shows these buttons).',
  }),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;
