import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { EVENT_CATALOGS } from '../../event-index.generated';
import { recordStockIssues } from './record-stock-issues';
import { taskMaterialsService } from './service';

/**
 * Invantray's `stock.moved` → `stock_issued` entries on the tasks its issue
 * moves name. The kernel checks the event against Invantray's catalog and
 * records it in the inbox with the entries, so a replay adds nothing.
 */
export const recordTaskStockIssues = defineConsumer({
  service: taskMaterialsService,
  subscription: 'activity-from-stock-issues',
  catalogs: EVENT_CATALOGS,
  handle: async (event, { tx, logger }) => {
    await recordStockIssues(event, { tx, logger });
  },
});

/** Lambda entry for the capability's EventBridge rule. */
export const handler = createSubscriberHandler(taskMaterialsService, { recordTaskStockIssues });
