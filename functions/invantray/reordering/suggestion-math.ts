/**
 * The statistics behind the reorder-point suggestion. A suggestion, not a
 * ledger figure: floats are fine here (docs/decisions.md), and the API
 * rounds what it shows to 4 places.
 *
 * - Daily demand is a series with one value per calendar day, days without
 *   issues being 0 (so intermittent demand is not overstated).
 * - d: simple exponential smoothing of that series with α = 0.1 (an
 *   effective memory of about 2/α − 1 = 19 days: recent weeks weigh more,
 *   one odd day does not swing the answer), started at the series' mean so
 *   a short history has no start-up bias.
 * - σ: the sample standard deviation of the daily series.
 * - Reorder point = d·L + z·σ·√L: demand over the lead time L plus safety
 *   stock for the service level (z from the inverse normal, Acklam).
 */
export const SMOOTHING_ALPHA = 0.1;

export function smoothedDemand(series: readonly number[], alpha = SMOOTHING_ALPHA): number {
  if (series.length === 0) return 0;
  let level = mean(series);
  for (const value of series) level = alpha * value + (1 - alpha) * level;
  return level;
}

export function mean(series: readonly number[]): number {
  return series.length === 0 ? 0 : series.reduce((sum, value) => sum + value, 0) / series.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function standardDeviation(series: readonly number[]): number {
  if (series.length < 2) return 0;
  const average = mean(series);
  const squares = series.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(squares / (series.length - 1));
}

/**
 * The standard normal quantile: Peter Acklam's rational approximation
 * (relative error below 1.15e-9 over (0, 1)), which is far finer than any
 * demand forecast needs and avoids a statistics dependency.
 */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('The probability must lie strictly between 0 and 1.');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

export interface ReorderPointSuggestion {
  dailyDemand: number;
  averageDailyDemand: number;
  demandStdDev: number;
  z: number;
  safetyStock: number;
  reorderPoint: number;
}

/** Reorder point = d·L + z·σ·√L from a daily demand series, a lead time in days and a service level. */
export function suggestReorderPoint(
  series: readonly number[],
  leadTimeDays: number,
  serviceLevel: number,
): ReorderPointSuggestion {
  const dailyDemand = smoothedDemand(series);
  const demandStdDev = standardDeviation(series);
  const z = inverseNormal(serviceLevel);
  // A service level under 50 % would mean negative safety stock: never suggest less than the expected demand.
  const safetyStock = Math.max(0, z * demandStdDev * Math.sqrt(leadTimeDays));
  return {
    dailyDemand,
    averageDailyDemand: mean(series),
    demandStdDev,
    z,
    safetyStock,
    reorderPoint: dailyDemand * leadTimeDays + safetyStock,
  };
}

/** A float as the decimal string the API shows: 4 places, trailing zeros trimmed. */
export function decimalOf(value: number, places = 4): string {
  const fixed = value.toFixed(places);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}
