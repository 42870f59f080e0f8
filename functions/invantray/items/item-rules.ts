import type { FieldError } from '@halooid/shared/errors';

/**
 * The rules between an item's base unit, its conversions and its barcodes,
 * which no single field's schema can check: a conversion is to another unit
 * (the base unit is 1 by definition), each unit and each barcode appears once
 * (case-insensitive for units), and a barcode counts the base unit or one of
 * the item's conversions. Returns the problems, field by field.
 */
export function unitAndBarcodeProblems(
  unit: string,
  units: readonly { unit: string }[],
  barcodes: readonly { code: string; unit?: string | null | undefined }[],
  where: { units: string; barcodes: string },
): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set([unit.toLowerCase()]);
  units.forEach((entry, index) => {
    const key = entry.unit.toLowerCase();
    if (key === unit.toLowerCase())
      problems.push({
        field: `${where.units}.${index}.unit`,
        message: `${entry.unit} is the base unit; list only the other units and how many ${unit} each is.`,
        code: 'base_unit_conversion',
      });
    else if (known.has(key))
      problems.push({
        field: `${where.units}.${index}.unit`,
        message: `${entry.unit} is listed twice.`,
        code: 'duplicate_unit',
      });
    known.add(key);
  });
  const codes = new Set<string>();
  barcodes.forEach((barcode, index) => {
    if (codes.has(barcode.code))
      problems.push({
        field: `${where.barcodes}.${index}.code`,
        message: `${barcode.code} is listed twice.`,
        code: 'duplicate_barcode',
      });
    codes.add(barcode.code);
    if (barcode.unit && !known.has(barcode.unit.toLowerCase()))
      problems.push({
        field: `${where.barcodes}.${index}.unit`,
        message: `${barcode.unit} is neither the base unit (${unit}) nor one of the item's units.`,
        code: 'unknown_unit',
      });
  });
  return problems;
}

/**
 * A barcode's unit as stored: null when it counts the base unit, otherwise
 * the conversion's own spelling (so "BOX" on a barcode finds the "box" unit).
 */
export function barcodeUnitOf(
  baseUnit: string,
  units: readonly { unit: string }[],
  unit: string | null | undefined,
): string | null {
  if (!unit || unit.toLowerCase() === baseUnit.toLowerCase()) return null;
  return units.find((entry) => entry.unit.toLowerCase() === unit.toLowerCase())?.unit ?? unit;
}
