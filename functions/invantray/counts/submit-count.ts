import { BusinessRuleError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { loadSettings } from '../domain/settings';
import { auditCount } from './audit-count';
import { countFor } from './get-count';
import { postCount } from './post-count';
import { lockCountIn } from './require-status';
import type { Count, SubmitCountInput } from './schemas';

export type SubmitCountDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'actor'>;

/** How many uncounted lines a refusal names one by one. */
const LISTED = 100;

/**
 * Ends counting. Lines nobody counted are refused (422 `uncounted_lines`,
 * each named) unless `uncountedAsZero`. Each line's variance is valued at the
 * item's average cost now (kept on the line); the count's variance value is
 * Σ |counted − expected| × cost in the base currency. At or under the
 * tenant's `countApprovalThreshold` it posts at once; above, it waits for an
 * approver (`pending_approval`).
 */
export async function submitCount(
  countId: string,
  input: SubmitCountInput,
  deps: SubmitCountDeps,
): Promise<Count> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  await lockCountIn(tx, tenantId, countId, ['open'], 'submitted');
  if (input?.uncountedAsZero) {
    await tx.query(
      `update invantray.stock_count_lines set counted = 0, counted_by = $3, counted_at = now()
       where tenant_id = $1 and count_id = $2 and counted is null`,
      [tenantId, countId, userId],
    );
  } else {
    await refuseUncounted(deps, countId);
  }
  await tx.query(
    `update invantray.stock_count_lines cl set unit_cost = i.average_cost
     from invantray.items i
     where cl.tenant_id = $1 and cl.count_id = $2 and i.tenant_id = cl.tenant_id and i.id = cl.item_id`,
    [tenantId, countId],
  );
  const settings = await loadSettings(tx, tenantId);
  const { rows } = await tx.query<{ over: boolean }>(
    `with value as (
       select round(coalesce(sum(abs(counted - expected) * unit_cost), 0), 2) as total
       from invantray.stock_count_lines where tenant_id = $1 and count_id = $2
     )
     update invantray.stock_counts c
     set variance_value = value.total, submitted_by = $3, submitted_at = now(),
         status = case when value.total > $4::numeric then 'pending_approval' else c.status end,
         version = version + 1, updated_at = now()
     from value
     where c.tenant_id = $1 and c.id = $2
     returning value.total > $4::numeric as over`,
    [tenantId, countId, userId, settings.countApprovalThreshold],
  );
  if (!rows[0]?.over) await postCount(deps, { id: countId, approvedBy: null });
  const count = await countFor(tx, principal, countId);
  await auditCount(deps, 'submitted', count, { uncountedAsZero: input?.uncountedAsZero === true });
  return count;
}

async function refuseUncounted(deps: SubmitCountDeps, countId: string): Promise<void> {
  const { rows } = await deps.tx.query<{
    id: string;
    sku: string;
    code: string;
    lot: string | null;
    total: number;
  }>(
    `select cl.id, i.sku, loc.code, lot.number as lot, count(*) over ()::int as total
     from invantray.stock_count_lines cl
     join invantray.items i on i.tenant_id = cl.tenant_id and i.id = cl.item_id
     join invantray.locations loc on loc.tenant_id = cl.tenant_id and loc.id = cl.location_id
     left join invantray.lots lot on lot.tenant_id = cl.tenant_id and lot.id = cl.lot_key
     where cl.tenant_id = $1 and cl.count_id = $2 and cl.counted is null
     order by loc.code, i.sku, lot.number nulls first
     limit ${LISTED}`,
    [deps.principal.tenantId, countId],
  );
  if (rows.length === 0) return;
  throw new BusinessRuleError(
    'uncounted_lines',
    `${rows[0]?.total} line(s) were never counted: count them, or submit with uncountedAsZero to count them as 0.`,
    rows.map((row) => ({
      field: `lines.${row.id}`,
      message: `${row.sku}${row.lot ? ` lot ${row.lot}` : ''} at ${row.code} was not counted.`,
      code: 'uncounted',
    })),
  );
}
