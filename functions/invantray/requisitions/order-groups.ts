/**
 * How an approved requisition's lines become purchase orders, as pure rules:
 * one draft per supplier and currency (a supplier quoting one item in EUR and
 * another in USD gets two orders, since an order has one currency), in the
 * order the lines were asked for. Prices are decimal strings; nothing here
 * computes with them.
 */
export interface OrderLine {
  lineId: string;
  itemId: string;
  sku: string;
  /** In the item's base unit. */
  quantity: string;
  supplierId: string;
  /** The currency of the supplier's quote, or the supplier's own when it quotes nothing. */
  currency: string;
  /** The supplier's price for the quantity today, or null: valued at the item's average cost instead. */
  quotedPrice: string | null;
  /** The item's moving-average cost in the base currency. */
  averageCost: string;
}

export interface OrderGroup {
  supplierId: string;
  currency: string;
  lines: OrderLine[];
}

export function groupBySupplier(lines: readonly OrderLine[]): OrderGroup[] {
  const groups = new Map<string, OrderGroup>();
  for (const line of lines) {
    const key = `${line.supplierId}/${line.currency}`;
    const group = groups.get(key) ?? { supplierId: line.supplierId, currency: line.currency, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The order currencies that are not the base currency and have no exchange rate given, sorted. */
export function missingRates(
  groups: readonly OrderGroup[],
  baseCurrency: string,
  rates: Readonly<Record<string, string>>,
): string[] {
  const missing = new Set(
    groups.map((group) => group.currency).filter((currency) => currency !== baseCurrency && !rates[currency]),
  );
  return [...missing].sort();
}
