import { recordAudit } from '@halooid/shared/audit';
import { trimDecimal } from '@halooid/shared/decimal';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { lotKeyOf } from '../domain/decimals';
import type { Reservation } from './reservation-schemas';
import { selectReservation, unreserveOnBalance, updateReservation } from './reservations-repository';

export type ReleaseReservationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * Lets go of a reservation: what it held becomes available again. Only an
 * active one (409 `reservation_not_active` otherwise); the row lock makes a
 * release racing a consume of the same reservation see the other's result.
 */
export async function releaseReservation(id: string, deps: ReleaseReservationDeps): Promise<Reservation> {
  const { tx, principal } = deps;
  const reservation = await selectReservation(tx, principal.tenantId, id, { lock: true });
  if (!reservation) throw new NotFoundError('Reservation not found.');
  if (reservation.status !== 'active')
    throw new ConflictError(`The reservation is ${reservation.status} already.`, 'reservation_not_active', {
      status: reservation.status,
    });
  await unreserveOnBalance(
    tx,
    principal.tenantId,
    {
      itemId: reservation.itemId,
      locationId: reservation.stockLocationId,
      lotKey: lotKeyOf(reservation.lotId),
    },
    reservation.quantity,
  );
  await updateReservation(tx, principal.tenantId, id, { status: 'released', quantity: reservation.quantity });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.reservation.released',
    targetType: 'invantray.reservation',
    targetId: id,
    details: { quantity: trimDecimal(reservation.quantity) },
  });
  return (await selectReservation(tx, principal.tenantId, id)) as Reservation;
}
