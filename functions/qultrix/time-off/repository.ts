import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { type Bind, employeeScopeCondition } from '../domain/employee-scope';
import type { LeaveRequest } from '../domain/time-off-request';
import { EMPLOYEE_NAME } from './people';
import type { ListRequestsQuery } from './schemas';

/** SQL for qultrix.leave_requests and leave_approvals; every statement filters by tenant_id (RLS is the backstop). */

/** Who is asking, for the visibility and awaiting-me conditions. */
export interface Viewer {
  tenantId: string;
  /** Null for an API key: it sees requests only through the admin permission. */
  userId: string | null;
  admin: boolean;
  today: string;
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FROM = `from qultrix.leave_requests r
  join qultrix.employees e on e.tenant_id = r.tenant_id and e.id = r.employee_id
  join qultrix.leave_types t on t.tenant_id = r.tenant_id and t.id = r.leave_type_id
  left join qultrix.employees m on m.tenant_id = e.tenant_id and m.id = e.manager_id`;

const COLUMNS = `r.id, r.employee_id, ${EMPLOYEE_NAME('e')} as employee_name, r.leave_type_id, t.name as leave_type_name,
  t.unit, t.approval, r.start_date::text, r.end_date::text, r.start_half, r.end_half, trim_scale(r.amount)::text as amount,
  r.reason, r.attachment_url, r.status, r.current_step, r.requested_by, ${iso('r.decided_at')} as decided_at, r.version,
  ${iso('r.created_at')} as created_at, ${iso('r.updated_at')} as updated_at,
  coalesce((select json_agg(json_build_object('step', a.step, 'decision', a.decision, 'decidedBy', a.decided_by,
                  'onBehalfOf', a.on_behalf_of, 'comment', a.comment, 'decidedAt', ${iso('a.decided_at')}) order by a.step)
              from qultrix.leave_approvals a where a.tenant_id = r.tenant_id and a.request_id = r.id), '[]') as approvals`;

interface RequestRow {
  id: string;
  employee_id: string;
  employee_name: string;
  leave_type_id: string;
  leave_type_name: string;
  unit: 'days' | 'hours';
  approval: 'manager' | 'manager_then_hr';
  start_date: string;
  end_date: string;
  start_half: boolean;
  end_half: boolean;
  amount: string;
  reason: string | null;
  attachment_url: string | null;
  status: LeaveRequest['status'];
  current_step: number | null;
  requested_by: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  approvals: LeaveRequest['approvals'];
}

function toRequest(row: RequestRow): LeaveRequest {
  return {
    id: row.id,
    employeeId: row.employee_id,
    employeeName: row.employee_name,
    leaveType: { id: row.leave_type_id, name: row.leave_type_name, unit: row.unit },
    start: row.start_date,
    end: row.end_date,
    startHalf: row.start_half,
    endHalf: row.end_half,
    amount: row.amount,
    reason: row.reason,
    attachmentUrl: row.attachment_url,
    status: row.status,
    currentStep: row.current_step,
    approval: row.approval,
    approvals: row.approvals,
    requestedBy: row.requested_by,
    decidedAt: row.decided_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Is `me` standing in for the employee's manager today (an approval delegation covering `today`)? */
const delegateOfManager = (me: string, today: string) => `exists (
  select 1 from qultrix.approval_delegations d
    join qultrix.employees de on de.tenant_id = d.tenant_id and de.id = d.delegate_id
   where d.tenant_id = e.tenant_id and d.delegator_id = e.manager_id and de.user_id = ${me}
     and ${today}::date between d.starts_on and d.ends_on)`;

/**
 * Who sees a request: HR (the admin permission); the employee and their
 * direct and indirect managers (the employee row scope of Qultrix, walked
 * down from the caller in one recursive query); whoever filed it; and the
 * manager's delegate while the delegation runs. Everyone else gets a 404,
 * decided in SQL rather than by filtering in JS.
 */
function visibleTo(viewer: Viewer, bind: Bind): string {
  if (viewer.admin) return 'true';
  if (!viewer.userId) return 'false';
  const me = `${bind(viewer.userId)}::uuid`;
  const tree = employeeScopeCondition(
    { kind: 'tree', userId: viewer.userId },
    viewer.tenantId,
    'r.employee_id',
    bind,
  );
  return `(r.requested_by = ${me} or ${delegateOfManager(me, bind(viewer.today))} or ${tree})`;
}

/**
 * Pending requests whose current step the viewer decides, never their own:
 * step 1 by the manager (while not terminated and linked to a user) or their
 * delegate, or by HR when there is no such manager; step 2 by HR other than
 * whoever decided step 1.
 */
function awaiting(viewer: Viewer, bind: Bind): string {
  if (!viewer.userId) return 'false';
  const me = `${bind(viewer.userId)}::uuid`;
  const managerApprover = `case when m.status <> 'terminated' then m.user_id end`;
  const hrSteps = viewer.admin
    ? `or (r.current_step = 1 and ${managerApprover} is null)
       or (r.current_step = 2 and not exists (
         select 1 from qultrix.leave_approvals a
          where a.tenant_id = r.tenant_id and a.request_id = r.id and a.decided_by = ${me}))`
    : '';
  return `(r.status = 'pending' and e.user_id is distinct from ${me} and (
    (r.current_step = 1 and ${managerApprover} is not null
      and (${managerApprover} = ${me} or ${delegateOfManager(me, bind(viewer.today))}))
    ${hrSteps}))`;
}

/** One request the viewer may see (undefined otherwise); `forUpdate` locks it for a decision. */
export async function selectRequest(
  tx: Tx,
  viewer: Viewer,
  requestId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LeaveRequest | undefined> {
  const filter = filterOf([viewer.tenantId, requestId], ['r.tenant_id = $1', 'r.id = $2']);
  filter.where.push(visibleTo(viewer, filter.bind));
  const { rows } = await tx.query<RequestRow>(
    `select ${COLUMNS} ${FROM} where ${filter.where.join(' and ')} ${options.forUpdate ? 'for update of r' : ''}`,
    filter.params,
  );
  const row = rows[0];
  return row && toRequest(row);
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'r.created_at', type: 'timestamptz' } };

/** A page of the requests the viewer may see, newest first, filtered as asked. */
export function selectRequests(tx: Tx, viewer: Viewer, query: ListRequestsQuery) {
  const filter = filterOf([viewer.tenantId], ['r.tenant_id = $1']);
  filter.where.push(visibleTo(viewer, filter.bind));
  if (query.employeeId) filter.where.push(`r.employee_id = ${filter.bind(query.employeeId)}`);
  if (query.status) filter.where.push(`r.status = ${filter.bind(query.status)}`);
  if (query.from) filter.where.push(`r.end_date >= ${filter.bind(query.from)}::date`);
  if (query.to) filter.where.push(`r.start_date <= ${filter.bind(query.to)}::date`);
  if (query.mine)
    filter.where.push(viewer.userId ? `e.user_id = ${filter.bind(viewer.userId)}::uuid` : 'false');
  if (query.awaitingMe) filter.where.push(awaiting(viewer, filter.bind));
  const terms = parseSort(undefined, SORTS, '-createdAt', { sql: 'r.id', type: 'uuid' });
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} ${FROM}`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: RequestRow & Record<string, unknown>) => toRequest(row),
  });
}

/**
 * A pending or approved request of the employee that shares any half day
 * with the range. Days are numbered in halves (morning, afternoon), so a
 * morning off and an afternoon off on the same day do not overlap.
 */
export async function selectOverlap(
  tx: Tx,
  tenantId: string,
  employeeId: string,
  range: { start: string; end: string; startHalf: boolean; endHalf: boolean },
): Promise<{ id: string; start: string; end: string; status: string } | undefined> {
  const firstHalf = (date: string, half: string) => `(${date} - date '1900-01-01') * 2 + ${half}::int`;
  const lastHalf = (date: string, half: string) => `(${date} - date '1900-01-01') * 2 + 1 - ${half}::int`;
  const { rows } = await tx.query<{ id: string; start: string; end: string; status: string }>(
    `select r.id, r.start_date::text as start, r.end_date::text as end, r.status
       from qultrix.leave_requests r
      where r.tenant_id = $1 and r.employee_id = $2 and r.status in ('pending', 'approved')
        and r.start_date <= $4::date and r.end_date >= $3::date
        and ${firstHalf('r.start_date', 'r.start_half')} <= ${lastHalf('$4::date', '$6::boolean')}
        and ${lastHalf('r.end_date', 'r.end_half')} >= ${firstHalf('$3::date', '$5::boolean')}
      order by r.start_date limit 1`,
    [tenantId, employeeId, range.start, range.end, range.startHalf, range.endHalf],
  );
  return rows[0];
}

export interface NewRequest {
  tenantId: string;
  id: string;
  employeeId: string;
  leaveTypeId: string;
  start: string;
  end: string;
  startHalf: boolean;
  endHalf: boolean;
  amount: string;
  reason: string | null;
  attachmentUrl: string | null;
  currentStep: 1 | 2;
  requestedBy: string | null;
}

export async function insertRequest(tx: Tx, request: NewRequest): Promise<void> {
  await tx.query(
    `insert into qultrix.leave_requests
       (tenant_id, id, employee_id, leave_type_id, start_date, end_date, start_half, end_half, amount,
        reason, attachment_url, status, current_step, requested_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13)`,
    [
      request.tenantId,
      request.id,
      request.employeeId,
      request.leaveTypeId,
      request.start,
      request.end,
      request.startHalf,
      request.endHalf,
      request.amount,
      request.reason,
      request.attachmentUrl,
      request.currentStep,
      request.requestedBy,
    ],
  );
}

/** Moves a request on: to the next step (still pending) or to a final status. */
export async function updateRequestStatus(
  tx: Tx,
  tenantId: string,
  requestId: string,
  change: { status: LeaveRequest['status']; currentStep: number | null; decided: boolean },
): Promise<void> {
  await tx.query(
    `update qultrix.leave_requests
        set status = $3, current_step = $4, decided_at = case when $5 then now() else decided_at end,
            version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2`,
    [tenantId, requestId, change.status, change.currentStep, change.decided],
  );
}

export async function insertApproval(
  tx: Tx,
  tenantId: string,
  approval: {
    requestId: string;
    step: number;
    decision: 'approved' | 'rejected';
    decidedBy: string;
    onBehalfOf: string | null;
    comment: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into qultrix.leave_approvals (tenant_id, request_id, step, decision, decided_by, on_behalf_of, comment)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      tenantId,
      approval.requestId,
      approval.step,
      approval.decision,
      approval.decidedBy,
      approval.onBehalfOf,
      approval.comment,
    ],
  );
}
