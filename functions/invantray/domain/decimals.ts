import { decimalInput } from '@halooid/shared/decimal';

/**
 * Invantray's exact decimals as requests carry them, each shaped like the
 * column it lands in (functions/invantray/migrations/0001_inventory.sql):
 * quantities numeric(18,4), unit costs and prices numeric(18,6), totals and
 * thresholds numeric(18,2). Responses carry numerics as trimmed strings
 * (`trimDecimal` in @halooid/shared/decimal). Arithmetic happens in SQL.
 */
export const Quantity = decimalInput({
  whole: 14,
  places: 4,
  zero: false,
  description:
    'A positive quantity in the item’s unit as a decimal string with at most 4 places ("12", "2.5").',
});

/** A counted or configured quantity: zero allowed (a bin counted empty, a reorder point of 0). */
export const QuantityOrZero = decimalInput({
  whole: 14,
  places: 4,
  zero: true,
  description: 'A quantity as a decimal string with at most 4 places; zero allowed.',
});

export const UnitPrice = decimalInput({
  whole: 12,
  places: 6,
  zero: true,
  description: 'A unit price or cost as a decimal string with at most 6 places ("4.25").',
});

export const MoneyAmount = decimalInput({
  whole: 16,
  places: 2,
  zero: true,
  description: 'An amount of money as a decimal string with at most 2 places ("5000.00").',
});

export const Percent = decimalInput({
  whole: 3,
  places: 2,
  zero: true,
  description: 'A percentage as a decimal string ("2.5" is 2.5 %).',
});

/** The zero uuid stands for "no lot" in balance keys (a primary key cannot hold null). */
export const NO_LOT = '00000000-0000-0000-0000-000000000000';
export const lotKeyOf = (lotId: string | null | undefined): string => lotId ?? NO_LOT;
export const lotIdOf = (lotKey: string): string | null => (lotKey === NO_LOT ? null : lotKey);
