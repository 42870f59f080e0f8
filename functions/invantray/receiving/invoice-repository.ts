import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import type { Invoice, InvoiceMatchLine, ListInvoicesQuery, RecordInvoiceInput } from './schemas';
import type { MatchStatus } from './three-way-match';

/** SQL for invantray.supplier_invoices and their lines; every statement filters by tenant_id. */

export async function invoiceNumberTaken(
  tx: Tx,
  tenantId: string,
  orderId: string,
  invoiceNumber: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from invantray.supplier_invoices
     where tenant_id = $1 and purchase_order_id = $2 and invoice_number = $3`,
    [tenantId, orderId, invoiceNumber],
  );
  return rows[0]?.id;
}

/**
 * Writes the invoice and its lines; its total is Σ round(quantity × price, 2)
 * in numeric. The match is stored afterwards (`storeInvoiceMatch`), once the
 * lines are there to be counted with the order's other invoices.
 */
export async function insertInvoice(
  tx: Tx,
  invoice: RecordInvoiceInput & {
    tenantId: string;
    id: string;
    purchaseOrderId: string;
    recordedBy: string | null;
    lineIds: readonly string[];
  },
): Promise<void> {
  const lines = JSON.stringify(
    invoice.lines.map((line, index) => ({
      id: invoice.lineIds[index],
      purchase_order_line_id: line.purchaseOrderLineId,
      quantity: line.quantity,
      unit_price: line.unitPrice,
    })),
  );
  await tx.query(
    `insert into invantray.supplier_invoices
       (tenant_id, id, purchase_order_id, invoice_number, invoice_date, currency, total, match_status, recorded_by)
     select $1, $2, $3, $4, $5, $6,
            coalesce(sum(round(x.quantity * x.unit_price, 2)), 0), 'matched', $8
     from jsonb_to_recordset($7::jsonb) as x(quantity numeric, unit_price numeric)`,
    [
      invoice.tenantId,
      invoice.id,
      invoice.purchaseOrderId,
      invoice.invoiceNumber,
      invoice.invoiceDate,
      invoice.currency,
      lines,
      invoice.recordedBy,
    ],
  );
  await tx.query(
    `insert into invantray.supplier_invoice_lines (tenant_id, id, invoice_id, purchase_order_line_id, quantity, unit_price)
     select $1, x.id, $2, x.purchase_order_line_id, x.quantity, x.unit_price
     from jsonb_to_recordset($3::jsonb) as x(id uuid, purchase_order_line_id uuid, quantity numeric, unit_price numeric)`,
    [invoice.tenantId, invoice.id, lines],
  );
}

/** The invoice's match as it was when recorded: kept, because later receipts change the order's, not this. */
export async function storeInvoiceMatch(
  tx: Tx,
  tenantId: string,
  invoiceId: string,
  status: MatchStatus,
  lines: readonly InvoiceMatchLine[],
): Promise<void> {
  await tx.query(
    `update invantray.supplier_invoices set match_status = $3, match_details = $4::jsonb
     where tenant_id = $1 and id = $2`,
    [tenantId, invoiceId, status, JSON.stringify(lines)],
  );
}

interface InvoiceRow {
  id: string;
  purchase_order_id: string;
  invoice_number: string;
  invoice_date: string;
  currency: string;
  total: string;
  match_status: MatchStatus;
  match_details: InvoiceMatchLine[];
  order_match_status: Invoice['purchaseOrderMatchStatus'];
  recorded_by: string | null;
  created_at: Date;
}

const invoiceSelect = (
  extra = '',
) => `select s.id, s.purchase_order_id, s.invoice_number, s.invoice_date, s.currency,
         s.total::text, s.match_status, s.match_details, o.match_status as order_match_status, s.recorded_by,
         s.created_at${extra ? `, ${extra}` : ''}
  from invantray.supplier_invoices s
  join invantray.purchase_orders o on o.tenant_id = s.tenant_id and o.id = s.purchase_order_id`;

function toInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    purchaseOrderId: row.purchase_order_id,
    invoiceNumber: row.invoice_number,
    invoiceDate: row.invoice_date,
    currency: row.currency,
    total: trimDecimal(row.total, 2),
    matchStatus: row.match_status,
    lines: row.match_details,
    purchaseOrderMatchStatus: row.order_match_status,
    recordedBy: row.recorded_by,
    createdAt: row.created_at.toISOString(),
  };
}

export async function selectInvoice(tx: Tx, tenantId: string, id: string): Promise<Invoice | undefined> {
  const { rows } = await tx.query<InvoiceRow>(`${invoiceSelect()} where s.tenant_id = $1 and s.id = $2`, [
    tenantId,
    id,
  ]);
  return rows[0] ? toInvoice(rows[0]) : undefined;
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 's.created_at', type: 'timestamptz' } };

/** An order's invoices, newest first; keyset-paged. */
export function selectInvoicePage(tx: Tx, tenantId: string, orderId: string, query: ListInvoicesQuery) {
  const filter = filterOf([tenantId, orderId], ['s.tenant_id = $1', 's.purchase_order_id = $2']);
  return selectPage(tx, filter, {
    select: (sortValues) => invoiceSelect(sortValues),
    terms: parseSort(undefined, SORTS, '-createdAt', { sql: 's.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: InvoiceRow & Record<string, unknown>) => toInvoice(row),
  });
}
