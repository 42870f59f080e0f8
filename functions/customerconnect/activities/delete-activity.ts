import { recordAudit } from '@halooid/shared/audit';
import { ForbiddenError } from '@halooid/shared/errors';
import { type ActivityDeps, mayChange } from './activity-rules';
import { getVisibleActivity } from './get-activity';
import { rescoreLinkedLeads } from './lead-scores';
import { deleteActivityRow } from './repository';

/**
 * The author, or a record admin, deletes an activity (its links go with it;
 * the audit log keeps what it was). Leads it was linked to are rescored.
 */
export async function deleteActivity(id: string, deps: ActivityDeps): Promise<void> {
  const { tx, principal } = deps;
  const activity = await getVisibleActivity(id, deps, { forUpdate: true });
  if (!mayChange(principal, activity))
    throw new ForbiddenError('Only the author, or a record admin, can delete an activity.');
  await deleteActivityRow(tx, principal.tenantId, id);
  await rescoreLinkedLeads(tx, principal.tenantId, activity.links);
  await recordAudit(tx, deps.actor, {
    action: 'activity.deleted',
    targetType: 'customerconnect.activity',
    targetId: id,
    details: {
      type: activity.type,
      subject: activity.subject,
      links: activity.links,
      createdBy: activity.createdBy,
    },
  });
}
