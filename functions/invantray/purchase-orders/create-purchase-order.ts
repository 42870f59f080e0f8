import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { createDraftOrder, purchaseOrderSnapshot } from '../domain/purchase-orders';
import { invantrayEvents } from '../events';
import { userIdOf } from './caller';
import { readPurchaseOrder } from './get-purchase-order';
import { activeSupplier, assertActiveWarehouse, exchangeRateFor, resolveLines } from './order-inputs';
import type { CreatePurchaseOrderInput, PurchaseOrder } from './schemas';

export type CreatePurchaseOrderDeps = Pick<
  RequestDeps,
  'tx' | 'principal' | 'actor' | 'events' | 'newId' | 'now'
>;

/**
 * Drafts an order by hand: supplier and warehouse checked, the currency the
 * supplier's unless sent, the exchange rate fitted to it, every line in the
 * base unit with a price (sent, or the supplier's for that quantity today),
 * numbered PO-00001…, `purchase-order.created` recorded and audited, all in
 * the request's transaction.
 */
export async function createPurchaseOrder(
  input: CreatePurchaseOrderInput,
  deps: CreatePurchaseOrderDeps,
): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const supplier = await activeSupplier(tx, tenantId, input.supplierId);
  await assertActiveWarehouse(tx, tenantId, input.warehouseId);
  const currency = input.currency ?? supplier.currency;
  const exchangeRate = await exchangeRateFor(tx, tenantId, currency, input.exchangeRate);
  const lines = await resolveLines(
    tx,
    tenantId,
    { supplier, currency, today: deps.now().toISOString().slice(0, 10) },
    input.lines,
  );
  const id = await createDraftOrder(
    { tx, tenantId, userId: userIdOf(principal), newId: deps.newId },
    {
      supplierId: supplier.id,
      warehouseId: input.warehouseId,
      currency,
      exchangeRate,
      source: 'manual',
      expectedOn: input.expectedOn ?? null,
      note: input.note ?? null,
      lines,
    },
  );
  const purchaseOrder = await purchaseOrderSnapshot(tx, tenantId, id);
  await deps.events.record(invantrayEvents, 'purchase-order.created', { purchaseOrder });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.purchase_order.created',
    targetType: 'invantray.purchase_order',
    targetId: id,
    details: { number: purchaseOrder.number, total: purchaseOrder.total, currency },
  });
  return readPurchaseOrder(tx, principal, id);
}
