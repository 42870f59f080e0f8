import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { consumeReservation } from './consume-reservation';
import { listMoves } from './list-moves';
import { getReservation, listReservations } from './list-reservations';
import { listStock } from './list-stock';
import { postAdjustments } from './post-adjustments';
import { postStockMoves } from './post-moves';
import { releaseReservation } from './release-reservation';
import { reserveStock } from './reserve-stock';
import { stockService } from './service';
import { stockSummary } from './stock-summary';

const reservationPath = (id: string) => `/v1/invantray/reservations/${id}`;

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(stockService, {
  postStockMoves: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => postStockMoves(body, deps)),
  }),
  postStockAdjustments: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => postAdjustments(body, deps)),
  }),
  listStockMoves: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listMoves(query, deps)),
  }),
  listStock: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listStock(query, deps)),
  }),
  getStockSummary: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => stockSummary(query, deps)),
  }),
  createReservation: async ({ body, inTenant }) => {
    const reservation = await inTenant((deps) => reserveStock(body, deps));
    return {
      body: reservation,
      headers: { Location: reservationPath(reservation.id), ...etag(reservation.version) },
    };
  },
  listReservations: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listReservations(query, deps)),
  }),
  getReservation: async ({ params, inTenant }) => {
    const reservation = await inTenant((deps) => getReservation(params.reservationId, deps));
    return { body: reservation, headers: etag(reservation.version) };
  },
  releaseReservation: async ({ params, inTenant }) => {
    const reservation = await inTenant((deps) => releaseReservation(params.reservationId, deps));
    return { body: reservation, headers: etag(reservation.version) };
  },
  consumeReservation: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => consumeReservation(params.reservationId, body, deps)),
  }),
});
