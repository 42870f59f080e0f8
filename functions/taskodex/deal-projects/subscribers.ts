import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { EVENT_CATALOGS } from '../../event-index.generated';
import { createDealProject } from './create-deal-project';
import { dealProjectsService } from './service';

/**
 * CustomerConnect's `opportunity.won` → the deal's Taskodex project. The
 * kernel checks the event against CustomerConnect's catalog and dedupes it in
 * the inbox; createDealProject is idempotent per deal on top.
 */
export const createDealProjects = defineConsumer({
  service: dealProjectsService,
  subscription: 'projects-from-won-deals',
  catalogs: EVENT_CATALOGS,
  handle: async (event, { tx, events, logger }) => {
    await createDealProject(event, { tx, events, logger });
  },
});

/** Lambda entry for the capability's EventBridge rule. */
export const handler = createSubscriberHandler(dealProjectsService, { createDealProjects });
