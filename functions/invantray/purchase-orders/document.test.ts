import { describe, expect, it } from 'vitest';
import { addressLines, type PurchaseOrderDocument } from './document';
import { escapeHtml, purchaseOrderHtml } from './document-html';
import { purchaseOrderPdf } from './document-pdf';

const doc = (overrides: Partial<PurchaseOrderDocument> = {}): PurchaseOrderDocument => ({
  buyer: 'Acme "Corp"',
  number: 'PO-00042',
  status: 'approved',
  currency: 'EUR',
  total: '1234.50',
  orderedOn: '2026-12-01',
  expectedOn: null,
  note: null,
  paymentTermsDays: 30,
  supplier: { code: 'S1', name: 'Parts & Co', email: null, phone: '+44 1', address: ['1 Road', 'Leeds'] },
  shipTo: { code: 'W1', name: 'Main', address: [] },
  lines: [
    {
      lineNo: 1,
      sku: 'B-1',
      name: 'Bolt',
      quantity: '10',
      unit: 'each',
      unitPrice: '123.45',
      lineTotal: '1234.50',
    },
  ],
  ...overrides,
});

describe('the HTML document', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });

  it('shows parties, terms, lines and the total with its currency, and runs no script', () => {
    const html = purchaseOrderHtml(doc({ note: '<img src=x onerror=alert(1)>' }));
    expect(html).toContain('Acme &quot;Corp&quot;');
    expect(html).toContain('Parts &amp; Co');
    expect(html).toContain('Net 30 days');
    expect(html).toContain('Total EUR');
    expect(html).toContain('1234.50');
    expect(html).not.toMatch(/<script|<img/);
  });
});

describe('the PDF document', () => {
  it('is a PDF, also with text Helvetica cannot draw and lines over several pages', async () => {
    const lines = Array.from({ length: 120 }, (_, index) => ({
      lineNo: index + 1,
      sku: `SKU-${index}`,
      name: index === 0 ? '螺栓 ✓ extremely long item name that will not fit its column at all' : 'Bolt',
      quantity: '1',
      unit: 'each',
      unitPrice: '1.00',
      lineTotal: '1.00',
    }));
    const bytes = await purchaseOrderPdf(
      doc({ lines, note: `Deliver to gate 3.\n${'Call the dock before arriving. '.repeat(40)}` }),
      new Date('2026-12-01T00:00:00Z'),
    );
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });
});

describe('addressLines', () => {
  it('prints the house address shape in postal order and keeps unknown parts', () => {
    expect(
      addressLines({
        line1: '9 Dock St',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
        attention: 'Bay 4',
      }),
    ).toEqual(['9 Dock St', '10115 Berlin', 'DE', 'Bay 4']);
    expect(addressLines(null)).toEqual([]);
    expect(addressLines(['x'])).toEqual([]);
  });
});
