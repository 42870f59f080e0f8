import { calendarDate } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { CurrencyInput } from '@halooid/shared/decimal';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { Quantity, UnitPrice } from '../domain/decimals';
import { PURCHASE_ORDER_STATUSES } from '../domain/snapshots';

/**
 * Receipts against purchase orders and supplier invoices with their
 * three-way match, as the API shows them and as requests send them.
 * Quantities and prices are decimal strings; a receipt's quantities are in
 * the unit the receiver names (the item's base unit when none), the lines it
 * answers with are in the base unit.
 */

export const PurchaseOrderParams = z.strictObject({ purchaseOrderId: z.uuid() });
export const ReceiptParams = z.strictObject({ receiptId: z.uuid() });

/** Lot and serial numbers as people type or scan them. */
const LotNumber = displayText().min(1).max(100);

export const ReceiveLine = z.strictObject({
  purchaseOrderLineId: z.uuid(),
  quantity: Quantity,
  unit: displayText()
    .min(1)
    .max(20)
    .optional()
    .meta({ description: 'A unit of the item (a box of 12); the item’s base unit when left out.' }),
  toStockLocationId: z.uuid().optional().meta({
    description: 'Where the goods go, in the order’s warehouse; its receiving location when left out.',
  }),
  lotNumber: LotNumber.optional().meta({
    description: 'Required for lot-tracked items: the lot the goods belong to (made on first receipt).',
  }),
  expiresOn: calendarDate()
    .optional()
    .meta({ description: 'The lot’s expiry date, kept when the lot is new.' }),
  serialNumbers: z
    .array(LotNumber)
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'Required for serial-tracked items: one number per unit received.' }),
});

export const ReceiveBody = z.strictObject({
  lines: z.array(ReceiveLine).min(1).max(200),
  note: displayText().max(1000).optional(),
});
export type ReceiveInput = z.output<typeof ReceiveBody>;
export type ReceiveLineInput = z.output<typeof ReceiveLine>;

export const ListReceiptsQuery = z.strictObject({ ...paginationQuery });
export type ListReceiptsQuery = z.output<typeof ListReceiptsQuery>;

export const ReceiptLine = z.object({
  id: z.uuid(),
  purchaseOrderLineId: z.uuid(),
  lineNo: z.number().int(),
  item: z.object({ id: z.uuid(), sku: z.string(), name: z.string(), unit: z.string() }),
  quantity: z.string().meta({ description: 'In the item’s base unit.' }),
  location: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string().nullable(),
    warehouseId: z.uuid(),
  }),
  lot: z
    .object({
      id: z.uuid(),
      kind: z.enum(['lot', 'serial']),
      number: z.string(),
      expiresOn: z.iso.date().nullable(),
    })
    .nullable(),
  unitCost: z.string().meta({ description: 'The receipt move’s cost per base unit, in the base currency.' }),
  moveId: z.uuid(),
});

export const Receipt = z.object({
  id: z.uuid(),
  number: z.string().meta({ description: 'RCV-00001' }),
  purchaseOrder: z.object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(PURCHASE_ORDER_STATUSES),
  }),
  note: z.string().nullable(),
  receivedBy: z.uuid().nullable(),
  receivedAt: z.iso.datetime(),
  lines: z.array(ReceiptLine),
});
export type Receipt = z.infer<typeof Receipt>;
export type ReceiptLine = z.infer<typeof ReceiptLine>;

// ---------------------------------------------------------------------------
// Supplier invoices and the three-way match.

export const MATCH_STATUSES = ['matched', 'quantity_mismatch', 'price_mismatch', 'mismatch'] as const;
export const MatchStatus = z.enum(MATCH_STATUSES);

export const InvoiceLineInput = z.strictObject({
  purchaseOrderLineId: z.uuid(),
  quantity: Quantity.meta({ description: 'Invoiced quantity in the item’s base unit.' }),
  unitPrice: UnitPrice.meta({ description: 'Invoiced price per base unit, in the order’s currency.' }),
});

export const RecordInvoiceBody = z
  .strictObject({
    invoiceNumber: displayText().min(1).max(64),
    invoiceDate: calendarDate(),
    currency: CurrencyInput.meta({ description: 'Must be the order’s currency.', examples: ['USD'] }),
    lines: z.array(InvoiceLineInput).min(1).max(200),
  })
  .superRefine((body, ctx) => {
    // One line per order line: a supplier's two lines for one order line are added up before recording.
    const seen = new Set<string>();
    body.lines.forEach((line, index) => {
      if (seen.has(line.purchaseOrderLineId))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', index, 'purchaseOrderLineId'],
          message: 'This order line is already on the invoice.',
        });
      seen.add(line.purchaseOrderLineId);
    });
  });
export type RecordInvoiceInput = z.output<typeof RecordInvoiceBody>;

export const ListInvoicesQuery = z.strictObject({ ...paginationQuery });
export type ListInvoicesQuery = z.output<typeof ListInvoicesQuery>;

export const InvoiceMatchLine = z.object({
  purchaseOrderLineId: z.uuid(),
  lineNo: z.number().int(),
  itemId: z.uuid(),
  sku: z.string(),
  quantity: z.string().meta({ description: 'Invoiced on this invoice.' }),
  ordered: z.string(),
  received: z.string().meta({ description: 'Received when the invoice was recorded.' }),
  invoiced: z
    .string()
    .meta({ description: 'Invoiced on every invoice of the order so far, this one included.' }),
  orderedPrice: z.string(),
  invoicedPrice: z.string(),
  status: MatchStatus,
});
export type InvoiceMatchLine = z.infer<typeof InvoiceMatchLine>;

export const Invoice = z.object({
  id: z.uuid(),
  purchaseOrderId: z.uuid(),
  invoiceNumber: z.string(),
  invoiceDate: z.iso.date(),
  currency: z.string(),
  total: z.string(),
  matchStatus: MatchStatus,
  lines: z.array(InvoiceMatchLine),
  purchaseOrderMatchStatus: z.enum(['pending', ...MATCH_STATUSES]).meta({
    description: 'The order’s match over all its invoices and what it has received now.',
  }),
  recordedBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Invoice = z.infer<typeof Invoice>;
