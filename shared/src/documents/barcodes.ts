// Named encoders, not the default export: esbuild then bundles these two symbologies, not all 100+.
import { code128, drawingSVG, qrcode } from 'bwip-js/node';

/** The symbologies documents print: Code 128 for scanners at the shelf, QR for phone cameras. */
export type Symbology = 'code128' | 'qrcode';

/** One path of a symbol: filled (QR modules, text glyphs) or stroked at a width (Code 128 bars). */
export interface SymbolPath {
  d: string;
  strokeWidth?: number;
}

/**
 * A rendered barcode in its own coordinate space (`width` × `height`, y down,
 * as in SVG): the same paths draw it in an SVG (`svg`) or a PDF (pdf.ts), so
 * both formats print the very same symbol.
 */
export interface Barcode {
  width: number;
  height: number;
  paths: SymbolPath[];
  /** A standalone SVG document of the symbol, as bwip-js wrote it. */
  svg: string;
}

/** Code 128 carries ASCII only; longer values make bars too thin to scan on a label. */
export const CODE128_MAX_LENGTH = 48;

/** The value cannot be printed in this symbology (non-ASCII for Code 128, too long). */
export class UnencodableValueError extends Error {}

/**
 * Renders `value` as a Code 128 symbol (with its human-readable line under
 * the bars, drawn as paths so no font is needed) or a QR code (error
 * correction M, UTF-8). Vector output, so it prints sharp at any size.
 */
export function renderBarcode(symbology: Symbology, value: string): Barcode {
  if (symbology === 'code128' && (!/^[\x20-\x7e]+$/.test(value) || value.length > CODE128_MAX_LENGTH)) {
    throw new UnencodableValueError(`Code 128 prints 1 to ${CODE128_MAX_LENGTH} printable ASCII characters.`);
  }
  let svg: string;
  try {
    svg =
      symbology === 'code128'
        ? // Quiet zones are part of the symbol (10 modules beside Code 128, 4 round a QR code), so a
          // layout that places symbols edge to edge still leaves scanners the margin they need.
          code128(
            {
              bcid: 'code128',
              text: value,
              scale: 1,
              height: 12,
              includetext: true,
              textxalign: 'center',
              paddingwidth: 10,
            },
            drawingSVG(),
          )
        : // The bytes of the UTF-8 text, which phone readers decode as UTF-8.
          qrcode(
            {
              bcid: 'qrcode',
              text: Buffer.from(value, 'utf8').toString('latin1'),
              scale: 1,
              paddingwidth: 4,
              paddingheight: 4,
            },
            drawingSVG(),
          );
  } catch (error) {
    throw new UnencodableValueError(error instanceof Error ? error.message : String(error));
  }
  return { ...parseSymbol(svg), svg };
}

const VIEW_BOX = /viewBox="0 0 ([\d.]+) ([\d.]+)"/;
const PATH = /<path\b([^>]*)\/>/g;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}="([^"]*)"`);

/**
 * bwip-js writes its symbols as a viewBox and plain `<path>` elements
 * (stroked bars, filled modules and glyphs), nothing else; reading them back
 * lets the PDF draw the same vectors.
 */
function parseSymbol(svg: string): Pick<Barcode, 'width' | 'height' | 'paths'> {
  const box = VIEW_BOX.exec(svg);
  if (!box) throw new UnencodableValueError('The barcode renderer gave no viewBox.');
  const paths: SymbolPath[] = [];
  for (const [, attributes = ''] of svg.matchAll(PATH)) {
    const d = ATTRIBUTE('d').exec(attributes)?.[1];
    if (!d) continue;
    const stroke = ATTRIBUTE('stroke-width').exec(attributes)?.[1];
    paths.push(stroke ? { d, strokeWidth: Number(stroke) } : { d });
  }
  return { width: Number(box[1]), height: Number(box[2]), paths };
}
