import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, type FieldError } from '@halooid/shared/errors';
import { priceFor } from '../domain/prices';
import { createDraftOrder, purchaseOrderSnapshot } from '../domain/purchase-orders';
import { loadSettings } from '../domain/settings';
import { invantrayEvents } from '../events';
import { groupBySupplier, missingRates, type OrderGroup, type OrderLine } from './order-groups';
import { checkWarehouse, setStatus } from './repository';
import type { OrderRequisitionInput, Requisition } from './schemas';
import { reload } from './submit-requisition';
import { lockForAction, type RequisitionDeps } from './transition';

interface LineRow {
  id: string;
  line_no: number;
  item_id: string;
  sku: string;
  quantity: string;
  average_cost: string;
  supplier_id: string | null;
  supplier_code: string | null;
  supplier_currency: string | null;
  supplier_active: boolean | null;
  note: string | null;
}

/**
 * A buyer turns an approved requisition into draft purchase orders, one per
 * supplier (the line's, else the item's default) and currency, delivering to
 * the requisition's warehouse (or the one given). Each line is priced by the
 * supplier's quote for its quantity today, else at the item's average cost
 * (converted with the given rate when the order is in another currency).
 * Lines with no supplier, or an inactive one, are a 422 naming each; a
 * foreign currency without a rate is a 422 naming it. The orders are made
 * through domain/purchase-orders.ts (source `requisition`, each line linked
 * to the requisition line it came from), each records
 * `purchase-order.created`, and the requisition is `ordered`.
 */
export async function orderRequisition(
  id: string,
  input: OrderRequisitionInput,
  deps: RequisitionDeps,
): Promise<{ purchaseOrderIds: string[]; requisition: Requisition }> {
  const { tx } = deps;
  const { caller, row } = await lockForAction(deps, id, 'order');
  const tenantId = caller.tenantId;
  const warehouseId = input?.warehouseId ?? row.warehouse_id;
  if (!warehouseId)
    throw new BusinessRuleError('warehouse_required', 'Say which warehouse the goods go to.', [
      {
        field: 'body.warehouseId',
        message: 'The requisition names no warehouse.',
        code: 'warehouse_required',
      },
    ]);
  if (input?.warehouseId) await checkWarehouse(tx, tenantId, input.warehouseId, 'body.warehouseId');

  const rows = await linesOf(tx, tenantId, id);
  checkSuppliers(rows);
  const today = deps.now().toISOString().slice(0, 10);
  const lines: OrderLine[] = [];
  for (const line of rows) {
    // checkSuppliers has refused lines without an (active) supplier.
    const supplierId = line.supplier_id as string;
    const price = await priceFor(tx, tenantId, {
      supplierId,
      itemId: line.item_id,
      quantity: line.quantity,
      on: today,
    });
    lines.push({
      lineId: line.id,
      itemId: line.item_id,
      sku: line.sku,
      quantity: line.quantity,
      supplierId,
      currency: price?.currency ?? (line.supplier_currency as string),
      quotedPrice: price?.unitPrice ?? null,
      averageCost: line.average_cost,
    });
  }
  const groups = groupBySupplier(lines);
  const { baseCurrency } = await loadSettings(tx, tenantId);
  const rates = input?.exchangeRates ?? {};
  const missing = missingRates(groups, baseCurrency, rates);
  if (missing.length > 0)
    throw new BusinessRuleError(
      'exchange_rate_required',
      `Give the exchange rate to ${baseCurrency} of ${missing.join(', ')}: the orders will be in ${missing.length === 1 ? 'it' : 'them'}.`,
      missing.map((currency) => ({
        field: `body.exchangeRates.${currency}`,
        message: `Base-currency units per one ${currency}.`,
        code: 'exchange_rate_required',
      })),
    );

  const notes = new Map(rows.map((line) => [line.id, line.note]));
  const purchaseOrderIds: string[] = [];
  for (const group of groups) {
    const rate = group.currency === baseCurrency ? '1' : (rates[group.currency] as string);
    const orderId = await createDraftOrder(
      { tx, tenantId, userId: caller.userId, newId: deps.newId },
      {
        supplierId: group.supplierId,
        warehouseId,
        currency: group.currency,
        exchangeRate: rate,
        source: 'requisition',
        expectedOn: row.needed_by,
        note: `From requisition ${row.number}.`,
        lines: await pricedLines(tx, group, rate, notes),
      },
    );
    purchaseOrderIds.push(orderId);
  }
  await linkLines(tx, tenantId, id, warehouseId);
  await setStatus(tx, tenantId, id, 'ordered');
  await deps.events.recordAll(
    invantrayEvents,
    await Promise.all(
      purchaseOrderIds.map(async (orderId) => ({
        type: 'purchase-order.created' as const,
        data: { purchaseOrder: await purchaseOrderSnapshot(tx, tenantId, orderId) },
      })),
    ),
  );
  await recordAudit(tx, deps.actor, {
    action: 'invantray.requisition.ordered',
    targetType: 'invantray.requisition',
    targetId: id,
    details: { purchaseOrderIds },
  });
  return { purchaseOrderIds, requisition: await reload(deps, caller, id) };
}

async function linesOf(tx: Tx, tenantId: string, requisitionId: string): Promise<LineRow[]> {
  const { rows } = await tx.query<LineRow>(
    `select l.id, l.line_no, l.item_id, i.sku, l.quantity::text, i.average_cost::text,
            s.id as supplier_id, s.code as supplier_code, s.currency as supplier_currency, s.active as supplier_active,
            l.note
     from invantray.requisition_lines l
     join invantray.items i on i.tenant_id = l.tenant_id and i.id = l.item_id
     left join invantray.suppliers s on s.tenant_id = l.tenant_id and s.id = coalesce(l.supplier_id, i.default_supplier_id)
     where l.tenant_id = $1 and l.requisition_id = $2
     order by l.line_no`,
    [tenantId, requisitionId],
  );
  return rows;
}

/** Every line needs a supplier to order from, and an active one: all the bad lines in one 422. */
function checkSuppliers(rows: readonly LineRow[]): void {
  const unsupplied = rows.filter((line) => line.supplier_id === null);
  if (unsupplied.length > 0)
    throw new BusinessRuleError(
      'supplier_required',
      `No supplier for ${unsupplied.map((line) => line.sku).join(', ')}: name one on the line or give the item a default supplier.`,
      unsupplied.map(
        (line): FieldError => ({
          field: `lines.${line.line_no - 1}`,
          message: `${line.sku} has no supplier.`,
          code: 'supplier_required',
        }),
      ),
    );
  const inactive = rows.filter((line) => line.supplier_active === false);
  if (inactive.length > 0)
    throw new BusinessRuleError(
      'supplier_inactive',
      `Inactive supplier for ${inactive.map((line) => `${line.sku} (${line.supplier_code})`).join(', ')}: pick another or reactivate it.`,
      inactive.map(
        (line): FieldError => ({
          field: `lines.${line.line_no - 1}`,
          message: `${line.supplier_code} is inactive.`,
          code: 'supplier_inactive',
        }),
      ),
    );
}

/**
 * The group's lines with their unit prices: the quote, else the average cost
 * in the order's currency (divided by the rate in numeric, 6 places, like
 * every unit price).
 */
async function pricedLines(tx: Tx, group: OrderGroup, rate: string, notes: Map<string, string | null>) {
  const { rows } = await tx.query<{ unit_price: string }>(
    `select coalesce(x.quoted, round(x.average_cost / $2::numeric, 6))::text as unit_price
     from rows from (jsonb_to_recordset($1::jsonb) as (quoted numeric, average_cost numeric)) with ordinality as x(quoted, average_cost, n)
     order by x.n`,
    [
      JSON.stringify(
        group.lines.map((line) => ({ quoted: line.quotedPrice, average_cost: line.averageCost })),
      ),
      rate,
    ],
  );
  return group.lines.map((line, index) => ({
    itemId: line.itemId,
    quantity: line.quantity,
    unitPrice: rows[index]?.unit_price ?? '0',
    requisitionLineId: line.lineId,
    note: notes.get(line.lineId) ?? null,
  }));
}

/** Each requisition line remembers the order line it became; the requisition, the warehouse it went to. */
async function linkLines(
  tx: Tx,
  tenantId: string,
  requisitionId: string,
  warehouseId: string,
): Promise<void> {
  await tx.query(
    `update invantray.requisition_lines l set purchase_order_line_id = pl.id
     from invantray.purchase_order_lines pl
     where l.tenant_id = $1 and l.requisition_id = $2 and pl.tenant_id = $1 and pl.requisition_line_id = l.id`,
    [tenantId, requisitionId],
  );
  await tx.query('update invantray.requisitions set warehouse_id = $3 where tenant_id = $1 and id = $2', [
    tenantId,
    requisitionId,
    warehouseId,
  ]);
}
