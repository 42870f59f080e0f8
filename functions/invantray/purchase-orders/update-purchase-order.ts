import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { appendLines, type DraftDeps, type DraftLine, recomputeTotal } from '../domain/purchase-orders';
import { userIdOf } from './caller';
import { readPurchaseOrder } from './get-purchase-order';
import { activeSupplier, assertActiveWarehouse, exchangeRateFor, resolveLines } from './order-inputs';
import { selectOrder } from './repository';
import type { OrderLineEdit, PurchaseOrder, UpdatePurchaseOrderInput } from './schemas';

export type UpdatePurchaseOrderDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'now'>;

/**
 * PATCH while draft: the order locked, `version` checked (409 when stale),
 * then the header fields sent are checked as on create and written, and
 * `lines`, when sent, become the order's lines (an `id` edits that line and
 * keeps its requisition or reorder link, no `id` adds one, lines left out are
 * removed). The total is recomputed in numeric and the version bumped once.
 * Anything but a draft is a 409 `invalid_transition`: submitted orders are
 * rejected back to draft first.
 */
export async function updatePurchaseOrder(
  id: string,
  version: number,
  input: Omit<UpdatePurchaseOrderInput, 'version'>,
  deps: UpdatePurchaseOrderDeps,
): Promise<PurchaseOrder> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const current = await selectOrder(tx, tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Purchase order');
  if (current.status !== 'draft')
    throw new ConflictError(
      `Only a draft can be edited; this order is ${current.status.replace('_', ' ')}.`,
      'invalid_transition',
      { currentStatus: current.status, action: 'edit' },
    );
  checkVersion('purchase order', current.version, version);

  const supplier = await activeSupplier(tx, tenantId, input.supplierId ?? current.supplier_id);
  if (input.warehouseId) await assertActiveWarehouse(tx, tenantId, input.warehouseId);
  const currency = input.currency ?? current.currency;
  // An unchanged currency keeps its stored rate unless a new one is sent.
  const keptRate = currency === current.currency ? current.exchange_rate : undefined;
  const exchangeRate = await exchangeRateFor(tx, tenantId, currency, input.exchangeRate ?? keptRate);
  await tx.query(
    `update invantray.purchase_orders
     set supplier_id = $3, warehouse_id = coalesce($4, warehouse_id), currency = $5, exchange_rate = $6,
         expected_on = case when $7 then $8::date else expected_on end,
         note = case when $9 then $10 else note end, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [
      tenantId,
      id,
      supplier.id,
      input.warehouseId ?? null,
      currency,
      exchangeRate,
      input.expectedOn !== undefined,
      input.expectedOn ?? null,
      input.note !== undefined,
      input.note ?? null,
    ],
  );
  const draftDeps: DraftDeps = { tx, tenantId, userId: userIdOf(principal), newId: deps.newId };
  if (input.lines) {
    const added = await replaceLines(tx, tenantId, id, input.lines, {
      supplier,
      currency,
      today: deps.now().toISOString().slice(0, 10),
    });
    await appendLines(draftDeps, id, added); // recomputes the total and bumps the version
  } else await recomputeTotal(tx, tenantId, id);

  await recordAudit(tx, deps.actor, {
    action: 'invantray.purchase_order.updated',
    targetType: 'invantray.purchase_order',
    targetId: id,
    details: { changes: Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined) },
  });
  return readPurchaseOrder(tx, principal, id);
}

/**
 * Edits the lines sent with an `id`, deletes the ones not sent and returns
 * the new ones for appendLines. Line numbers of kept lines stay; new lines
 * follow the last one.
 */
async function replaceLines(
  tx: Tx,
  tenantId: string,
  orderId: string,
  lines: readonly OrderLineEdit[],
  pricing: Parameters<typeof resolveLines>[2],
): Promise<DraftLine[]> {
  const { rows: existing } = await tx.query<{ id: string; unit_price: string }>(
    'select id, unit_price::text from invantray.purchase_order_lines where tenant_id = $1 and purchase_order_id = $2',
    [tenantId, orderId],
  );
  const prices = new Map(existing.map((row) => [row.id, row.unit_price]));
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (!line.id) continue;
    if (seen.has(line.id))
      throw new ValidationError('A line is sent twice.', [
        { field: `body.lines.${index}.id`, message: 'This line appears twice.', code: 'duplicate_line' },
      ]);
    seen.add(line.id);
    if (!prices.has(line.id))
      throw new BusinessRuleError('line_not_found', 'A line id is not a line of this order.', [
        { field: `body.lines.${index}.id`, message: 'Not a line of this order.', code: 'line_not_found' },
      ]);
  }
  const resolved = await resolveLines(
    tx,
    tenantId,
    pricing,
    lines,
    lines.map((line) => (line.id && line.unitPrice === undefined ? prices.get(line.id) : undefined)),
  );
  const removed = [...prices.keys()].filter((lineId) => !seen.has(lineId));
  if (removed.length > 0)
    await tx.query(
      'delete from invantray.purchase_order_lines where tenant_id = $1 and purchase_order_id = $2 and id = any($3::uuid[])',
      [tenantId, orderId, removed],
    );
  const added: DraftLine[] = [];
  for (const [index, line] of lines.entries()) {
    const draft = resolved[index] as DraftLine;
    if (!line.id) {
      added.push(draft);
      continue;
    }
    await tx.query(
      `update invantray.purchase_order_lines
       set item_id = $3, quantity = $4, unit_price = $5, note = $6
       where tenant_id = $1 and id = $2`,
      [tenantId, line.id, draft.itemId, draft.quantity, draft.unitPrice, line.note ?? null],
    );
  }
  return added;
}
