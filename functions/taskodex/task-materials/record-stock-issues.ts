import type { Tx } from '@halooid/shared/db/transaction';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import { isUuid } from '@halooid/shared/ids';
import type { Logger } from '@halooid/shared/observability';
import { type ActivityEntry, recordActivities } from '../domain/task-activity';
import { liveTaskIds } from './repository';
import { STOCK_ISSUED, type StockIssued, StockMoved } from './schemas';

/**
 * Invantray's `stock.moved` → one `stock_issued` entry on the timeline of
 * each task an issue move names (`reference: {type: "task", id}`), with the
 * item, quantity, unit and the move. Moves of other kinds or references, and
 * references to a task the tenant does not have (never had, or deleted), are
 * skipped: stock can be issued against work Taskodex no longer tracks. The
 * entry's actor is whoever posted the move. The consumer kernel records the
 * event in the inbox in the same transaction, so a redelivery adds nothing.
 * Returns how many entries were written.
 */
export async function recordStockIssues(
  event: Pick<EventEnvelope, 'tenantId' | 'actor' | 'data'>,
  context: { tx: Tx; logger: Pick<Logger, 'info'> },
): Promise<number> {
  const { moves } = StockMoved.parse(event.data);
  const issues = moves.filter(
    (move) => move.kind === 'issue' && move.reference?.type === 'task' && isUuid(move.reference.id),
  );
  if (issues.length === 0) return 0;
  const tasks = await liveTaskIds(
    context.tx,
    event.tenantId,
    issues.map((move) => move.reference?.id as string),
  );
  const actorId = event.actor.type !== 'system' && isUuid(event.actor.id) ? event.actor.id : null;
  const entries: ActivityEntry[] = issues
    .filter((move) => tasks.has(move.reference?.id as string))
    .map((move) => ({
      tenantId: event.tenantId,
      taskId: move.reference?.id as string,
      actorId,
      kind: STOCK_ISSUED,
      to: {
        itemId: move.itemId,
        sku: move.sku,
        quantity: move.quantity,
        unit: move.unit,
        moveId: move.id,
        fromLocationId: move.fromLocationId,
        fromWarehouseId: move.fromWarehouseId,
        note: move.note,
      } satisfies StockIssued,
    }));
  await recordActivities(context.tx, entries);
  if (entries.length < issues.length)
    context.logger.info('Stock issued against tasks Taskodex does not have; skipped', {
      skipped: issues.length - entries.length,
    });
  return entries.length;
}
