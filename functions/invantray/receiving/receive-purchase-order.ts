import { recordAudit } from '@halooid/shared/audit';
import { trimDecimal } from '@halooid/shared/decimal';
import { AppError, BusinessRuleError, ConflictError, type FieldError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { resolveLot } from '../domain/lots';
import { nextNumber } from '../domain/numbering';
import { lockPurchaseOrder, type PurchaseOrderHead, purchaseOrderSnapshot } from '../domain/purchase-orders';
import { loadSettings } from '../domain/settings';
import type { PurchaseOrderStatus } from '../domain/snapshots';
import { postMoves } from '../domain/stock-ledger';
import { toBaseQuantity } from '../domain/units';
import { invantrayEvents } from '../events';
import { refreshOrderMatch } from './match-status';
import {
  type Asked,
  overReceipts,
  recordReceived,
  requestersOf,
  selectLocations,
  selectOrderLines,
} from './order-repository';
import { checkLinesOnOrder, type PlannedMove, planReceipt } from './receipt-plan';
import { insertReceipt, selectReceipt } from './receipt-repository';
import type { Receipt, ReceiveInput } from './schemas';

export type ReceiveDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'actor'>;

/**
 * Goods arrive against an order the supplier has (`sent`) or has partly
 * delivered (`partially_received`). An `approved` order that was never sent
 * is refused too: the dock cannot receive what the supplier was never asked
 * for, and sending is one click for the buyer (docs/decisions.md).
 */
const RECEIVABLE: ReadonlySet<PurchaseOrderStatus> = new Set(['sent', 'partially_received']);

/**
 * Receives goods against an order's lines, in one transaction: the order row
 * is locked first, so concurrent receivers queue and the second sees what the
 * first took; quantities are converted to base units and held to the
 * over-receipt tolerance; lots and serials are made; the receipt moves go
 * through the ledger at the line's price in the base currency (which moves the
 * items' average cost); the receipt and its lines are written, the lines'
 * received quantities raised and the order moved to `partially_received` or
 * `received`; `purchase-order.received` names who to tell.
 */
export async function receivePurchaseOrder(
  orderId: string,
  input: ReceiveInput,
  deps: ReceiveDeps,
): Promise<Receipt> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const order = await lockPurchaseOrder(tx, tenantId, orderId);
  if (!RECEIVABLE.has(order.status))
    throw new ConflictError(
      `${order.number} is ${order.status.replace('_', ' ')}: only a sent or partially received order can be received.`,
      'invalid_transition',
      { status: order.status },
    );
  const settings = await loadSettings(tx, tenantId);
  const orderLines = await selectOrderLines(tx, tenantId, order.id);
  checkLinesOnOrder(input.lines, orderLines);

  const baseQuantities: string[] = [];
  for (const line of input.lines) {
    const orderLine = orderLines.get(line.purchaseOrderLineId);
    if (!orderLine) throw new Error('unreachable: lines were checked');
    baseQuantities.push(await toBaseQuantity(tx, tenantId, orderLine.itemId, line.quantity, line.unit));
  }
  const planned = planReceipt(input.lines, baseQuantities, orderLines);
  const asked: Asked[] = input.lines.map((line, index) => ({
    purchaseOrderLineId: line.purchaseOrderLineId,
    quantity: baseQuantities[index] ?? '0',
  }));
  await refuseOverReceipt(deps, order, input, asked, settings.overReceiptTolerancePercent);
  const locationIds = await destinations(deps, order, input);

  const lotIds: (string | null)[] = [];
  for (const move of planned) lotIds.push(await lotOf(deps, move));
  const posted = await postMoves(
    deps,
    planned.map((move, index) => {
      const orderLine = orderLines.get(move.purchaseOrderLineId);
      return {
        kind: 'receipt' as const,
        itemId: move.itemId,
        lotId: lotIds[index] ?? null,
        quantity: move.quantity,
        toLocationId: locationIds[move.lineIndex] ?? null,
        unitCost: orderLine?.unitCost ?? null,
        reference: { type: 'purchase_order_line' as const, id: move.purchaseOrderLineId },
        note: `${order.number} line ${orderLine?.lineNo ?? ''}`.trim(),
      };
    }),
  );

  const receiptId = deps.newId();
  const number = await nextNumber(tx, tenantId, 'receipt');
  const receivedBy = principal.principalType === 'user' ? principal.principalId : null;
  await insertReceipt(tx, {
    tenantId,
    id: receiptId,
    number,
    purchaseOrderId: order.id,
    receivedBy,
    note: input.note ?? null,
    lines: planned.map((move, index) => ({
      id: deps.newId(),
      purchaseOrderLineId: move.purchaseOrderLineId,
      quantity: move.quantity,
      locationId: locationIds[move.lineIndex] ?? '',
      lotId: lotIds[index] ?? null,
      moveId: posted[index]?.id ?? '',
    })),
  });
  await recordReceived(tx, tenantId, order.id, asked);
  // An invoice recorded before the goods came is matched again against what has now arrived.
  await refreshOrderMatch(tx, tenantId, order.id, settings);

  const orderLineIds = input.lines.map((line) => line.purchaseOrderLineId);
  await deps.events.record(invantrayEvents, 'purchase-order.received', {
    purchaseOrder: await purchaseOrderSnapshot(tx, tenantId, order.id),
    receiptId,
    receiptNumber: number,
    receivedBy,
    lines: input.lines.map((line, index) => ({
      purchaseOrderLineId: line.purchaseOrderLineId,
      itemId: orderLines.get(line.purchaseOrderLineId)?.itemId ?? '',
      quantity: trimDecimal(baseQuantities[index] ?? '0'),
    })),
    requesterIds: await requestersOf(tx, tenantId, orderLineIds),
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.receipt.created',
    targetType: 'invantray.receipt',
    targetId: receiptId,
    details: { number, purchaseOrderId: order.id, lines: input.lines.length, moves: posted.length },
  });
  const receipt = await selectReceipt(tx, tenantId, receiptId);
  if (!receipt) throw new Error('The receipt just written cannot be read back.');
  return receipt;
}

/** 422 `over_receipt` naming each line that would pass its tolerance and the most it may still take. */
async function refuseOverReceipt(
  deps: ReceiveDeps,
  order: PurchaseOrderHead,
  input: ReceiveInput,
  asked: readonly Asked[],
  tolerancePercent: string,
): Promise<void> {
  const over = await overReceipts(deps.tx, deps.principal.tenantId, order.id, asked, tolerancePercent);
  const first = over[0];
  if (!first) return;
  const errors: FieldError[] = over.map((line) => {
    const index = input.lines.findIndex((sent) => sent.purchaseOrderLineId === line.purchaseOrderLineId);
    return {
      field: `body.lines.${index}.quantity`,
      code: 'over_receipt',
      message: `Line ${line.lineNo} (${line.sku}) can take at most ${trimDecimal(line.maximum)} more.`,
    };
  });
  throw new AppError(
    422,
    'over_receipt',
    `Line ${first.lineNo} (${first.sku}) of ${order.number} can take at most ${trimDecimal(first.maximum)} more ` +
      `(the ordered quantity plus ${trimDecimal(tolerancePercent)} % less what was received).`,
    {
      errors,
      extensions: { purchaseOrderLineId: first.purchaseOrderLineId, maximum: trimDecimal(first.maximum) },
    },
  );
}

/** Each request line's location: the one named, in the order's warehouse, or the warehouse's receiving location. */
async function destinations(
  deps: ReceiveDeps,
  order: PurchaseOrderHead,
  input: ReceiveInput,
): Promise<string[]> {
  const named = input.lines.flatMap((line) => (line.toStockLocationId ? [line.toStockLocationId] : []));
  const locations = await selectLocations(deps.tx, deps.principal.tenantId, named);
  const errors: FieldError[] = [];
  const chosen = input.lines.map((line, index) => {
    if (!line.toStockLocationId) {
      if (!order.receivingLocationId)
        errors.push({
          field: `body.lines.${index}.toStockLocationId`,
          code: 'no_receiving_location',
          message: 'The order’s warehouse has no receiving location: name where the goods go.',
        });
      return order.receivingLocationId ?? '';
    }
    const location = locations.get(line.toStockLocationId);
    if (!location || location.warehouseId !== order.warehouseId)
      errors.push({
        field: `body.lines.${index}.toStockLocationId`,
        code: 'location_not_in_warehouse',
        message: 'Receive into a location of the order’s warehouse.',
      });
    return line.toStockLocationId;
  });
  const first = errors[0];
  if (first) throw new BusinessRuleError(first.code, 'Some lines have nowhere to go.', errors);
  return chosen;
}

/** The lot or serial of a planned move, made on first receipt. */
async function lotOf(deps: ReceiveDeps, move: PlannedMove): Promise<string | null> {
  if (!move.lot) return null;
  return resolveLot(
    deps.tx,
    { tenantId: deps.principal.tenantId, newId: deps.newId },
    { itemId: move.itemId, number: move.lot.number, expiresOn: move.lot.expiresOn },
    { create: true },
  );
}
