import type { Barcode } from './barcodes';

/** Text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[char]};`,
  );
}

/** A box in document units, y measured down from the top (SVG's way). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The barcode scaled uniformly to fit the box, centred, as an SVG fragment. */
export function svgBarcode(barcode: Barcode, box: Box): string {
  const scale = Math.min(box.width / barcode.width, box.height / barcode.height);
  const x = box.x + (box.width - barcode.width * scale) / 2;
  const y = box.y + (box.height - barcode.height * scale) / 2;
  const paths = barcode.paths
    .map((path) =>
      path.strokeWidth === undefined
        ? `<path fill="#000" d="${escapeXml(path.d)}"/>`
        : `<path stroke="#000" stroke-width="${path.strokeWidth}" d="${escapeXml(path.d)}"/>`,
    )
    .join('');
  return `<g transform="translate(${round(x)} ${round(y)}) scale(${round(scale)})">${paths}</g>`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
