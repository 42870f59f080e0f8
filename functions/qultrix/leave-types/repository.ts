import { sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import type { LeaveType, LeaveTypeFields, ListLeaveTypesQuery } from './schemas';

/** SQL for qultrix.leave_types; every statement filters by tenant_id (RLS is the backstop). */
interface LeaveTypeRow {
  id: string;
  name: string;
  kind: LeaveType['kind'];
  paid: boolean;
  unit: LeaveType['unit'];
  attachment_after_days: string | null;
  approval: LeaveType['approval'];
  tracks_balance: boolean;
  color: string | null;
  archived: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, kind, paid, unit, trim_scale(attachment_after_days)::text as attachment_after_days,
  approval, tracks_balance, color, archived, version, created_at, updated_at`;

const SORTS: Record<string, SortColumn> = { name: { sql: 'lower(name)', type: 'text' } };

function toLeaveType(row: LeaveTypeRow): LeaveType {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    paid: row.paid,
    unit: row.unit,
    attachmentAfterDays: row.attachment_after_days,
    approval: row.approval,
    tracksBalance: row.tracks_balance,
    color: row.color,
    archived: row.archived,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A second type of the same name (case-insensitive) is a 409, whichever write found it. */
function asConflict(error: unknown): never {
  if (
    sqlState(error) === UNIQUE_VIOLATION &&
    (error as { constraint?: string }).constraint === 'leave_types_name_idx'
  )
    throw new ConflictError('Another leave type has this name.', 'name_taken');
  throw error;
}

export async function selectLeaveTypes(tx: Tx, tenantId: string, query: ListLeaveTypesQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  if (query.archived !== undefined) filter.where.push(`archived = ${filter.bind(query.archived)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from qultrix.leave_types`,
    terms: parseSort(undefined, SORTS, 'name'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: LeaveTypeRow & Record<string, unknown>) => toLeaveType(row),
  });
}

export async function selectLeaveType(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LeaveType | null> {
  const { rows } = await tx.query<LeaveTypeRow>(
    `select ${COLUMNS} from qultrix.leave_types where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toLeaveType(rows[0]) : null;
}

const VALUES = (fields: LeaveTypeFields) => [
  fields.name,
  fields.kind,
  fields.paid,
  fields.unit,
  fields.attachmentAfterDays,
  fields.approval,
  fields.tracksBalance,
  fields.color,
  fields.archived,
];

export async function insertLeaveType(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: LeaveTypeFields,
): Promise<LeaveType> {
  const { rows } = await tx
    .query<LeaveTypeRow>(
      `insert into qultrix.leave_types
         (tenant_id, id, name, kind, paid, unit, attachment_after_days, approval, tracks_balance, color, archived)
       values ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $9, $10, $11)
       returning ${COLUMNS}`,
      [tenantId, id, ...VALUES(fields)],
    )
    .catch(asConflict);
  return toLeaveType(rows[0] as LeaveTypeRow);
}

/** Writes the whole record if `version` is still current; null otherwise. */
export async function updateLeaveType(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: LeaveTypeFields,
): Promise<LeaveType | null> {
  const { rows } = await tx
    .query<LeaveTypeRow>(
      `update qultrix.leave_types
          set name = $4, kind = $5, paid = $6, unit = $7, attachment_after_days = $8::numeric, approval = $9,
              tracks_balance = $10, color = $11, archived = $12, version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2 and version = $3
        returning ${COLUMNS}`,
      [tenantId, id, version, ...VALUES(fields)],
    )
    .catch(asConflict);
  return rows[0] ? toLeaveType(rows[0]) : null;
}

/** Whether any policy, request or ledger row refers to the type: then it is archived, never deleted. */
export async function leaveTypeInUse(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query<{ used: boolean }>(
    `select exists (select 1 from qultrix.leave_policies where tenant_id = $1 and leave_type_id = $2)
         or exists (select 1 from qultrix.leave_requests where tenant_id = $1 and leave_type_id = $2)
         or exists (select 1 from qultrix.leave_ledger where tenant_id = $1 and leave_type_id = $2) as used`,
    [tenantId, id],
  );
  return rows[0]?.used ?? false;
}

export async function deleteLeaveType(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(`delete from qultrix.leave_types where tenant_id = $1 and id = $2`, [
    tenantId,
    id,
  ]);
  return rowCount === 1;
}
