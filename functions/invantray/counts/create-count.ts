import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { nextNumber } from '../domain/numbering';
import { auditCount } from './audit-count';
import { countFor } from './get-count';
import { insertCount, insertSnapshotLines, overlappingCount } from './repository';
import type { Count, CreateCountInput } from './schemas';

export type CreateCountDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'actor'>;

/**
 * Starts a count of a location (and, by default, every location below it):
 * numbered CNT-00001…, one line per balance with stock there, `expected`
 * snapshotted now. A count overlapping another open or submitted one is a
 * 409: both would post the same variance. Starting counts queue on a
 * per-tenant lock so two overlapping starts cannot both pass that check.
 */
export async function createCount(input: CreateCountInput, deps: CreateCountDeps): Promise<Count> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const { rows: locations } = await tx.query<{ id: string }>(
    'select id from invantray.locations where tenant_id = $1 and id = $2',
    [tenantId, input.stockLocationId],
  );
  if (!locations[0])
    throw new BusinessRuleError('location_not_found', 'That location does not exist.', [
      { field: 'body.stockLocationId', message: 'No such location.', code: 'location_not_found' },
    ]);
  const itemIds = input.itemIds ? [...new Set(input.itemIds)] : null;
  if (itemIds) {
    const { rows } = await tx.query<{ id: string }>(
      'select id from invantray.items where tenant_id = $1 and id = any($2::uuid[])',
      [tenantId, itemIds],
    );
    const known = new Set(rows.map((row) => row.id));
    const missing = itemIds.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new BusinessRuleError(
        'item_not_found',
        `${missing.length} of the items do not exist.`,
        missing.map((id) => ({
          field: `body.itemIds.${itemIds.indexOf(id)}`,
          message: 'No such item.',
          code: 'item_not_found',
        })),
      );
  }
  await tx.query("select pg_advisory_xact_lock(hashtextextended($1::text || ':stock-counts', 0))", [
    tenantId,
  ]);
  const other = await overlappingCount(tx, tenantId, input.stockLocationId, input.includeSublocations);
  if (other)
    throw new ConflictError(
      `${other.number} is still counting stock there: post or cancel it first.`,
      'count_overlaps',
      { countId: other.id, number: other.number },
    );
  const id = deps.newId();
  await insertCount(tx, {
    tenantId,
    id,
    number: await nextNumber(tx, tenantId, 'count'),
    locationId: input.stockLocationId,
    includeSublocations: input.includeSublocations,
    itemIds,
    note: input.note ?? null,
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
  await insertSnapshotLines(tx, tenantId, {
    id,
    locationId: input.stockLocationId,
    includeSublocations: input.includeSublocations,
    itemIds,
  });
  const count = await countFor(tx, principal, id);
  await auditCount(deps, 'started', count, {
    stockLocationId: input.stockLocationId,
    lines: count.lineCount,
  });
  return count;
}
