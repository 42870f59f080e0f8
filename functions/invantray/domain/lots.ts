import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError } from '@halooid/shared/errors';

/**
 * Lot and serial numbers by the number people type or scan. Receiving makes
 * them (`create: true`, with an expiry for lots); every other move names one
 * that exists. Which kind an item takes is its `tracking`.
 */
export interface LotRequest {
  itemId: string;
  number: string;
  expiresOn?: string | null;
}

export async function resolveLot(
  tx: Tx,
  deps: { tenantId: string; newId: () => string },
  request: LotRequest,
  options: { create: boolean },
): Promise<string> {
  const { rows: items } = await tx.query<{ tracking: 'none' | 'lot' | 'serial'; sku: string }>(
    'select tracking, sku from invantray.items where tenant_id = $1 and id = $2',
    [deps.tenantId, request.itemId],
  );
  const item = items[0];
  if (!item) throw new BusinessRuleError('item_not_found', `Item ${request.itemId} does not exist.`);
  if (item.tracking === 'none')
    throw new BusinessRuleError('lot_not_tracked', `${item.sku} is not tracked by lot or serial number.`);
  if (options.create) {
    // Insert-or-read in one statement: two receipts of the same new lot both end up with the one row.
    const { rows } = await tx.query<{ id: string }>(
      `with made as (
         insert into invantray.lots (tenant_id, id, item_id, kind, number, expires_on)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, item_id, number) do nothing
         returning id
       )
       select id from made
       union all
       select id from invantray.lots where tenant_id = $1 and item_id = $3 and number = $5
       limit 1`,
      [deps.tenantId, deps.newId(), request.itemId, item.tracking, request.number, request.expiresOn ?? null],
    );
    if (rows[0]) return rows[0].id;
  }
  const { rows } = await tx.query<{ id: string }>(
    'select id from invantray.lots where tenant_id = $1 and item_id = $2 and number = $3',
    [deps.tenantId, request.itemId, request.number],
  );
  if (!rows[0])
    throw new BusinessRuleError(
      'lot_not_found',
      `${item.sku} has no ${item.tracking} number ${request.number}.`,
    );
  return rows[0].id;
}
