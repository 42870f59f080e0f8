import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { getMailer } from '@halooid/shared/mail';
import { EVENT_CATALOGS } from '../../event-index.generated';
import { emailAlertRaised } from './email-alert-raised';
import { alertsService } from './service';

/**
 * A new alert's email to the tenant's administrators. The kernel dedupes the
 * event in the inbox; a send that fails rolls the inbox row back, so the
 * bus's retry mails again (at least once: an admin may get a message twice,
 * never none).
 */
export const emailAdmins = defineConsumer({
  service: alertsService,
  subscription: 'email-alert-raised',
  catalogs: EVENT_CATALOGS,
  handle: async (event, { tx }) => {
    await emailAlertRaised(tx, event, getMailer());
  },
});

/** Lambda entry for the capability's EventBridge rule. */
export const handler = createSubscriberHandler(alertsService, { emailAdmins });
