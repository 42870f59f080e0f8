import { paginationQuery } from '@halooid/shared/db/pagination';
import { CurrencyInput } from '@halooid/shared/decimal';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { Quantity } from '../domain/decimals';
import { REQUISITION_ACTIONS, REQUISITION_STATUSES } from './requisition-status';

/**
 * Purchase requisitions as the API shows them, and what requests may send.
 * Quantities are stored in the item's base unit: a line asked in boxes is
 * converted when it is saved, and shown in the base unit from then on.
 */

const IsoDate = z.iso.date().max(10);

export const RequisitionLineInput = z.strictObject({
  itemId: z.uuid(),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20).optional().meta({
    description:
      'The unit `quantity` is in (box); the item’s base unit when left out. Stored in the base unit.',
  }),
  supplierId: z.uuid().nullable().optional().meta({
    description: 'The supplier to order from; the item’s default supplier when left out.',
  }),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type RequisitionLineInput = z.output<typeof RequisitionLineInput>;

const Lines = z.array(RequisitionLineInput).min(1, 'Ask for at least one item.').max(100);

export const CreateRequisitionBody = z.strictObject({
  neededBy: IsoDate.nullable().optional(),
  warehouseId: z.uuid().nullable().optional().meta({ description: 'Where the goods should arrive.' }),
  note: z.string().trim().max(2000).nullable().optional(),
  lines: Lines,
});
export type CreateRequisitionInput = z.output<typeof CreateRequisitionBody>;

export const UpdateRequisitionBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its version.
    version: VersionField,
    neededBy: IsoDate.nullable().optional(),
    warehouseId: z.uuid().nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    lines: Lines.optional().meta({ description: 'Replaces every line.' }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  })
  .meta({ description: 'Only the fields sent change; `null` clears one; `lines` replaces them all.' });
export type UpdateRequisitionInput = z.output<typeof UpdateRequisitionBody>;

export const ApproveRequisitionBody = z
  .strictObject({ note: z.string().trim().max(1000).optional() })
  .optional()
  .meta({ description: 'An optional note the requester reads.' });

export const RejectRequisitionBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why.')
    .max(1000)
    .meta({ description: 'Why: the requester reads it.' }),
});

export const OrderRequisitionBody = z
  .strictObject({
    warehouseId: z.uuid().optional().meta({
      description: 'The warehouse to deliver to; the requisition’s when left out (one of them is needed).',
    }),
    exchangeRates: z
      .record(
        CurrencyInput,
        z
          .string()
          .max(19)
          .regex(/^\d{1,10}(\.\d{1,8})?$/, 'A positive decimal such as "1.0825".')
          .refine((rate) => /[1-9]/.test(rate), 'Must be greater than zero.'),
      )
      .optional()
      .meta({
        description:
          'Base-currency units per one unit of each other currency an order will be in (`{"EUR": "1.0825"}`): needed for every supplier currency that is not the base currency.',
      }),
  })
  .optional();
export type OrderRequisitionInput = z.output<typeof OrderRequisitionBody>;

export const RequisitionParams = z.strictObject({ requisitionId: z.uuid() });

export const RequisitionLine = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string().meta({ description: 'The item’s base unit, which `quantity` is in.' }),
  quantity: z.string(),
  supplierId: z.uuid().nullable(),
  supplierName: z.string().nullable(),
  note: z.string().nullable(),
  purchaseOrderLineId: z.uuid().nullable(),
  purchaseOrderId: z.uuid().nullable(),
});

const RequisitionStatus = z.enum(REQUISITION_STATUSES);

const requisitionSummaryFields = {
  id: z.uuid(),
  number: z.string(),
  status: RequisitionStatus,
  requestedBy: z.uuid().nullable(),
  neededBy: z.iso.date().nullable(),
  warehouseId: z.uuid().nullable(),
  note: z.string().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const RequisitionSummary = z.object({ ...requisitionSummaryFields, lineCount: z.number().int() });
export type RequisitionSummary = z.infer<typeof RequisitionSummary>;

export const Requisition = z.object({
  ...requisitionSummaryFields,
  lines: z.array(RequisitionLine),
  purchaseOrders: z
    .array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        status: z.string(),
        supplierId: z.uuid(),
        currency: z.string(),
        total: z.string(),
      }),
    )
    .meta({ description: 'The purchase orders its lines became.' }),
  actions: z.array(z.enum(REQUISITION_ACTIONS)).meta({ description: 'What you may do with it now.' }),
});
export type Requisition = z.infer<typeof Requisition>;

export const OrderRequisitionResult = z.object({
  purchaseOrderIds: z
    .array(z.uuid())
    .meta({ description: 'The draft purchase orders made, one per supplier.' }),
  requisition: Requisition,
});

export const ListRequisitionsQuery = z.strictObject({
  ...paginationQuery,
  mine: z.enum(['true', 'false']).optional().meta({
    description:
      '`true`: only the ones you asked for. Without `invantray:procurement:read` you only ever see your own.',
  }),
  status: z
    .string()
    .max(100)
    .regex(
      new RegExp(`^(${REQUISITION_STATUSES.join('|')})(,(${REQUISITION_STATUSES.join('|')}))*$`),
      'Statuses separated by commas.',
    )
    .optional()
    .meta({ description: 'One status or several, comma-separated (`submitted,approved`).' }),
  q: z.string().trim().min(1).max(40).optional().meta({ description: 'Numbers containing this (REQ-0004).' }),
  sort: z.string().max(100).optional().meta({
    description:
      'Comma-separated fields, `-` for descending: createdAt, neededBy, number. Default `-createdAt`.',
  }),
});
export type ListRequisitionsQuery = z.output<typeof ListRequisitionsQuery>;
