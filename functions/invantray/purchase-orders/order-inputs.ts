import type { Tx } from '@halooid/shared/db/transaction';
import { AppError, BusinessRuleError, type FieldError } from '@halooid/shared/errors';
import { compareDecimals } from '../domain/approval';
import { priceFor } from '../domain/prices';
import type { DraftLine } from '../domain/purchase-orders';
import { loadSettings } from '../domain/settings';
import { toBaseQuantity } from '../domain/units';

/**
 * The checks every written order passes, on create and on edit: the supplier
 * and warehouse exist in the tenant and are active, the exchange rate fits
 * the currency (1 for the base currency, required otherwise), and each line's
 * item is active, its quantity converts to the base unit and it has a price
 * (given, or the supplier's for that quantity today in the order's currency).
 * Every refusal is a 422 naming the field, never a database error.
 */
const refuse = (code: string, field: string, message: string): never => {
  throw new BusinessRuleError(code, message, [{ field, message, code }]);
};

export interface Supplier {
  id: string;
  name: string;
  currency: string;
}

export async function activeSupplier(tx: Tx, tenantId: string, supplierId: string): Promise<Supplier> {
  const { rows } = await tx.query<Supplier & { active: boolean }>(
    'select id, name, currency, active from invantray.suppliers where tenant_id = $1 and id = $2',
    [tenantId, supplierId],
  );
  const supplier = rows[0];
  if (!supplier) return refuse('supplier_not_found', 'body.supplierId', 'No such supplier in this tenant.');
  if (!supplier.active)
    refuse('supplier_inactive', 'body.supplierId', `Supplier ${supplier.name} is inactive.`);
  return supplier;
}

export async function assertActiveWarehouse(tx: Tx, tenantId: string, warehouseId: string): Promise<void> {
  const { rows } = await tx.query<{ name: string; active: boolean }>(
    'select name, active from invantray.warehouses where tenant_id = $1 and id = $2',
    [tenantId, warehouseId],
  );
  const warehouse = rows[0];
  if (!warehouse) refuse('warehouse_not_found', 'body.warehouseId', 'No such warehouse in this tenant.');
  else if (!warehouse.active)
    refuse('warehouse_inactive', 'body.warehouseId', `Warehouse ${warehouse.name} is inactive.`);
}

/** The exchange rate an order in `currency` is stored with. */
export async function exchangeRateFor(
  tx: Tx,
  tenantId: string,
  currency: string,
  exchangeRate: string | undefined,
): Promise<string> {
  const { baseCurrency } = await loadSettings(tx, tenantId);
  if (currency === baseCurrency) {
    if (exchangeRate !== undefined && compareDecimals(exchangeRate, '1') !== 0)
      refuse(
        'exchange_rate_not_one',
        'body.exchangeRate',
        `The order is in the base currency (${baseCurrency}); its exchange rate is 1.`,
      );
    return '1';
  }
  if (exchangeRate === undefined)
    return refuse(
      'exchange_rate_required',
      'body.exchangeRate',
      `The order is in ${currency}, not the base currency ${baseCurrency}: send exchangeRate (${baseCurrency} per 1 ${currency}).`,
    );
  return exchangeRate;
}

export interface LineInput {
  itemId: string;
  quantity: string;
  unit?: string | undefined;
  unitPrice?: string | undefined;
  note?: string | null | undefined;
}

export interface PricingContext {
  supplier: Supplier;
  currency: string;
  /** YYYY-MM-DD: the day supplier prices are taken for. */
  today: string;
}

/**
 * The lines as the order stores them (base unit, price per base unit), or a
 * 422 naming every offending line. `keptPrices[i]` is an edited line's
 * current price, used when it sends none.
 */
export async function resolveLines(
  tx: Tx,
  tenantId: string,
  pricing: PricingContext,
  lines: readonly LineInput[],
  keptPrices: readonly (string | undefined)[] = [],
): Promise<DraftLine[]> {
  await assertActiveItems(tx, tenantId, lines);
  const resolved: DraftLine[] = [];
  const unpriced: FieldError[] = [];
  for (const [index, line] of lines.entries()) {
    const quantity = await baseQuantity(tx, tenantId, line, index);
    let unitPrice = line.unitPrice ?? keptPrices[index];
    if (unitPrice === undefined) {
      const price = await priceFor(tx, tenantId, {
        supplierId: pricing.supplier.id,
        itemId: line.itemId,
        quantity,
        on: pricing.today,
      });
      if (price && price.currency === pricing.currency) unitPrice = price.unitPrice;
      else
        unpriced.push({
          field: `body.lines.${index}.unitPrice`,
          code: 'no_supplier_price',
          message: `${pricing.supplier.name} quotes no price in ${pricing.currency} for this item and quantity today: send unitPrice.`,
        });
    }
    resolved.push({ itemId: line.itemId, quantity, unitPrice: unitPrice ?? '0', note: line.note ?? null });
  }
  if (unpriced.length > 0)
    throw new BusinessRuleError(
      'no_supplier_price',
      `Line${unpriced.length > 1 ? 's' : ''} ${unpriced.map((error) => Number(error.field.split('.')[2]) + 1).join(', ')} ha${unpriced.length > 1 ? 've' : 's'} no price: send unitPrice or add a supplier price.`,
      unpriced,
    );
  return resolved;
}

async function assertActiveItems(tx: Tx, tenantId: string, lines: readonly LineInput[]): Promise<void> {
  const { rows } = await tx.query<{ id: string; active: boolean }>(
    'select id, active from invantray.items where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, [...new Set(lines.map((line) => line.itemId))]],
  );
  const active = new Map(rows.map((row) => [row.id, row.active]));
  const errors: FieldError[] = [];
  for (const [index, line] of lines.entries()) {
    const state = active.get(line.itemId);
    if (state === true) continue;
    errors.push({
      field: `body.lines.${index}.itemId`,
      code: state === undefined ? 'item_not_found' : 'item_inactive',
      message: state === undefined ? 'No such item in this tenant.' : 'The item is inactive.',
    });
  }
  const first = errors[0];
  if (first) throw new BusinessRuleError(first.code, 'Some lines name items that cannot be ordered.', errors);
}

/** The line's quantity in the item's base unit; a unit the item lacks is a 422 on that line's `unit`. */
async function baseQuantity(tx: Tx, tenantId: string, line: LineInput, index: number): Promise<string> {
  try {
    return await toBaseQuantity(tx, tenantId, line.itemId, line.quantity, line.unit);
  } catch (error) {
    if (error instanceof AppError && error.status === 422)
      throw new BusinessRuleError(error.code, error.message, [
        { field: `body.lines.${index}.unit`, code: error.code, message: error.message },
      ]);
    throw error;
  }
}
