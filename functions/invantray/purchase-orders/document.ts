import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectLines, selectOrder } from './repository';

/**
 * What a printed purchase order shows, loaded once and rendered as HTML
 * (document-html.ts) or PDF (document-pdf.ts): who buys, the supplier, where
 * to ship, the order's number and dates, its lines and total, payment terms.
 */
export interface PurchaseOrderDocument {
  buyer: string;
  number: string;
  status: string;
  currency: string;
  total: string;
  /** YYYY-MM-DD */
  orderedOn: string;
  expectedOn: string | null;
  note: string | null;
  paymentTermsDays: number;
  supplier: { code: string; name: string; email: string | null; phone: string | null; address: string[] };
  shipTo: { code: string; name: string; address: string[] };
  lines: {
    lineNo: number;
    sku: string;
    name: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    lineTotal: string;
  }[];
}

export type DocumentDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The order as its document shows it; another tenant's or none is a 404. */
export async function loadPurchaseOrderDocument(
  id: string,
  deps: DocumentDeps,
): Promise<PurchaseOrderDocument> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const order = await selectOrder(tx, tenantId, id);
  if (!order) throw new NotFoundError('Purchase order');
  const { rows } = await tx.query<{
    email: string | null;
    phone: string | null;
    supplier_address: unknown;
    payment_terms_days: number;
    warehouse_address: unknown;
  }>(
    `select s.email, s.phone, s.address as supplier_address, s.payment_terms_days, w.address as warehouse_address
     from invantray.suppliers s, invantray.warehouses w
     where s.tenant_id = $1 and s.id = $2 and w.tenant_id = $1 and w.id = $3`,
    [tenantId, order.supplier_id, order.warehouse_id],
  );
  const parties = rows[0];
  const lines = await selectLines(tx, tenantId, id);
  return {
    buyer: await tenantName(tx),
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: trimDecimal(order.total, 2),
    orderedOn: (order.sent_at ?? order.approved_at ?? order.created_at).toISOString().slice(0, 10),
    expectedOn: order.expected_on,
    note: order.note,
    paymentTermsDays: parties?.payment_terms_days ?? 30,
    supplier: {
      code: order.supplier_code,
      name: order.supplier_name,
      email: parties?.email ?? null,
      phone: parties?.phone ?? null,
      address: addressLines(parties?.supplier_address),
    },
    shipTo: {
      code: order.warehouse_code,
      name: order.warehouse_name,
      address: addressLines(parties?.warehouse_address),
    },
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
    })),
  };
}

async function tenantName(tx: Tx): Promise<string> {
  const { rows } = await tx.query<{ name: string }>(
    'select name from platform.tenants where id = platform.current_tenant_id()',
  );
  return rows[0]?.name ?? '';
}

/**
 * An address (jsonb, `{line1, line2, postalCode, city, region, country}` as
 * the house writes them) as printed lines; unknown keys with text are kept
 * after the known ones, so no part of an address is silently dropped.
 */
export function addressLines(address: unknown): string[] {
  if (!address || typeof address !== 'object' || Array.isArray(address)) return [];
  const parts = address as Record<string, unknown>;
  const text = (key: string) => (typeof parts[key] === 'string' ? (parts[key] as string).trim() : '');
  const known = ['line1', 'line2', 'street', 'postalCode', 'city', 'region', 'country'];
  const cityLine = [text('postalCode'), text('city')].filter(Boolean).join(' ');
  const lines = [text('line1'), text('street'), text('line2'), cityLine, text('region'), text('country')];
  for (const [key, value] of Object.entries(parts))
    if (!known.includes(key) && typeof value === 'string' && value.trim()) lines.push(value.trim());
  return lines.filter(Boolean);
}
