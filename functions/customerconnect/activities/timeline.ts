import { permits } from '@halooid/shared/auth/permissions';
import { filterOf, parseSort, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import type { RecordObject } from '../domain/records';
import { visibilityOf, visibleCondition } from '../domain/visibility';
import { presented, type ReadDeps } from './activity-rules';
import { findVisibleRecord, readPermission, recordLabel } from './record-access';
import { ACTIVITY_COLUMNS, type ActivityRow, toActivity } from './repository';
import { ACTIVITY_TYPES, type TimelineEntry, type TimelineQuery, type TimelineType } from './schemas';

/**
 * One record's history, newest first: the activities linked to it, its field
 * changes (created / updated / merged / converted, from record_changes) and,
 * for an opportunity, its stage moves (stage_history, with stage names and
 * the time spent in the stage it left). One UNION ALL in SQL, keyset-paged on
 * (at, id): each branch reads its own (tenant, record, time) index, and a
 * page costs the same however deep. An activity is placed at its occurredAt.
 *
 * A company's timeline also carries the activities of its contacts that the
 * caller sees (contact read permission and visibility), each activity once.
 *
 * The record must be visible to the caller (else 404); a merged-away id
 * shows the survivor's timeline (the merge moved the history there).
 */
export async function getTimeline(
  recordType: RecordObject,
  recordId: string,
  query: TimelineQuery,
  deps: ReadDeps,
) {
  const { tx, principal } = deps;
  const record = await findVisibleRecord(tx, principal, recordType, recordId);
  if (!record) throw new NotFoundError(recordLabel(recordType));
  const wanted = new Set<TimelineType>(query.types ?? ['change', 'stage', ...ACTIVITY_TYPES]);
  const activityTypes = ACTIVITY_TYPES.filter((type) => wanted.has(type));

  const filter = filterOf([principal.tenantId, record.type, record.id], ['true']);
  const branches: string[] = [];
  if (activityTypes.length > 0) {
    const ofType =
      activityTypes.length < ACTIVITY_TYPES.length
        ? `and a.type = any(${filter.bind(activityTypes)}::text[])`
        : '';
    // A company's timeline also shows what happened with its contacts (those the caller sees), each activity once.
    const contacts =
      record.type === 'company' && permits(principal.grants, readPermission('contact'))
        ? `or (l.record_type = 'contact' and l.record_id in (
               select c.id from customerconnect.contacts c
                where c.tenant_id = $1 and c.company_id = $3 and c.merged_into is null
                  and ${visibleCondition(await visibilityOf(tx, principal, 'contact'), principal.tenantId, 'c.owner_id', (value) => filter.bind(value))}))`
        : '';
    branches.push(`select 'activity'::text as kind, a.id, a.occurred_at as at, null::json as data
        from customerconnect.activities a
       where a.tenant_id = $1 ${ofType}
         and a.id in (select l.activity_id from customerconnect.activity_links l
                       where l.tenant_id = $1 and ((l.record_type = $2 and l.record_id = $3) ${contacts}))`);
  }
  if (wanted.has('change'))
    branches.push(`select 'change'::text as kind, c.id, c.changed_at as at,
             json_build_object('kind', c.kind, 'changes', c.changes, 'changedBy', c.changed_by) as data
        from customerconnect.record_changes c
       where c.tenant_id = $1 and c.record_type = $2 and c.record_id = $3`);
  if (wanted.has('stage') && record.type === 'opportunity')
    branches.push(`select 'stage'::text as kind, h.id, h.changed_at as at,
             json_build_object('fromStageId', h.from_stage_id, 'fromStageName', fs.name,
                               'toStageId', h.to_stage_id, 'toStageName', ts.name,
                               'secondsInFromStage', h.seconds_in_from_stage, 'changedBy', h.changed_by) as data
        from customerconnect.stage_history h
        left join customerconnect.stages fs on fs.tenant_id = h.tenant_id and fs.id = h.from_stage_id
        left join customerconnect.stages ts on ts.tenant_id = h.tenant_id and ts.id = h.to_stage_id
       where h.tenant_id = $1 and h.opportunity_id = $3`);
  if (branches.length === 0)
    return { recordType: record.type, recordId: record.id, items: [], nextCursor: null };

  const page = await selectPage(tx, filter, {
    select: (sortValues) =>
      `select kind, id, at, data, ${sortValues} from (${branches.join('\n union all\n')}) as timeline`,
    terms: parseSort(undefined, { at: { sql: 'at', type: 'timestamptz' } }, '-at'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: TimelineRow & Record<string, unknown>) => row,
  });
  const activities = await activitiesById(
    tx,
    principal.tenantId,
    page.items.filter((row) => row.kind === 'activity').map((row) => row.id),
  );
  const items = page.items.flatMap((row): TimelineEntry[] => {
    const at = row.at.toISOString();
    if (row.kind === 'activity') {
      const activity = activities.get(row.id);
      return activity ? [{ kind: 'activity', id: row.id, at, activity }] : [];
    }
    if (row.kind === 'change') return [{ kind: 'change', id: row.id, at, change: row.data as ChangeData }];
    return [{ kind: 'stage', id: row.id, at, stage: row.data as StageData }];
  });
  return { recordType: record.type, recordId: record.id, items, nextCursor: page.nextCursor };
}

interface TimelineRow {
  kind: 'activity' | 'change' | 'stage';
  id: string;
  at: Date;
  data: unknown;
}
type ChangeData = Extract<TimelineEntry, { kind: 'change' }>['change'];
type StageData = Extract<TimelineEntry, { kind: 'stage' }>['stage'];

/** The page's activities in one query, as the API shows them. */
async function activitiesById(tx: Tx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<ActivityRow>(
    `select ${ACTIVITY_COLUMNS} from customerconnect.activities a where a.tenant_id = $1 and a.id = any($2::uuid[])`,
    [tenantId, ids],
  );
  const shown = await presented(tx, rows.map(toActivity));
  return new Map(shown.map((activity) => [activity.id, activity]));
}
