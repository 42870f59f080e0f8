import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { Barcode } from './barcodes';
import type { Box } from './svg';

/**
 * A new PDF with its metadata set. Dates are the caller's (a clock), so the
 * same document rendered twice is the same bytes in tests.
 */
export async function createPdf(meta: { title: string; author?: string; at: Date }): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  if (meta.author) pdf.setAuthor(meta.author);
  pdf.setProducer('Halooid');
  pdf.setCreator('Halooid');
  pdf.setCreationDate(meta.at);
  pdf.setModificationDate(meta.at);
  return pdf;
}

/** The finished file: `%PDF-` … `%%EOF`. */
export function pdfBytes(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save({ useObjectStreams: false });
}

/**
 * Text the font can draw. The standard fonts (Helvetica…) speak WinAnsi
 * only and pdf-lib throws on anything else (Greek, CJK, emoji): those
 * characters print as `?` instead of failing the whole document.
 */
export function pdfSafeText(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let safe = '';
  for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
    safe += supported.has(char.codePointAt(0) ?? 0) ? char : '?';
  }
  return safe;
}

/** `text` cut with an ellipsis to fit `maxWidth` at `size`. */
export function fitText(font: PDFFont, text: string, size: number, maxWidth: number): string {
  const safe = pdfSafeText(font, text);
  if (font.widthOfTextAtSize(safe, size) <= maxWidth) return safe;
  let cut = safe;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}...`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}...`;
}

/**
 * Draws the barcode's vectors scaled uniformly into the box, centred. Boxes
 * are measured from the page's top (as in svg.ts) and turned into PDF's
 * bottom-up coordinates here.
 */
export function drawBarcode(page: PDFPage, barcode: Barcode, box: Box): void {
  const scale = Math.min(box.width / barcode.width, box.height / barcode.height);
  const x = box.x + (box.width - barcode.width * scale) / 2;
  const top = box.y + (box.height - barcode.height * scale) / 2;
  // drawSvgPath places the path's origin at (x, y) and flips y downwards, as in SVG.
  const y = page.getHeight() - top;
  const black = rgb(0, 0, 0);
  for (const path of barcode.paths) {
    if (path.strokeWidth === undefined) page.drawSvgPath(path.d, { x, y, scale, color: black });
    else page.drawSvgPath(path.d, { x, y, scale, borderColor: black, borderWidth: path.strokeWidth * scale });
  }
}
