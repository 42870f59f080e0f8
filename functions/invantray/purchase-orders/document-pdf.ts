import { createPdf, fitText, pdfBytes, pdfSafeText } from '@halooid/shared/documents/pdf';
import { type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { PurchaseOrderDocument } from './document';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const SIZE = 9;
const ROW = 14;

/** Table columns: width in points and alignment; they add up to the printable width (515 pt). */
const COLUMNS = [
  { title: '#', width: 20, right: false },
  { title: 'SKU', width: 80, right: false },
  { title: 'Item', width: 180, right: false },
  { title: 'Qty', width: 55, right: true },
  { title: 'Unit', width: 45, right: false },
  { title: 'Unit price', width: 65, right: true },
  { title: 'Total', width: 70, right: true },
] as const;

interface Pen {
  page: PDFPage;
  /** Distance from the page's top, as people read it; turned into PDF's bottom-up y when drawing. */
  y: number;
}

/**
 * The purchase order as an A4 PDF (standard Helvetica, so no font file is
 * shipped): the same content as the HTML page, the line table continuing on
 * new pages with its header repeated. Text a standard font cannot draw prints
 * as `?` (pdfSafeText); long names are cut with an ellipsis to their column.
 */
export async function purchaseOrderPdf(doc: PurchaseOrderDocument, at: Date): Promise<Uint8Array> {
  const pdf = await createPdf({ title: `Purchase order ${doc.number}`, author: doc.buyer, at });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const newPage = (): Pen => ({ page: pdf.addPage([A4.width, A4.height]), y: MARGIN });
  const pen = newPage();
  const text = (
    value: string,
    x: number,
    options: { font?: PDFFont; size?: number; width?: number; right?: boolean } = {},
  ) => {
    const font = options.font ?? regular;
    const size = options.size ?? SIZE;
    const shown = options.width ? fitText(font, value, size, options.width - 4) : pdfSafeText(font, value);
    const left =
      options.right && options.width ? x + options.width - 2 - font.widthOfTextAtSize(shown, size) : x;
    pen.page.drawText(shown, { x: left, y: A4.height - pen.y - size, size, font, color: rgb(0, 0, 0) });
  };

  text(`Purchase order ${doc.number}`, MARGIN, { font: bold, size: 18 });
  pen.y += 30;
  const meta: [string, string][] = [
    ['Buyer', doc.buyer],
    ['Order date', doc.orderedOn],
    ['Expected', doc.expectedOn ?? '-'],
    ['Payment terms', `Net ${doc.paymentTermsDays} days`],
  ];
  meta.forEach(([label, value], index) => {
    const x = MARGIN + index * 130;
    text(label.toUpperCase(), x, { font: bold, size: 7, width: 125 });
    pen.y += 10;
    text(value, x, { width: 125 });
    pen.y -= 10;
  });
  pen.y += 34;

  const partyTop = pen.y;
  const party = (title: string, name: string, rest: readonly string[], x: number) => {
    pen.y = partyTop;
    text(title, x, { font: bold, size: 7, width: 250 });
    pen.y += 11;
    text(name, x, { font: bold, width: 250 });
    for (const line of rest) {
      pen.y += 11;
      text(line, x, { width: 250 });
    }
    return pen.y;
  };
  const supplierContact = [doc.supplier.email, doc.supplier.phone].filter(
    (value): value is string => !!value,
  );
  const supplierEnd = party(
    'SUPPLIER',
    `${doc.supplier.name} (${doc.supplier.code})`,
    [...doc.supplier.address, ...supplierContact],
    MARGIN,
  );
  const shipEnd = party(
    'SHIP TO',
    `${doc.shipTo.name} (${doc.shipTo.code})`,
    doc.shipTo.address,
    MARGIN + 260,
  );
  pen.y = Math.max(supplierEnd, shipEnd) + 24;

  const header = () => {
    let x = MARGIN;
    pen.page.drawRectangle({
      x: MARGIN,
      y: A4.height - pen.y - ROW + 3,
      width: A4.width - 2 * MARGIN,
      height: ROW,
      color: rgb(0.93, 0.93, 0.93),
    });
    for (const column of COLUMNS) {
      text(column.title, x + 2, { font: bold, width: column.width, right: column.right });
      x += column.width;
    }
    pen.y += ROW;
  };
  header();
  for (const line of doc.lines) {
    if (pen.y > A4.height - MARGIN - 2 * ROW) {
      Object.assign(pen, newPage());
      header();
    }
    const cells = [
      String(line.lineNo),
      line.sku,
      line.name,
      line.quantity,
      line.unit,
      line.unitPrice,
      line.lineTotal,
    ];
    let x = MARGIN;
    COLUMNS.forEach((column, index) => {
      text(cells[index] ?? '', x + 2, { width: column.width, right: column.right });
      x += column.width;
    });
    pen.y += ROW;
  }
  pen.y += 4;
  const totalWidth = COLUMNS.reduce((sum, column) => sum + column.width, 0);
  text(`Total ${doc.currency}  ${doc.total}`, MARGIN, {
    font: bold,
    size: 10,
    width: totalWidth,
    right: true,
  });
  if (doc.note) {
    pen.y += 12;
    for (const line of wrapText(regular, doc.note, SIZE, totalWidth - 4)) {
      pen.y += 12;
      if (pen.y > A4.height - MARGIN) Object.assign(pen, newPage());
      text(line, MARGIN);
    }
  }
  return pdfBytes(pdf);
}

/** `text` broken at spaces into lines no wider than `maxWidth` (a word longer than a line is cut by fitText). */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(pdfSafeText(font, candidate), size) > maxWidth) {
        lines.push(fitText(font, line, size, maxWidth));
        line = word;
      } else line = candidate;
    }
    lines.push(fitText(font, line, size, maxWidth));
  }
  return lines;
}
