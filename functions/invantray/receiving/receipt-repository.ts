import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { PurchaseOrderStatus } from '../domain/snapshots';
import type { ListReceiptsQuery, Receipt, ReceiptLine } from './schemas';

/** SQL for invantray.receipts and receipt_lines; every statement filters by tenant_id. */

export interface NewReceipt {
  tenantId: string;
  id: string;
  number: string;
  purchaseOrderId: string;
  receivedBy: string | null;
  note: string | null;
  lines: readonly {
    id: string;
    purchaseOrderLineId: string;
    quantity: string;
    locationId: string;
    lotId: string | null;
    moveId: string;
  }[];
}

export async function insertReceipt(tx: Tx, receipt: NewReceipt): Promise<void> {
  await tx.query(
    `insert into invantray.receipts (tenant_id, id, number, purchase_order_id, received_by, note)
     values ($1, $2, $3, $4, $5, $6)`,
    [receipt.tenantId, receipt.id, receipt.number, receipt.purchaseOrderId, receipt.receivedBy, receipt.note],
  );
  await tx.query(
    `insert into invantray.receipt_lines
       (tenant_id, id, receipt_id, purchase_order_line_id, quantity, location_id, lot_id, move_id)
     select $1, x.id, $2, x.purchase_order_line_id, x.quantity, x.location_id, x.lot_id, x.move_id
     from jsonb_to_recordset($3::jsonb)
       as x(id uuid, purchase_order_line_id uuid, quantity numeric, location_id uuid, lot_id uuid, move_id uuid)`,
    [
      receipt.tenantId,
      receipt.id,
      JSON.stringify(
        receipt.lines.map((line) => ({
          id: line.id,
          purchase_order_line_id: line.purchaseOrderLineId,
          quantity: line.quantity,
          location_id: line.locationId,
          lot_id: line.lotId,
          move_id: line.moveId,
        })),
      ),
    ],
  );
}

interface ReceiptRow {
  id: string;
  number: string;
  note: string | null;
  received_by: string | null;
  received_at: Date;
  order_id: string;
  order_number: string;
  order_status: PurchaseOrderStatus;
}

interface LineRow {
  id: string;
  receipt_id: string;
  purchase_order_line_id: string;
  line_no: number;
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  quantity: string;
  location_id: string;
  location_code: string;
  location_name: string | null;
  warehouse_id: string;
  lot_id: string | null;
  lot_kind: 'lot' | 'serial' | null;
  lot_number: string | null;
  expires_on: string | null;
  unit_cost: string;
  move_id: string;
}

/** `extra`: more select-list columns (a page's sort values). */
const receiptSelect = (extra = '') => `select r.id, r.number, r.note, r.received_by, r.received_at,
         o.id as order_id, o.number as order_number, o.status as order_status${extra ? `, ${extra}` : ''}
  from invantray.receipts r
  join invantray.purchase_orders o on o.tenant_id = r.tenant_id and o.id = r.purchase_order_id`;

const SORTS: Record<string, SortColumn> = { receivedAt: { sql: 'r.received_at', type: 'timestamptz' } };

/** Lines of these receipts in order-line order (serials of one line in the order they were scanned). */
async function linesOf(
  tx: Tx,
  tenantId: string,
  receiptIds: readonly string[],
): Promise<Map<string, ReceiptLine[]>> {
  const { rows } = await tx.query<LineRow>(
    `select rl.id, rl.receipt_id, rl.purchase_order_line_id, pl.line_no,
            i.id as item_id, i.sku, i.name as item_name, i.unit, rl.quantity::text,
            loc.id as location_id, loc.code as location_code, loc.name as location_name, loc.warehouse_id,
            lot.id as lot_id, lot.kind as lot_kind, lot.number as lot_number, lot.expires_on,
            m.unit_cost::text, rl.move_id
     from invantray.receipt_lines rl
     join invantray.purchase_order_lines pl on pl.tenant_id = rl.tenant_id and pl.id = rl.purchase_order_line_id
     join invantray.items i on i.tenant_id = pl.tenant_id and i.id = pl.item_id
     join invantray.locations loc on loc.tenant_id = rl.tenant_id and loc.id = rl.location_id
     join invantray.stock_moves m on m.tenant_id = rl.tenant_id and m.id = rl.move_id
     left join invantray.lots lot on lot.tenant_id = rl.tenant_id and lot.id = rl.lot_id
     where rl.tenant_id = $1 and rl.receipt_id = any($2::uuid[])
     order by rl.receipt_id, pl.line_no, rl.id`,
    [tenantId, receiptIds],
  );
  const byReceipt = new Map<string, ReceiptLine[]>();
  for (const row of rows) {
    const lines = byReceipt.get(row.receipt_id) ?? [];
    lines.push(toLine(row));
    byReceipt.set(row.receipt_id, lines);
  }
  return byReceipt;
}

function toLine(row: LineRow): ReceiptLine {
  return {
    id: row.id,
    purchaseOrderLineId: row.purchase_order_line_id,
    lineNo: row.line_no,
    item: { id: row.item_id, sku: row.sku, name: row.item_name, unit: row.unit },
    quantity: trimDecimal(row.quantity),
    location: {
      id: row.location_id,
      code: row.location_code,
      name: row.location_name,
      warehouseId: row.warehouse_id,
    },
    lot:
      row.lot_id && row.lot_kind && row.lot_number
        ? { id: row.lot_id, kind: row.lot_kind, number: row.lot_number, expiresOn: row.expires_on }
        : null,
    unitCost: trimDecimal(row.unit_cost),
    moveId: row.move_id,
  };
}

function toReceipt(row: ReceiptRow, lines: ReceiptLine[]): Receipt {
  return {
    id: row.id,
    number: row.number,
    purchaseOrder: { id: row.order_id, number: row.order_number, status: row.order_status },
    note: row.note,
    receivedBy: row.received_by,
    receivedAt: row.received_at.toISOString(),
    lines,
  };
}

export async function selectReceipt(tx: Tx, tenantId: string, id: string): Promise<Receipt | undefined> {
  const { rows } = await tx.query<ReceiptRow>(`${receiptSelect()} where r.tenant_id = $1 and r.id = $2`, [
    tenantId,
    id,
  ]);
  const row = rows[0];
  if (!row) return undefined;
  const lines = await linesOf(tx, tenantId, [row.id]);
  return toReceipt(row, lines.get(row.id) ?? []);
}

/** An order's receipts, newest first, each with its lines; keyset-paged. */
export async function selectReceiptPage(tx: Tx, tenantId: string, orderId: string, query: ListReceiptsQuery) {
  const filter = filterOf([tenantId, orderId], ['r.tenant_id = $1', 'r.purchase_order_id = $2']);
  const page = await selectPage(tx, filter, {
    select: (sortValues) => receiptSelect(sortValues),
    terms: parseSort(undefined, SORTS, '-receivedAt', { sql: 'r.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ReceiptRow & Record<string, unknown>) => row,
  });
  const lines = await linesOf(
    tx,
    tenantId,
    page.items.map((row) => row.id),
  );
  return {
    items: page.items.map((row) => toReceipt(row, lines.get(row.id) ?? [])),
    nextCursor: page.nextCursor,
  };
}
