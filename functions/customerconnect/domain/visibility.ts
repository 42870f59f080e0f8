import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { RECORD_OBJECTS, type RecordObject } from './records';

/**
 * Who sees which CRM record: the one row-scope rule of CustomerConnect.
 * Roles decide what a caller may do with an object (`customerconnect:contact:read`);
 * visibility decides which rows. Per object the tenant sets `all | team | own`
 * (customerconnect.settings) for everyone without `customerconnect:record:admin`:
 *   - `all`:  every record;
 *   - `team`: records the caller owns or that a member of one of their teams owns;
 *   - `own`:  records the caller owns.
 * On top, a team's manager (team_members.role = 'manager') always sees the
 * records its members own: Sales Managers see their teams'. Unowned records
 * are visible only under `all`. An API key has no records of its own, so
 * without `:admin` it sees only what `all` shows.
 *
 * Every read of these objects (lists, get, search, exports, timelines,
 * forecast, board, merge and convert lookups) restricts its rows with
 * `visibleCondition` in the SQL WHERE, never by filtering in JS; a record
 * outside it is a 404.
 */
export const RECORD_ADMIN = 'customerconnect:record:admin';

export type VisibilityMode = 'all' | 'team' | 'own';
export const VISIBILITY_MODES = ['all', 'team', 'own'] as const;

export type Visibility = { kind: 'all' } | { kind: 'scoped'; mode: VisibilityMode; userId: string | null };

/** Appends a bind parameter and returns its placeholder (pagination's `Filter.bind`). */
export type Bind = (value: unknown) => string;

/** The tenant's setting for `object` ('all' until someone changes it). */
export async function visibilityModeOf(
  tx: Tx,
  tenantId: string,
  object: RecordObject,
): Promise<VisibilityMode> {
  const { rows } = await tx.query<{ mode: VisibilityMode }>(
    `select ${object}_visibility as mode from customerconnect.settings where tenant_id = $1`,
    [tenantId],
  );
  return rows[0]?.mode ?? 'all';
}

/** The caller's visibility of `object`: one settings read per request (none for admins). */
export async function visibilityOf(tx: Tx, principal: Principal, object: RecordObject): Promise<Visibility> {
  if (permits(principal.grants, RECORD_ADMIN)) return { kind: 'all' };
  const mode = await visibilityModeOf(tx, principal.tenantId, object);
  return { kind: 'scoped', mode, userId: principal.principalType === 'user' ? principal.principalId : null };
}

/** The caller's visibility of every object, from one settings read (none for admins): for requests that span objects. */
export async function visibilitiesOf(
  tx: Tx,
  principal: Principal,
): Promise<(object: RecordObject) => Visibility> {
  if (permits(principal.grants, RECORD_ADMIN)) return () => ({ kind: 'all' });
  const { rows } = await tx.query<Partial<Record<RecordObject, VisibilityMode>>>(
    `select ${RECORD_OBJECTS.map((object) => `${object}_visibility as "${object}"`).join(', ')}
       from customerconnect.settings where tenant_id = $1`,
    [principal.tenantId],
  );
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  return (object) => ({ kind: 'scoped', mode: rows[0]?.[object] ?? 'all', userId });
}

/**
 * A SQL boolean: the record whose owner is the expression `ownerSql` (such as
 * `c.owner_id`) is visible. The team subqueries are not correlated with the
 * outer row, so Postgres runs each once per statement.
 */
export function visibleCondition(
  visibility: Visibility,
  tenantId: string,
  ownerSql: string,
  bind: Bind,
): string {
  if (visibility.kind === 'all' || visibility.mode === 'all') return 'true';
  if (visibility.userId === null) return 'false';
  const tenant = bind(tenantId);
  const user = bind(visibility.userId);
  const managed = `select m.user_id from customerconnect.team_members mine
      join customerconnect.team_members m on m.tenant_id = mine.tenant_id and m.team_id = mine.team_id
      where mine.tenant_id = ${tenant} and mine.user_id = ${user}`;
  const teammates = visibility.mode === 'team' ? managed : `${managed} and mine.role = 'manager'`;
  return `(${ownerSql} = ${user} or ${ownerSql} in (${teammates}))`;
}

/** For statements built without pagination's Filter: binds into a plain values array. */
export function binderFor(values: unknown[]): Bind {
  return (value) => {
    values.push(value);
    return `$${values.length}`;
  };
}
