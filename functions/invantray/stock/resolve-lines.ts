import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError } from '@halooid/shared/errors';
import { resolveLot } from '../domain/lots';
import { toBaseQuantity } from '../domain/units';

/**
 * A request line as the ledger counts it: the quantity in the item's base
 * unit, the cost per base unit, the lot resolved to its id, and a serial
 * tracked line split into one unit per serial number.
 */
export interface RequestedLine {
  itemId: string;
  quantity: string;
  unit?: string | undefined;
  lotNumber?: string | undefined;
  lotExpiresOn?: string | undefined;
  serialNumbers?: readonly string[] | undefined;
  unitCost?: string | undefined;
}

export interface ResolvedLine {
  itemId: string;
  lotId: string | null;
  quantity: string;
  unitCost: string | null;
}

export interface ResolveDeps {
  tx: Tx;
  tenantId: string;
  newId: () => string;
}

/**
 * `createLots`: receipts (and adjustments adding stock) make lot and serial
 * numbers they name for the first time; every other move names existing ones.
 */
export async function resolveLine(
  deps: ResolveDeps,
  line: RequestedLine,
  options: { createLots: boolean; path: string },
): Promise<ResolvedLine[]> {
  const { tx, tenantId } = deps;
  const quantity = await toBaseQuantity(tx, tenantId, line.itemId, line.quantity, line.unit);
  const unitCost =
    line.unitCost === undefined ? null : await costPerBaseUnit(tx, line.unitCost, line.quantity, quantity);
  const lot = (number: string) =>
    resolveLot(
      tx,
      deps,
      { itemId: line.itemId, number, expiresOn: line.lotExpiresOn ?? null },
      { create: options.createLots },
    );
  if (line.serialNumbers) {
    if (!(await sameQuantity(tx, quantity, line.serialNumbers.length)))
      throw new BusinessRuleError(
        'serial_count',
        `${options.path}: ${line.serialNumbers.length} serial numbers for ${quantity} units; send one per unit.`,
        [
          {
            field: `${options.path}.serialNumbers`,
            message: 'One serial number per unit.',
            code: 'serial_count',
          },
        ],
      );
    const resolved: ResolvedLine[] = [];
    for (const serial of line.serialNumbers) {
      resolved.push({ itemId: line.itemId, lotId: await lot(serial), quantity: '1', unitCost });
    }
    return resolved;
  }
  const lotId = line.lotNumber === undefined ? null : await lot(line.lotNumber);
  return [{ itemId: line.itemId, lotId, quantity, unitCost }];
}

/** A cost per `unit` as a cost per base unit: cost × quantity ÷ base quantity, in numeric, 6 places. */
async function costPerBaseUnit(tx: Tx, unitCost: string, quantity: string, base: string): Promise<string> {
  if (quantity === base) return unitCost;
  const { rows } = await tx.query<{ cost: string }>(
    'select round($1::numeric * $2::numeric / $3::numeric, 6)::text as cost',
    [unitCost, quantity, base],
  );
  return rows[0]?.cost ?? unitCost;
}

async function sameQuantity(tx: Tx, quantity: string, count: number): Promise<boolean> {
  const { rows } = await tx.query<{ same: boolean }>('select $1::numeric = $2::numeric as same', [
    quantity,
    count,
  ]);
  return rows[0]?.same === true;
}
