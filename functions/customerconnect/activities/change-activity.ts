import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, ForbiddenError } from '@halooid/shared/errors';
import {
  type ActivityDeps,
  checkAssignee,
  checkedMentions,
  mayChange,
  presented,
  resolvedLinks,
} from './activity-rules';
import { getVisibleActivity } from './get-activity';
import { rescoreLinkedLeads } from './lead-scores';
import { type ActivityFields, replaceLinks, updateActivity } from './repository';
import type { Activity, UpdateActivityInput } from './schemas';

/** What a PATCH may change (not the type: a call stays a call). */
const CHANGEABLE = [
  'subject',
  'body',
  'occurredAt',
  'durationMinutes',
  'outcome',
  'done',
  'assigneeId',
  'links',
] as const;

/**
 * PATCH: the author (or a record admin) changes an activity they can see,
 * if `version` is still current (else 409). Links are replaced as a whole
 * and must be visible; mentions and the assignee are checked as on create.
 * A PATCH that changes nothing writes nothing and keeps the version.
 */
export async function changeActivity(
  id: string,
  version: number,
  input: Omit<UpdateActivityInput, 'version'>,
  deps: ActivityDeps,
): Promise<Activity> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const current = await getVisibleActivity(id, deps, { forUpdate: true });
  if (!mayChange(principal, current))
    throw new ForbiddenError('Only the author, or a record admin, can change an activity.');
  if (current.version !== version)
    throw new ConflictError(
      `The activity changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const links = input.links ? await resolvedLinks(tx, principal, input.links) : current.links;
  const pick = <T>(sent: T | undefined, kept: T): T => (sent === undefined ? kept : sent);
  const body = pick(input.body, current.body) || null;
  if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId)
    await checkAssignee(tx, input.assigneeId);
  // Links unchanged: mentions already made stay; only new ones are checked.
  const kept = input.links ? [] : current.mentionedUserIds;
  const mentions = await checkedMentions(tx, tenantId, body, links, kept);
  const after: ActivityFields = {
    type: current.type,
    subject: pick(input.subject, current.subject) || null,
    body,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : current.occurredAt,
    durationMinutes: pick(input.durationMinutes, current.durationMinutes),
    outcome: pick(input.outcome, current.outcome) || null,
    done: pick(input.done, current.done),
    assigneeId: pick(input.assigneeId, current.assigneeId),
    mentions,
  };
  const linkKey = (list: readonly { recordType: string; recordId: string }[]) =>
    list
      .map((link) => `${link.recordType}:${link.recordId}`)
      .sort()
      .join(',');
  const before: Record<string, unknown> = { ...current, links: linkKey(current.links) };
  const next: Record<string, unknown> = { ...after, links: linkKey(links) };
  const changes = CHANGEABLE.filter((field) => before[field] !== next[field]);
  if (changes.length === 0) return (await presented(tx, [current]))[0] as Activity;

  await updateActivity(tx, tenantId, id, version, after);
  if (changes.includes('links')) {
    await replaceLinks(tx, tenantId, id, links);
    await rescoreLinkedLeads(tx, tenantId, current.links, links);
  }
  await recordAudit(tx, deps.actor, {
    action: 'activity.updated',
    targetType: 'customerconnect.activity',
    targetId: id,
    details: { changes },
  });
  const [shown] = await presented(tx, [await getVisibleActivity(id, deps)]);
  return shown as Activity;
}
