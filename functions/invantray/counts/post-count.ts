import { trimDecimal } from '@halooid/shared/decimal';
import { AppError, ConflictError } from '@halooid/shared/errors';
import { lotIdOf } from '../domain/decimals';
import { type LedgerDeps, type MoveInput, postMoves } from '../domain/stock-ledger';
import { invantrayEvents } from '../events';

interface VarianceLine {
  id: string;
  item_id: string;
  sku: string;
  location_id: string;
  location_code: string;
  lot_key: string;
  lot_number: string | null;
  difference: string;
}

/** postMoves takes at most this many moves at once; a bigger count posts in several batches (one transaction). */
const BATCH = 1000;

/**
 * Posts a submitted count: one `count` move per line whose counted quantity
 * differs from the expected one (the snapshot), adding the difference to the
 * location or taking it, referencing the count. The takes go through the
 * ledger's never-negative check: when stock left the location since the
 * count started so that the take no longer fits, nothing is posted and the
 * 409 names the line (recount it after a reject). Then the count is
 * `posted` and `count.posted` recorded, all in the caller's transaction.
 */
export async function postCount(
  deps: LedgerDeps,
  count: { id: string; approvedBy: string | null },
): Promise<void> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const { rows: lines } = await tx.query<VarianceLine>(
    `select cl.id, cl.item_id, i.sku, cl.location_id, loc.code as location_code, cl.lot_key, lot.number as lot_number,
            (cl.counted - cl.expected)::text as difference
     from invantray.stock_count_lines cl
     join invantray.items i on i.tenant_id = cl.tenant_id and i.id = cl.item_id
     join invantray.locations loc on loc.tenant_id = cl.tenant_id and loc.id = cl.location_id
     left join invantray.lots lot on lot.tenant_id = cl.tenant_id and lot.id = cl.lot_key
     where cl.tenant_id = $1 and cl.count_id = $2 and cl.counted <> cl.expected
     order by cl.item_id, cl.location_id, cl.lot_key`,
    [tenantId, count.id],
  );
  const { rows: heads } = await tx.query<{ number: string; location_id: string; variance_value: string }>(
    `select number, location_id, coalesce(variance_value, 0)::text as variance_value
     from invantray.stock_counts where tenant_id = $1 and id = $2`,
    [tenantId, count.id],
  );
  const head = heads[0];
  if (!head) throw new Error(`Count ${count.id} vanished while posting`);
  const moves: MoveInput[] = lines.map((line) => {
    const taking = line.difference.startsWith('-');
    return {
      kind: 'count',
      itemId: line.item_id,
      lotId: lotIdOf(line.lot_key),
      quantity: taking ? line.difference.slice(1) : line.difference,
      ...(taking ? { fromLocationId: line.location_id } : { toLocationId: line.location_id }),
      reference: { type: 'count', id: count.id },
      note: `Cycle count ${head.number}`,
    };
  });
  for (let start = 0; start < moves.length; start += BATCH) {
    try {
      await postMoves(deps, moves.slice(start, start + BATCH));
    } catch (error) {
      throw explained(error, lines);
    }
  }
  await tx.query(
    `update invantray.stock_counts
     set status = 'posted', posted_at = now(), approved_by = $3, version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [tenantId, count.id, count.approvedBy],
  );
  await deps.events.record(invantrayEvents, 'count.posted', {
    countId: count.id,
    number: head.number,
    locationId: head.location_id,
    varianceValue: trimDecimal(head.variance_value, 2),
    approvedBy: count.approvedBy,
  });
}

/** The ledger's `insufficient_stock` as the count's words: which line no longer fits, and what to do. */
function explained(error: unknown, lines: readonly VarianceLine[]): unknown {
  if (!(error instanceof AppError) || error.code !== 'insufficient_stock') return error;
  const { itemId, available } = error.extensions;
  const locationId = error.extensions.stockLocationId ?? error.extensions.locationId;
  const line = lines.find(
    (candidate) =>
      candidate.item_id === itemId &&
      candidate.location_id === locationId &&
      candidate.difference.startsWith('-'),
  );
  if (!line) return error;
  const lot = line.lot_number ? ` lot ${line.lot_number}` : '';
  return new ConflictError(
    `Stock moved since the count started: the line ${line.sku}${lot} at ${line.location_code} takes ${trimDecimal(line.difference.slice(1))} but only ${String(available)} is available there now. Reject the count and recount that line, or cancel the count.`,
    'count_stock_changed',
    {
      lineId: line.id,
      itemId: line.item_id,
      stockLocationId: line.location_id,
      available: available ?? null,
    },
  );
}
