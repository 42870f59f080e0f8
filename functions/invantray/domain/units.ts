import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError } from '@halooid/shared/errors';

/**
 * Quantities in another unit of an item (a box of 12) in its base unit (each),
 * which is what the ledger, balances and order lines count. The product is
 * computed in numeric and rounded to the ledger's 4 places; a result that
 * rounds to nothing is refused rather than posted as zero.
 */
export async function toBaseQuantity(
  tx: Tx,
  tenantId: string,
  itemId: string,
  quantity: string,
  unit: string | null | undefined,
): Promise<string> {
  const { rows } = await tx.query<{ base_unit: string; factor: string | null }>(
    `select i.unit as base_unit,
            case when $3::text is null or lower($3) = lower(i.unit) then '1'
                 else (select u.factor::text from invantray.item_units u
                       where u.tenant_id = i.tenant_id and u.item_id = i.id and lower(u.unit) = lower($3)) end as factor
     from invantray.items i where i.tenant_id = $1 and i.id = $2`,
    [tenantId, itemId, unit ?? null],
  );
  const row = rows[0];
  if (!row) throw new BusinessRuleError('item_not_found', `Item ${itemId} does not exist.`);
  if (row.factor === null)
    throw new BusinessRuleError(
      'unknown_unit',
      `The item has no unit "${unit}"; its base unit is ${row.base_unit}.`,
    );
  if (row.factor === '1') return quantity;
  const { rows: product } = await tx.query<{ base: string }>(
    'select round($1::numeric * $2::numeric, 4)::text as base',
    [quantity, row.factor],
  );
  const base = product[0]?.base ?? '0';
  if (!/[1-9]/.test(base))
    throw new BusinessRuleError(
      'quantity_too_small',
      'The quantity is less than one base unit’s ten-thousandth.',
    );
  return base;
}
