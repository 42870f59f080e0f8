import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { lotKeyOf } from '../domain/decimals';
import { resolveLot } from '../domain/lots';
import { toBaseQuantity } from '../domain/units';
import type { CreateReservationInput, Reservation } from './reservation-schemas';
import { insertReservation, reserveOnBalance, selectReservation } from './reservations-repository';

export type ReserveStockDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'actor'>;

/**
 * Holds stock at one location (and lot) for a purpose: only what is
 * available (on hand − reserved) can be held, checked and raised in one
 * conditional update, else 409 `insufficient_stock`. The quantity is kept in
 * the item's base unit.
 */
export async function reserveStock(
  input: CreateReservationInput,
  deps: ReserveStockDeps,
): Promise<Reservation> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const item = await itemOf(tx, tenantId, input.itemId);
  if (item.tracking !== 'none' && input.lotNumber === undefined)
    throw new BusinessRuleError(
      'lot_required',
      `${item.sku} is tracked by ${item.tracking} number: name one.`,
      [{ field: 'body.lotNumber', message: 'Name the lot or serial number.', code: 'required' }],
    );
  const quantity = await toBaseQuantity(tx, tenantId, input.itemId, input.quantity, input.unit);
  const lotId =
    input.lotNumber === undefined
      ? null
      : await resolveLot(
          tx,
          { tenantId, newId: deps.newId },
          { itemId: input.itemId, number: input.lotNumber },
          { create: false },
        );
  const key = { itemId: input.itemId, locationId: input.stockLocationId, lotKey: lotKeyOf(lotId) };
  await reserveOnBalance(tx, tenantId, key, quantity, item.sku);
  const id = deps.newId();
  await insertReservation(tx, {
    tenantId,
    id,
    key,
    quantity,
    reference: input.reference ?? null,
    note: input.note ?? null,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  const reservation = await selectReservation(tx, tenantId, id);
  if (!reservation) throw new NotFoundError('Reservation not found.');
  await recordAudit(tx, deps.actor, {
    action: 'invantray.reservation.created',
    targetType: 'invantray.reservation',
    targetId: id,
    details: {
      itemId: input.itemId,
      stockLocationId: input.stockLocationId,
      quantity: trimDecimal(quantity),
    },
  });
  return reservation;
}

async function itemOf(tx: Tx, tenantId: string, itemId: string) {
  const { rows } = await tx.query<{ sku: string; tracking: 'none' | 'lot' | 'serial' }>(
    'select sku, tracking from invantray.items where tenant_id = $1 and id = $2',
    [tenantId, itemId],
  );
  if (!rows[0]) throw new BusinessRuleError('item_not_found', `Item ${itemId} does not exist.`);
  return rows[0];
}
