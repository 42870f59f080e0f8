import { recordAudit } from '@halooid/shared/audit';
import { customerconnectEvents } from '../events';
import {
  type ActivityDeps,
  checkAssignee,
  checkedMentions,
  presented,
  resolvedLinks,
} from './activity-rules';
import { getVisibleActivity } from './get-activity';
import { rescoreLinkedLeads } from './lead-scores';
import { insertActivity, replaceLinks } from './repository';
import type { Activity, CreateActivityInput } from './schemas';

/**
 * Records a note, call, meeting, logged email or task on 1–10 records the
 * caller sees. Mentioned members hear about it (activity.created carries
 * them); leads it is linked to are rescored (activity scoring rules).
 */
export async function createActivity(input: CreateActivityInput, deps: ActivityDeps): Promise<Activity> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const links = await resolvedLinks(tx, principal, input.links);
  await checkAssignee(tx, input.assigneeId);
  const mentions = await checkedMentions(tx, tenantId, input.body, links);
  const id = deps.newId();
  const author = principal.principalType === 'user' ? principal.principalId : null;
  await insertActivity(tx, tenantId, id, author, {
    type: input.type,
    subject: input.subject || null,
    body: input.body || null,
    occurredAt: input.occurredAt ?? null,
    durationMinutes: input.durationMinutes ?? null,
    outcome: input.outcome || null,
    done: input.done ?? false,
    assigneeId: input.assigneeId ?? null,
    mentions,
  });
  await replaceLinks(tx, tenantId, id, links);
  await rescoreLinkedLeads(tx, tenantId, links);
  await recordAudit(tx, deps.actor, {
    action: 'activity.created',
    targetType: 'customerconnect.activity',
    targetId: id,
    details: { type: input.type, links, mentionedUserIds: mentions },
  });
  await deps.events.record(customerconnectEvents, 'activity.created', {
    activity: { id, type: input.type, subject: input.subject || null, links },
    authorId: author,
    mentionedUserIds: mentions,
  });
  const [shown] = await presented(tx, [await getVisibleActivity(id, deps)]);
  return shown as Activity;
}
