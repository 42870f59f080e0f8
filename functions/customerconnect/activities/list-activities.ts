import { filterOf } from '@halooid/shared/db/pagination';
import { NotFoundError, ValidationError } from '@halooid/shared/errors';
import { presented, type ReadDeps } from './activity-rules';
import { activityVisibleCondition, findVisibleRecord, recordLabel } from './record-access';
import { selectActivities } from './repository';
import type { ListActivitiesQuery } from './schemas';

/**
 * A page of the activities the caller sees, newest first (by occurredAt):
 * of one record (visible, else 404; a merged-away id lists its survivor's),
 * of a type, an assignee (`me`), done or not, within a time range.
 */
export async function listActivities(query: ListActivitiesQuery, deps: ReadDeps) {
  const { tx, principal } = deps;
  const filter = filterOf([principal.tenantId], ['a.tenant_id = $1']);
  if (query.recordType && query.recordId) {
    const record = await findVisibleRecord(tx, principal, query.recordType, query.recordId);
    if (!record) throw new NotFoundError(recordLabel(query.recordType));
    filter.where.push(
      `exists (select 1 from customerconnect.activity_links l
                where l.tenant_id = a.tenant_id and l.activity_id = a.id
                  and l.record_type = ${filter.bind(record.type)} and l.record_id = ${filter.bind(record.id)})`,
    );
  }
  if (query.type) filter.where.push(`a.type = ${filter.bind(query.type)}`);
  if (query.assigneeId) {
    if (query.assigneeId === 'me' && principal.principalType !== 'user')
      throw new ValidationError('An API key has no activities of its own.', [
        { field: 'query.assigneeId', message: '`me` needs a signed-in user.', code: 'invalid_assignee' },
      ]);
    const assignee = query.assigneeId === 'me' ? principal.principalId : query.assigneeId;
    filter.where.push(`a.assignee_id = ${filter.bind(assignee)}`);
  }
  if (query.done !== undefined) filter.where.push(`a.done = ${filter.bind(query.done)}`);
  if (query.from) filter.where.push(`a.occurred_at >= ${filter.bind(query.from)}::timestamptz`);
  if (query.to) filter.where.push(`a.occurred_at < ${filter.bind(query.to)}::timestamptz`);
  filter.where.push(await activityVisibleCondition(tx, principal, 'a', (value) => filter.bind(value)));
  const page = await selectActivities(tx, filter, query);
  return { ...page, items: await presented(tx, page.items) };
}
