import { type Barcode, renderBarcode, UnencodableValueError } from '@halooid/shared/documents/barcodes';
import { escapeXml, svgBarcode } from '@halooid/shared/documents/svg';
import { BusinessRuleError } from '@halooid/shared/errors';

/**
 * One printable label, 4 × 2 inches (288 × 144 pt, the common thermal
 * label): a title and a subtitle on top, the value as Code 128 (with its
 * human-readable line) at the left and as a QR code at the right. The same
 * layout and the same vector symbols make the SVG and the PDF, so what the
 * screen previews is what the printer prints.
 */
export interface LabelContent {
  title: string;
  subtitle: string;
  /** What both symbols carry: the scan resolves it back (GET /v1/invantray/lookup). */
  value: string;
}

export const LABEL_SIZE = { width: 288, height: 144 } as const;
const MARGIN = 10;
const TITLE = { size: 13, y: 22 };
const SUBTITLE = { size: 9, y: 36 };
const SYMBOLS_TOP = 44;
const QR_SIDE = LABEL_SIZE.height - SYMBOLS_TOP - MARGIN;
const CODE128_BOX = {
  x: MARGIN,
  y: SYMBOLS_TOP,
  width: LABEL_SIZE.width - 3 * MARGIN - QR_SIDE,
  height: QR_SIDE,
};
const QR_BOX = { x: LABEL_SIZE.width - MARGIN - QR_SIDE, y: SYMBOLS_TOP, width: QR_SIDE, height: QR_SIDE };
const TEXT_WIDTH = LABEL_SIZE.width - 2 * MARGIN;

function symbols(value: string): { code128: Barcode; qr: Barcode } {
  try {
    return { code128: renderBarcode('code128', value), qr: renderBarcode('qrcode', value) };
  } catch (error) {
    if (error instanceof UnencodableValueError)
      throw new BusinessRuleError(
        'unencodable_barcode',
        `"${value}" cannot be printed as Code 128 (printable ASCII, at most 48 characters): give it a barcode that can.`,
      );
    throw error;
  }
}

/** Long text is cut for the SVG by characters (no font metrics there); the PDF cuts it by width. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function labelSvg(content: LabelContent): string {
  const { code128, qr } = symbols(content.value);
  const { width, height } = LABEL_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="4in" height="2in" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(content.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g font-family="Helvetica, Arial, sans-serif" fill="#000">`,
    `<text x="${MARGIN}" y="${TITLE.y}" font-size="${TITLE.size}" font-weight="bold">${escapeXml(clip(content.title, 38))}</text>`,
    `<text x="${MARGIN}" y="${SUBTITLE.y}" font-size="${SUBTITLE.size}">${escapeXml(clip(content.subtitle, 60))}</text>`,
    '</g>',
    svgBarcode(code128, CODE128_BOX),
    svgBarcode(qr, QR_BOX),
    '</svg>',
  ].join('');
}

export async function labelPdf(content: LabelContent, at: Date): Promise<Uint8Array> {
  const { code128, qr } = symbols(content.value);
  // Loaded on the first PDF: pdf-lib is half the bundle, and SVG labels never need it.
  const [{ createPdf, drawBarcode, fitText, pdfBytes }, { rgb, StandardFonts }] = await Promise.all([
    import('@halooid/shared/documents/pdf'),
    import('pdf-lib'),
  ]);
  const pdf = await createPdf({ title: content.title, at });
  const page = pdf.addPage([LABEL_SIZE.width, LABEL_SIZE.height]);
  const [bold, regular] = await Promise.all([
    pdf.embedFont(StandardFonts.HelveticaBold),
    pdf.embedFont(StandardFonts.Helvetica),
  ]);
  const black = rgb(0, 0, 0);
  page.drawText(fitText(bold, content.title, TITLE.size, TEXT_WIDTH), {
    x: MARGIN,
    y: LABEL_SIZE.height - TITLE.y,
    size: TITLE.size,
    font: bold,
    color: black,
  });
  page.drawText(fitText(regular, content.subtitle, SUBTITLE.size, TEXT_WIDTH), {
    x: MARGIN,
    y: LABEL_SIZE.height - SUBTITLE.y,
    size: SUBTITLE.size,
    font: regular,
    color: black,
  });
  drawBarcode(page, code128, CODE128_BOX);
  drawBarcode(page, qr, QR_BOX);
  return pdfBytes(pdf);
}
