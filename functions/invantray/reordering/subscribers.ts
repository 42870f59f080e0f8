import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { uuidv7 } from '@halooid/shared/ids';
import { EVENT_CATALOGS } from '../../event-index.generated';
import type { MoveSnapshot } from '../domain/snapshots';
import { checkReorder } from './check-reorder';
import type { ItemWarehouse } from './reorder-repository';
import { reorderingService } from './service';

/** The (item, warehouse) pairs a batch of moves took stock out of: only those can have fallen below a point. */
export function pairsTakenFrom(moves: readonly MoveSnapshot[]): ItemWarehouse[] {
  const seen = new Map<string, ItemWarehouse>();
  for (const move of moves)
    if (move.fromWarehouseId)
      seen.set(`${move.itemId}:${move.fromWarehouseId}`, {
        itemId: move.itemId,
        warehouseId: move.fromWarehouseId,
      });
  return [...seen.values()];
}

/**
 * The on-move trigger: `invantray.stock.moved` → the reorder check of the
 * pairs the moves took from. The kernel dedupes the event in the inbox; the
 * check itself is idempotent (reorder-repository.ts lockSettings), so racing
 * the job or POST /reorder/run yields one draft line per shortfall.
 */
export const reorderOnMove = defineConsumer({
  service: reorderingService,
  subscription: 'reorder-on-move',
  catalogs: EVENT_CATALOGS,
  handle: async (event, { tx, events }) => {
    const { moves } = event.data as { moves: MoveSnapshot[] };
    await checkReorder(
      {
        tx,
        tenantId: event.tenantId,
        userId: null,
        newId: uuidv7,
        events,
        today: new Date().toISOString().slice(0, 10),
      },
      pairsTakenFrom(moves),
    );
  },
});

/** Lambda entry for the capability's EventBridge rule. */
export const handler = createSubscriberHandler(reorderingService, { reorderOnMove });
