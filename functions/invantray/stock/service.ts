import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  ConsumedReservation,
  ConsumeReservationBody,
  CreateReservationBody,
  ListReservationsQuery,
  Reservation,
  ReservationParams,
} from './reservation-schemas';
import {
  ListMovesQuery,
  ListStockQuery,
  MoveRecord,
  PostAdjustmentsBody,
  PostedMoves,
  PostMovesBody,
  StockPage,
  StockSummary,
  StockSummaryQuery,
} from './schemas';

const INSUFFICIENT =
  '409 `insufficient_stock` (with `itemId`, `stockLocationId` and what is `available`) when a line would take more than is available there; nothing of the request is posted then.';

/**
 * The stock ledger's API: moves (receipt, issue, transfer), adjustments, the
 * ledger itself, balances now and at a date, and reservations. Every change
 * goes through domain/stock-ledger.ts in the request's one transaction.
 * `move` (day-to-day warehouse work, reservations included) and `adjust`
 * (correcting the books, approving large count variances) are separate
 * grants: a storekeeper may move stock without being able to write it off.
 */
export const stockService = defineService({
  product: 'invantray',
  capability: 'stock',
  description: 'The stock ledger: moves, adjustments, balances (now and at a date) and reservations.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'stock.moved' }],
  permissions: [
    { name: 'invantray:stock:read', description: 'See stock balances, the ledger and reservations.' },
    {
      name: 'invantray:stock:move',
      description: 'Receive, issue and transfer stock; reserve, release and consume reservations.',
    },
    {
      name: 'invantray:stock:adjust',
      description:
        'Adjust stock by hand and approve cycle counts whose variance is over the tenant’s threshold.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'postStockMoves',
      method: 'POST',
      path: '/v1/invantray/stock/moves',
      permission: 'invantray:stock:move',
      summary: 'Receive, issue or transfer stock',
      description: `All lines in one transaction, all or nothing. Quantities in \`unit\` (the item's base unit when absent) are converted; lot-tracked items name \`lotNumber\`, serial-tracked ones \`serialNumbers\` (one move per serial); a receipt creates new numbers. A receipt's \`unitCost\` (base currency, per \`unit\`) moves the item's moving-average cost; without one it is valued at the current average. Send \`Idempotency-Key\`: a retried request answers the first result and posts nothing again. ${INSUFFICIENT}`,
      body: PostMovesBody,
      status: 201,
      response: PostedMoves,
    }),
    defineRoute({
      operationId: 'postStockAdjustments',
      method: 'POST',
      path: '/v1/invantray/stock/adjustments',
      permission: 'invantray:stock:adjust',
      summary: 'Adjust stock',
      description: `Adds found stock or removes damaged or lost stock, each line with its reason (kept as the move's note), valued at the item's average cost. All lines or none. ${INSUFFICIENT}`,
      body: PostAdjustmentsBody,
      status: 201,
      response: PostedMoves,
    }),
    defineRoute({
      operationId: 'listStockMoves',
      method: 'GET',
      path: '/v1/invantray/stock/moves',
      permission: 'invantray:stock:read',
      summary: 'List stock moves (the ledger)',
      description:
        'Newest first, a page at a time. `stockLocationId` and `warehouseId` match either side of a move; `from` is inclusive, `to` exclusive.',
      query: ListMovesQuery,
      response: pageOf(MoveRecord),
    }),
    defineRoute({
      operationId: 'listStock',
      method: 'GET',
      path: '/v1/invantray/stock',
      permission: 'invantray:stock:read',
      summary: 'List stock balances',
      description:
        'One row per item × location × lot, by SKU: on hand, reserved and available (rows with nothing are left out unless `includeZero=true`). With `at`, on hand at that instant (a date: its close, UTC) derived from the ledger, and `reserved`/`available` null.',
      query: ListStockQuery,
      response: StockPage,
    }),
    defineRoute({
      operationId: 'getStockSummary',
      method: 'GET',
      path: '/v1/invantray/stock/summary',
      permission: 'invantray:stock:read',
      summary: 'One item’s stock by warehouse',
      description:
        'On hand, reserved, available and value (at the item’s average cost, base currency) per warehouse and in total, now or `at` a date. Another tenant’s item is a 404.',
      query: StockSummaryQuery,
      response: StockSummary,
    }),
    defineRoute({
      operationId: 'createReservation',
      method: 'POST',
      path: '/v1/invantray/reservations',
      permission: 'invantray:stock:move',
      summary: 'Reserve stock',
      description: `Holds a quantity at one location (and lot) so issues and other reservations cannot take it. Honours \`Idempotency-Key\`. ${INSUFFICIENT}`,
      body: CreateReservationBody,
      status: 201,
      response: Reservation,
    }),
    defineRoute({
      operationId: 'listReservations',
      method: 'GET',
      path: '/v1/invantray/reservations',
      permission: 'invantray:stock:read',
      summary: 'List reservations',
      description: 'Newest first, a page at a time.',
      query: ListReservationsQuery,
      response: pageOf(Reservation),
    }),
    defineRoute({
      operationId: 'getReservation',
      method: 'GET',
      path: '/v1/invantray/reservations/{reservationId}',
      permission: 'invantray:stock:read',
      summary: 'Get a reservation',
      params: ReservationParams,
      response: Reservation,
    }),
    defineRoute({
      operationId: 'releaseReservation',
      method: 'POST',
      path: '/v1/invantray/reservations/{reservationId}/release',
      permission: 'invantray:stock:move',
      summary: 'Release a reservation',
      description:
        'What it held becomes available again. 409 `reservation_not_active` when released or consumed already.',
      params: ReservationParams,
      response: Reservation,
    }),
    defineRoute({
      operationId: 'consumeReservation',
      method: 'POST',
      path: '/v1/invantray/reservations/{reservationId}/consume',
      permission: 'invantray:stock:move',
      summary: 'Issue reserved stock',
      description:
        'Posts an issue of the reserved stock (reference: the reservation), all of it or `quantity` (the rest stays reserved). Send `{}` for all. 409 `reservation_not_active` when released or consumed already; 422 `over_reservation` for more than it holds.',
      params: ReservationParams,
      body: ConsumeReservationBody,
      response: ConsumedReservation,
    }),
  ],
});
