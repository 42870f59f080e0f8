import { BusinessRuleError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { lotKeyOf } from '../domain/decimals';
import { resolveLot } from '../domain/lots';
import { auditCount } from './audit-count';
import { countFor } from './get-count';
import { locationsInScope, touchCount, upsertEntry } from './repository';
import { lockCountIn } from './require-status';
import type { Count, RecordEntriesInput } from './schemas';

export type RecordEntriesDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'actor'>;

interface ScopeRow {
  location_id: string;
  include_sublocations: boolean;
  item_ids: string[] | null;
}

/**
 * Records counted quantities on an open count; entering a line again
 * replaces its quantity (a recount). Stock found that the snapshot did not
 * list (an item, lot or bin the ledger had nothing for) adds a line whose
 * expected quantity is the ledger's balance there now. Every entry must lie
 * in the count's scope: a location of it, an item it counts, a lot or serial
 * the item has (tracked items need one, others take none). All entries land
 * or none (one 422 lists every refused entry).
 */
export async function recordEntries(
  countId: string,
  input: RecordEntriesInput,
  deps: RecordEntriesDeps,
): Promise<Count> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  await lockCountIn(tx, tenantId, countId, ['open'], 'counted');
  const { rows } = await tx.query<ScopeRow>(
    `select location_id, include_sublocations, item_ids::text[] as item_ids
     from invantray.stock_counts where tenant_id = $1 and id = $2`,
    [tenantId, countId],
  );
  const count = rows[0] as ScopeRow;
  const inScope = await locationsInScope(
    tx,
    tenantId,
    { locationId: count.location_id, includeSublocations: count.include_sublocations },
    input.entries.map((entry) => entry.stockLocationId),
  );
  const { rows: items } = await tx.query<{ id: string; tracking: 'none' | 'lot' | 'serial' }>(
    'select id, tracking from invantray.items where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, input.entries.map((entry) => entry.itemId)],
  );
  const tracking = new Map(items.map((item) => [item.id, item.tracking]));
  const errors: { field: string; message: string; code: string }[] = [];
  const resolved: { itemId: string; locationId: string; lotKey: string; counted: string }[] = [];
  for (const [index, entry] of input.entries.entries()) {
    const at = `body.entries.${index}`;
    const kind = tracking.get(entry.itemId);
    if (!kind) {
      errors.push({ field: `${at}.itemId`, message: 'No such item.', code: 'item_not_found' });
      continue;
    }
    if (count.item_ids && !count.item_ids.includes(entry.itemId)) {
      errors.push({
        field: `${at}.itemId`,
        message: 'This count does not count that item.',
        code: 'item_outside_count',
      });
      continue;
    }
    if (!inScope.has(entry.stockLocationId)) {
      errors.push({
        field: `${at}.stockLocationId`,
        message: 'That location is not part of this count.',
        code: 'location_outside_count',
      });
      continue;
    }
    if (kind !== 'none' && !entry.lotNumber) {
      errors.push({
        field: `${at}.lotNumber`,
        message: `The item is tracked by ${kind} number: name it.`,
        code: 'lot_required',
      });
      continue;
    }
    if (kind === 'none' && entry.lotNumber) {
      errors.push({
        field: `${at}.lotNumber`,
        message: 'The item is not tracked by lot or serial number.',
        code: 'lot_not_tracked',
      });
      continue;
    }
    if (kind === 'serial' && Number(entry.counted) > 1) {
      errors.push({
        field: `${at}.counted`,
        message: 'A serial number is one unit: count 0 or 1.',
        code: 'serial_quantity',
      });
      continue;
    }
    let lotId: string | null = null;
    if (entry.lotNumber) {
      try {
        lotId = await resolveLot(
          tx,
          { tenantId, newId: deps.newId },
          { itemId: entry.itemId, number: entry.lotNumber },
          { create: false },
        );
      } catch (error) {
        if (!(error instanceof BusinessRuleError)) throw error;
        errors.push({ field: `${at}.lotNumber`, message: error.message, code: error.code });
        continue;
      }
    }
    resolved.push({
      itemId: entry.itemId,
      locationId: entry.stockLocationId,
      lotKey: lotKeyOf(lotId),
      counted: entry.counted,
    });
  }
  if (errors.length > 0)
    throw new BusinessRuleError(
      'invalid_entries',
      `${errors.length} of the entries cannot be recorded.`,
      errors,
    );
  const countedBy = principal.principalType === 'user' ? principal.principalId : null;
  for (const entry of resolved)
    await upsertEntry(tx, tenantId, { ...entry, id: deps.newId(), countId, countedBy });
  await touchCount(tx, tenantId, countId);
  const counted = await countFor(tx, principal, countId);
  await auditCount(deps, 'counted', counted, { entries: resolved.length });
  return counted;
}
