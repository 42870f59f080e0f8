import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { ListReservationsQuery, Reservation } from './reservation-schemas';
import { selectReservation, selectReservations } from './reservations-repository';

export type ReadReservationsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** Reservations newest first, filtered by item, location, status or reference. */
export function listReservations(query: ListReservationsQuery, deps: ReadReservationsDeps) {
  return selectReservations(deps.tx, deps.principal.tenantId, query);
}

/** One reservation; another tenant's (or none) is a 404. */
export async function getReservation(id: string, deps: ReadReservationsDeps): Promise<Reservation> {
  const reservation = await selectReservation(deps.tx, deps.principal.tenantId, id);
  if (!reservation) throw new NotFoundError('Reservation not found.');
  return reservation;
}
