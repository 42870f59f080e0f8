import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { Quantity } from '../domain/decimals';
import { MoveRecord } from './schemas';

/**
 * Reservations: stock held for a purpose (a task, an asset, an order). While
 * active, its quantity counts as `reserved` on the balance, so it is not
 * available to issues, transfers or other reservations.
 */
export const RESERVATION_STATUSES = ['active', 'released', 'consumed'] as const;
const ReferenceType = z.enum(['task', 'asset', 'order', 'manual']);

export const Reservation = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  sku: z.string(),
  unit: z.string(),
  stockLocationId: z.uuid(),
  locationCode: z.string(),
  warehouseId: z.uuid(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  quantity: z
    .string()
    .meta({ description: 'What it holds (still holds, after a partial consume), in base units.' }),
  status: z.enum(RESERVATION_STATUSES),
  reference: z.object({ type: ReferenceType, id: z.string() }).nullable(),
  note: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Reservation = z.infer<typeof Reservation>;

export const ReservationParams = z.strictObject({ reservationId: z.uuid() });

export const CreateReservationBody = z.strictObject({
  itemId: z.uuid(),
  stockLocationId: z.uuid(),
  lotNumber: z.string().trim().min(1).max(100).optional(),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20).optional(),
  reference: z.strictObject({ type: ReferenceType, id: z.string().trim().min(1).max(100) }).optional(),
  note: z.string().trim().min(1).max(1000).optional(),
});
export type CreateReservationInput = z.output<typeof CreateReservationBody>;

export const ConsumeReservationBody = z.strictObject({
  quantity: Quantity.optional().meta({
    description:
      'How much to issue, in base units; all it holds when absent. Less than that leaves the rest reserved.',
  }),
  note: z.string().trim().min(1).max(1000).optional(),
});
export type ConsumeReservationInput = z.output<typeof ConsumeReservationBody>;

export const ConsumedReservation = z.object({
  reservation: Reservation,
  batchId: z.uuid(),
  moves: z.array(MoveRecord),
});

export const ListReservationsQuery = z.strictObject({
  ...paginationQuery,
  itemId: z.uuid().optional(),
  stockLocationId: z.uuid().optional(),
  status: z.enum(RESERVATION_STATUSES).optional(),
  referenceType: ReferenceType.optional(),
  referenceId: z.string().trim().min(1).max(100).optional(),
});
export type ListReservationsQuery = z.output<typeof ListReservationsQuery>;
