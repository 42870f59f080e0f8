import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { postAndRead } from './post-moves';
import type { ConsumeReservationInput, Reservation } from './reservation-schemas';
import { selectReservation, updateReservation } from './reservations-repository';
import type { PostedMoves } from './schemas';

export type ConsumeReservationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'actor'>;

/**
 * Issues reserved stock: an `issue` move from the reservation's location and
 * lot that takes the quantity out of the reserved part (`fromReserved`), with
 * the reservation as its reference. All of it by default; less leaves the
 * rest held (the reservation's quantity shrinks, it stays active).
 */
export async function consumeReservation(
  id: string,
  input: ConsumeReservationInput,
  deps: ConsumeReservationDeps,
): Promise<{ reservation: Reservation } & PostedMoves> {
  const { tx, principal } = deps;
  const reservation = await selectReservation(tx, principal.tenantId, id, { lock: true });
  if (!reservation) throw new NotFoundError('Reservation not found.');
  if (reservation.status !== 'active')
    throw new ConflictError(`The reservation is ${reservation.status} already.`, 'reservation_not_active', {
      status: reservation.status,
    });
  const quantity = input.quantity ?? reservation.quantity;
  const rest = await remainder(tx, reservation.quantity, quantity);
  if (rest === null)
    throw new BusinessRuleError(
      'over_reservation',
      `The reservation holds ${reservation.quantity} ${reservation.unit}.`,
      [{ field: 'body.quantity', message: 'At most what the reservation holds.', code: 'too_large' }],
    );
  const posted = await postAndRead(deps, [
    {
      kind: 'issue',
      itemId: reservation.itemId,
      lotId: reservation.lotId,
      quantity,
      fromLocationId: reservation.stockLocationId,
      fromReserved: true,
      reference: { type: 'reservation', id },
      note: input.note ?? reservation.note,
    },
  ]);
  await updateReservation(
    tx,
    principal.tenantId,
    id,
    rest === '0'
      ? { status: 'consumed', quantity: reservation.quantity }
      : { status: 'active', quantity: rest },
  );
  await recordAudit(tx, deps.actor, {
    action: 'invantray.reservation.consumed',
    targetType: 'invantray.reservation',
    targetId: id,
    details: { quantity: trimDecimal(quantity), remaining: trimDecimal(rest), batchId: posted.batchId },
  });
  return { reservation: (await selectReservation(tx, principal.tenantId, id)) as Reservation, ...posted };
}

/** held − taken in numeric ('0' when all of it), or null when more is asked than held. */
async function remainder(tx: Tx, held: string, taken: string): Promise<string | null> {
  const { rows } = await tx.query<{ rest: string | null }>(
    `select case when $1::numeric >= $2::numeric then ($1::numeric - $2::numeric)::text end as rest`,
    [held, taken],
  );
  const rest = rows[0]?.rest ?? null;
  return rest !== null && !/[1-9]/.test(rest) ? '0' : rest;
}
