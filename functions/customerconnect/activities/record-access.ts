import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { resolveTombstone } from '../domain/merge';
import { MERGEABLE_OBJECTS, RECORD_OBJECTS, RECORD_TABLES, type RecordObject } from '../domain/records';
import { type Bind, binderFor, visibilitiesOf, visibilityOf, visibleCondition } from '../domain/visibility';

/**
 * Which CRM records, and so which activities and timelines, a caller sees.
 * Two gates, both in SQL: the role must hold `customerconnect:<object>:read`,
 * and the row must pass the visibility rule (domain/visibility.ts). A record
 * failing either is "not found", never "forbidden", so ids do not leak.
 */
const LABELS: Record<RecordObject, string> = {
  company: 'Company',
  contact: 'Contact',
  lead: 'Lead',
  opportunity: 'Opportunity',
};

/** The record's name in a 404's message ("Contact not found"). */
export const recordLabel = (object: RecordObject) => LABELS[object];

export const readPermission = (object: RecordObject) => `customerconnect:${object}:read`;

const isMergeable = (object: RecordObject): object is (typeof MERGEABLE_OBJECTS)[number] =>
  (MERGEABLE_OBJECTS as readonly string[]).includes(object);

export interface VisibleRecord {
  type: RecordObject;
  /** The live record: the survivor when the id asked for was merged away. */
  id: string;
  ownerId: string | null;
}

/**
 * The record `id` of `object` as `principal` may see it, following a merged
 * company's or contact's tombstone to its survivor; undefined when it does
 * not exist, is outside the caller's visibility or the role may not read it.
 */
export async function findVisibleRecord(
  tx: Tx,
  principal: Principal,
  object: RecordObject,
  id: string,
): Promise<VisibleRecord | undefined> {
  if (!permits(principal.grants, readPermission(object))) return undefined;
  const tenantId = principal.tenantId;
  const target = (isMergeable(object) && (await resolveTombstone(tx, object, tenantId, id))) || id;
  const values: unknown[] = [tenantId, target];
  const visible = visibleCondition(
    await visibilityOf(tx, principal, object),
    tenantId,
    'owner_id',
    binderFor(values),
  );
  const live = isMergeable(object) ? ' and merged_into is null' : '';
  const { rows } = await tx.query<{ id: string; owner_id: string | null }>(
    `select id, owner_id from ${RECORD_TABLES[object]}
      where tenant_id = $1 and id = $2${live} and ${visible}`,
    values,
  );
  const row = rows[0];
  return row && { type: object, id: row.id, ownerId: row.owner_id };
}

/**
 * A SQL boolean over the activity row `alias`: the caller may see it. That is
 * the activity's author or assignee, or anyone who sees at least one of its
 * linked records (role permission and visibility, per object). For a caller
 * who sees every record of every object it is `true` and costs nothing.
 */
export async function activityVisibleCondition(
  tx: Tx,
  principal: Principal,
  alias: string,
  bind: Bind,
): Promise<string> {
  const branches: string[] = [];
  let everything = true;
  const visibility = await visibilitiesOf(tx, principal);
  for (const object of RECORD_OBJECTS) {
    if (!permits(principal.grants, readPermission(object))) {
      everything = false;
      continue;
    }
    const visible = visibleCondition(visibility(object), principal.tenantId, 'r.owner_id', bind);
    if (visible === 'true') {
      branches.push(`l.record_type = '${object}'`);
      continue;
    }
    everything = false;
    branches.push(
      `(l.record_type = '${object}' and exists (select 1 from ${RECORD_TABLES[object]} r
          where r.tenant_id = l.tenant_id and r.id = l.record_id and ${visible}))`,
    );
  }
  if (everything) return 'true';
  const own =
    principal.principalType === 'user'
      ? (() => {
          const me = bind(principal.principalId);
          return `${alias}.created_by = ${me} or ${alias}.assignee_id = ${me} or `;
        })()
      : '';
  const linked =
    branches.length === 0
      ? 'false'
      : `exists (select 1 from customerconnect.activity_links l
          where l.tenant_id = ${alias}.tenant_id and l.activity_id = ${alias}.id and (${branches.join(' or ')}))`;
  return `(${own}${linked})`;
}
