import type { NotifyHandler } from '@halooid/shared/notifications';
import { adminhubEvents } from '../events';

const SEVERITY_WORD = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

/**
 * adminhub.alert.raised → the tenant's administrators as the detector job
 * found them when it raised the alert (`recipientUserIds`). Someone no
 * longer an active member, or who muted the type, is skipped by the platform.
 */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const { alert, recipientUserIds } = adminhubEvents.events['alert.raised'].schema.parse(event.data);
  for (const userId of recipientUserIds)
    await notifyMember(userId, {
      title: `${SEVERITY_WORD[alert.severity]} security alert: ${alert.title}`,
      body: 'Review its evidence in Administration → Alerts, then acknowledge or resolve it.',
      resource: { type: 'adminhub.alert', id: alert.id },
    });
};
