import { XMLValidator } from 'fast-xml-parser';
import { StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderBarcode, UnencodableValueError } from './barcodes';
import { createPdf, drawBarcode, fitText, pdfBytes, pdfSafeText } from './pdf';
import { pdfResult, svgResult } from './responses';
import { escapeXml, svgBarcode } from './svg';

const AT = new Date('2026-01-02T03:04:05Z');
const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('renderBarcode', () => {
  it('renders Code 128 as stroked bars plus the human-readable line', () => {
    const barcode = renderBarcode('code128', 'WH1-A-03-B2');

    expect(barcode.width).toBeGreaterThan(barcode.height);
    expect(barcode.paths.some((path) => path.strokeWidth !== undefined)).toBe(true);
    expect(barcode.paths.some((path) => path.strokeWidth === undefined)).toBe(true);
    expect(XMLValidator.validate(barcode.svg)).toBe(true);
  });

  it('renders a QR code as a square of filled modules, any text included', () => {
    const barcode = renderBarcode('qrcode', 'Čaj 茶 <&>');

    expect(barcode.width).toBe(barcode.height);
    expect(barcode.paths.length).toBeGreaterThan(0);
    expect(barcode.paths.every((path) => path.strokeWidth === undefined)).toBe(true);
  });

  it('refuses what Code 128 cannot carry', () => {
    expect(() => renderBarcode('code128', 'Čaj')).toThrow(UnencodableValueError);
    expect(() => renderBarcode('code128', 'x'.repeat(49))).toThrow(UnencodableValueError);
  });
});

describe('svg', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('places a barcode as a well-formed, scaled group', () => {
    const fragment = svgBarcode(renderBarcode('code128', 'SKU-1'), { x: 10, y: 20, width: 200, height: 60 });
    const document = `<svg xmlns="http://www.w3.org/2000/svg">${fragment}</svg>`;

    expect(XMLValidator.validate(document)).toBe(true);
    expect(fragment).toMatch(/^<g transform="translate\([\d.]+ [\d.]+\) scale\([\d.]+\)">/);
  });
});

describe('pdf', () => {
  it('writes a complete PDF with the barcode drawn as vectors', async () => {
    const pdf = await createPdf({ title: 'Label', at: AT });
    const page = pdf.addPage([288, 144]);
    drawBarcode(page, renderBarcode('qrcode', 'SKU-1'), { x: 180, y: 10, width: 100, height: 100 });
    drawBarcode(page, renderBarcode('code128', 'SKU-1'), { x: 10, y: 60, width: 160, height: 70 });

    const bytes = await pdfBytes(pdf);

    expect(ascii(bytes.slice(0, 5))).toBe('%PDF-');
    expect(ascii(bytes.slice(-8)).trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('renders the same document to the same bytes', async () => {
    const render = async () => {
      const pdf = await createPdf({ title: 'Label', at: AT });
      pdf.addPage([100, 100]);
      return pdfBytes(pdf);
    };

    expect(await render()).toEqual(await render());
  });

  it('turns characters a standard font cannot draw into ? and cuts long text to fit', async () => {
    const pdf = await createPdf({ title: 'Label', at: AT });
    const font = await pdf.embedFont(StandardFonts.Helvetica);

    expect(pdfSafeText(font, 'Café 茶\nnext')).toBe('Café ? next');
    const cut = fitText(font, 'A very long item name that cannot fit', 12, 80);
    expect(cut.endsWith('...')).toBe(true);
    expect(font.widthOfTextAtSize(cut, 12)).toBeLessThanOrEqual(80);
  });
});

describe('responses', () => {
  it('answers a PDF inline with a safe file name, uncached and script-free', () => {
    const result = pdfResult(new Uint8Array([1]), 'PO "00042"/x');

    expect(result.contentType).toBe('application/pdf');
    expect(result.headers).toMatchObject({
      'Content-Disposition': 'inline; filename="PO_00042_x.pdf"',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(result.headers?.['Content-Security-Policy']).toContain("default-src 'none'");
  });

  it('answers an SVG as text with its media type', () => {
    expect(svgResult('<svg/>', 'label')).toMatchObject({ raw: '<svg/>', contentType: 'image/svg+xml' });
  });
});
