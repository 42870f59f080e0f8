import type { PurchaseOrderDocument } from './document';

/** Text as HTML shows it: every character that could open markup or end an attribute escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"'`]/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[char] ?? char,
  );
}

const lines = (values: readonly string[]) => values.map((value) => `${escapeHtml(value)}<br>`).join('');

/**
 * The purchase order as a standalone printable page: no script, no external
 * resource (styles inline, print-friendly A4), every value from data escaped.
 */
export function purchaseOrderHtml(doc: PurchaseOrderDocument): string {
  const e = escapeHtml;
  const rows = doc.lines
    .map(
      (line) =>
        `<tr><td>${line.lineNo}</td><td>${e(line.sku)}</td><td>${e(line.name)}</td>` +
        `<td class="num">${e(line.quantity)}</td><td>${e(line.unit)}</td>` +
        `<td class="num">${e(line.unitPrice)}</td><td class="num">${e(line.lineTotal)}</td></tr>`,
    )
    .join('\n');
  const supplierContact = [doc.supplier.email, doc.supplier.phone].filter(
    (value): value is string => !!value,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Purchase order ${e(doc.number)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font: 11pt/1.4 system-ui, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
  h1 { font-size: 18pt; margin: 0 0 4mm; }
  .meta, .parties { display: flex; gap: 12mm; margin-bottom: 6mm; }
  .parties section { flex: 1; }
  h2 { font-size: 10pt; text-transform: uppercase; letter-spacing: .05em; color: #555; margin: 0 0 1mm; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border-bottom: 1px solid #ccc; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  tfoot td { font-weight: bold; border-bottom: none; }
  .note { margin-top: 6mm; white-space: pre-wrap; }
</style>
</head>
<body>
<header>
  <h1>Purchase order ${e(doc.number)}</h1>
  <div class="meta">
    <div><h2>Buyer</h2>${e(doc.buyer)}</div>
    <div><h2>Order date</h2>${e(doc.orderedOn)}</div>
    <div><h2>Expected</h2>${e(doc.expectedOn ?? '—')}</div>
    <div><h2>Payment terms</h2>Net ${doc.paymentTermsDays} days</div>
  </div>
</header>
<div class="parties">
  <section><h2>Supplier</h2><strong>${e(doc.supplier.name)}</strong> (${e(doc.supplier.code)})<br>${lines(doc.supplier.address)}${lines(supplierContact)}</section>
  <section><h2>Ship to</h2><strong>${e(doc.shipTo.name)}</strong> (${e(doc.shipTo.code)})<br>${lines(doc.shipTo.address)}</section>
</div>
<table>
  <thead><tr><th>#</th><th>SKU</th><th>Item</th><th class="num">Qty</th><th>Unit</th><th class="num">Unit price</th><th class="num">Total</th></tr></thead>
  <tbody>
${rows}
  </tbody>
  <tfoot><tr><td colspan="6" class="num">Total ${e(doc.currency)}</td><td class="num">${e(doc.total)}</td></tr></tfoot>
</table>
${doc.note ? `<p class="note">${e(doc.note)}</p>` : ''}
</body>
</html>
`;
}
