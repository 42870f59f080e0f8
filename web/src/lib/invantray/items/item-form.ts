import { trimDecimal } from '$lib/decimal';
/**
 * The item dialog's text fields for lists: barcodes one per line (a carton's
 * as `code = box`), unit conversions as `box = 12`. Parsed here so the dialog
 * and its tests agree on the format.
 */
export interface UnitLine {
  unit: string;
  factor: string;
}
export interface BarcodeLine {
  code: string;
  unit?: string;
}

function lines(text: string): string[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** `box = 12` per line; a line that is not `unit = number` is reported by its number (1-based). */
export function parseUnits(text: string): { units: UnitLine[]; bad: number[] } {
  const units: UnitLine[] = [];
  const bad: number[] = [];
  lines(text).forEach((line, index) => {
    const match = /^([^=]{1,20}?)\s*=\s*(\d{1,12}(?:\.\d{1,6})?)$/.exec(line);
    if (match?.[1] && match[2] && !/^0+(\.0+)?$/.test(match[2]))
      units.push({ unit: match[1].trim(), factor: match[2] });
    else bad.push(index + 1);
  });
  return { units, bad };
}

/** A code per line, optionally `= unit` (what one scan of it counts). */
export function parseBarcodes(text: string): BarcodeLine[] {
  return lines(text).map((line) => {
    const [code = '', unit] = line.split('=').map((part) => part.trim());
    return unit ? { code, unit } : { code };
  });
}

export function unitsText(units: readonly UnitLine[]): string {
  return units.map((unit) => `${unit.unit} = ${trimDecimal(unit.factor)}`).join('\n');
}

export function barcodesText(barcodes: readonly { code: string; unit: string | null }[]): string {
  return barcodes
    .map((barcode) => (barcode.unit ? `${barcode.code} = ${barcode.unit}` : barcode.code))
    .join('\n');
}
