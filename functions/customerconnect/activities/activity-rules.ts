import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { isActiveMember } from '@halooid/shared/tenancy';
import { grantsInTenant } from '../../system-roles';
import { RECORD_ADMIN } from '../domain/visibility';
import { FORMER_MEMBER, MAX_MENTIONS, mentionedUserIds, withCurrentNames } from './mentions';
import { currentNames } from './people';
import { findVisibleRecord, recordLabel } from './record-access';
import type { StoredActivity } from './repository';
import type { Activity, ActivityLink } from './schemas';

/** What the activity use cases need from the request. */
export type ActivityDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'>;
export type ReadDeps = Pick<RequestDeps, 'tx' | 'principal'>;

export const ACTIVITY_READ = 'customerconnect:activity:read';

/**
 * The links as stored: each record visible to the caller (else 404, the same
 * answer as reading it), a merged-away id replaced by its survivor, each
 * record once.
 */
export async function resolvedLinks(
  tx: Tx,
  principal: Principal,
  links: readonly ActivityLink[],
): Promise<ActivityLink[]> {
  const seen = new Map<string, ActivityLink>();
  for (const link of links) {
    const record = await findVisibleRecord(tx, principal, link.recordType, link.recordId);
    if (!record) throw new NotFoundError(recordLabel(link.recordType));
    seen.set(`${record.type}:${record.id}`, { recordType: record.type, recordId: record.id });
  }
  return [...seen.values()];
}

/** An active member's grants in this tenant, or undefined. */
async function memberGrants(tx: Tx, userId: string): Promise<string[] | undefined> {
  if (!(await isActiveMember(tx, userId))) return undefined;
  return grantsInTenant(tx, userId);
}

/** A task's assignee: an active member of the tenant who may read activities (422 otherwise). */
export async function checkAssignee(tx: Tx, assigneeId: string | null | undefined): Promise<void> {
  if (!assigneeId) return;
  const grants = await memberGrants(tx, assigneeId);
  if (!grants || !permits(grants, ACTIVITY_READ))
    throw new BusinessRuleError(
      'invalid_assignee',
      'The assignee must be a member who may read activities.',
      [
        {
          field: 'body.assigneeId',
          message: 'Not a member who may read activities.',
          code: 'invalid_assignee',
        },
      ],
    );
}

/**
 * The people `body` mentions, each an active member who may read activities
 * and sees every linked record (a notification must not lead anyone to what
 * they may not see): 422 `mention_not_allowed` naming the others.
 */
export async function checkedMentions(
  tx: Tx,
  tenantId: string,
  body: string | null | undefined,
  links: readonly ActivityLink[],
  /** Mentions an edit keeps: checked when they were added, not again (someone may have left since). */
  kept: readonly string[] = [],
): Promise<string[]> {
  const ids = mentionedUserIds(body);
  if (ids.length > MAX_MENTIONS)
    throw new BusinessRuleError(
      'too_many_mentions',
      `Mention at most ${MAX_MENTIONS} people in one activity.`,
      [{ field: 'body.body', message: `At most ${MAX_MENTIONS} mentions.`, code: 'too_many_mentions' }],
    );
  const refused: string[] = [];
  for (const userId of ids) {
    if (kept.includes(userId)) continue;
    const grants = await memberGrants(tx, userId);
    let allowed = grants !== undefined && permits(grants, ACTIVITY_READ);
    if (allowed && grants && !permits(grants, RECORD_ADMIN)) {
      const them: Principal = { tenantId, principalId: userId, principalType: 'user', grants };
      for (const link of links)
        if (!(await findVisibleRecord(tx, them, link.recordType, link.recordId))) {
          allowed = false;
          break;
        }
    }
    if (!allowed) refused.push(userId);
  }
  if (refused.length > 0)
    throw new BusinessRuleError(
      'mention_not_allowed',
      `You can only mention members who can see the linked records: ${refused.join(', ')}.`,
      refused.map((id) => ({
        field: 'body.body',
        message: `User ${id} is not a member who can see these records.`,
        code: 'mention_not_allowed',
      })),
    );
  return ids;
}

/** Activities as the API shows them: mention tokens and `mentions` carry current names (one query per page). */
export async function presented(tx: Tx, activities: readonly StoredActivity[]): Promise<Activity[]> {
  const names = await currentNames(
    tx,
    activities.flatMap((activity) => activity.mentionedUserIds),
  );
  return activities.map((activity) => ({
    ...activity,
    body: activity.body === null ? null : withCurrentNames(activity.body, names),
    mentions: activity.mentionedUserIds.map((userId) => ({
      userId,
      name: names.get(userId) ?? FORMER_MEMBER,
    })),
  }));
}

/** Only the author, or a holder of `customerconnect:record:admin`, edits or deletes an activity. */
export function mayChange(principal: Principal, activity: StoredActivity): boolean {
  return activity.createdBy === principal.principalId || permits(principal.grants, RECORD_ADMIN);
}
