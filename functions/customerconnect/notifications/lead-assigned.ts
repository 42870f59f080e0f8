import type { NotifyHandler } from '@halooid/shared/notifications';
import { customerconnectEvents } from '../events';

/** lead.assigned → the new owner (not when they took the lead themselves: the platform skips the actor). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  const data = customerconnectEvents.events['lead.assigned'].schema.parse(event.data);
  const { lead } = data;
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  await notifyMember(data.ownerId, {
    title: `Lead assigned to you: ${name}${lead.companyName ? ` (${lead.companyName})` : ''}`,
    ...(data.ruleId ? { body: 'Dealt by an assignment rule.' } : {}),
    resource: { type: 'customerconnect.lead', id: lead.id },
  });
};
