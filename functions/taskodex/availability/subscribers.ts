import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { EVENT_CATALOGS } from '../../event-index.generated';
import { recordTimeOffDecision } from './record-absence';
import { availabilityService } from './service';

/**
 * Qultrix's time-off decisions → taskodex.member_absences. Taskodex learns
 * of absences only through these events (products never import each
 * other); the kernel checks each against its producer's catalog and dedupes
 * it in the inbox, and the write is an upsert or a delete by request id, so
 * a replayed event changes nothing.
 */
export const recordAbsences = defineConsumer({
  service: availabilityService,
  subscription: 'absences-from-time-off',
  catalogs: EVENT_CATALOGS,
  handle: (event, { tx, logger }) => recordTimeOffDecision(event, { tx, logger }),
});

/** Lambda entry for the capability's EventBridge rule. */
export const handler = createSubscriberHandler(availabilityService, { recordAbsences });
