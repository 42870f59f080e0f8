import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Calendar,
  CalendarQuery,
  CreateDelegationBody,
  CreateRequestBody,
  DecisionBody,
  Delegation,
  DelegationParams,
  LeaveRequest,
  ListDelegationsQuery,
  ListRequestsQuery,
  Preview,
  PreviewQuery,
  RequestParams,
} from './schemas';

const requests = '/v1/qultrix/time-off/requests';
const oneRequest = `${requests}/{requestId}`;

/**
 * Time-off requests and their approval: the preview the request dialog
 * shows, filing, the approval steps (manager, then HR when the type says so;
 * delegates stand in for an away manager), cancelling, and the team calendar.
 * The permissions are declared by leave-types (the same three for all of
 * time off); who decides a given request follows from the manager links in
 * SQL, not from a role.
 */
export const timeOffService = defineService({
  product: 'qultrix',
  capability: 'time-off',
  description: 'Leave requests, approvals, delegations and the team calendar.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'time-off.requested' },
    { type: 'time-off.awaiting_approval' },
    { type: 'time-off.approved' },
    { type: 'time-off.rejected' },
    { type: 'time-off.cancelled' },
  ],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'previewTimeOff',
      method: 'GET',
      path: '/v1/qultrix/time-off/preview',
      permission: 'qultrix:time-off:request',
      summary: 'Preview a leave request',
      description:
        "Working days the range covers (the employee's work days, minus their location's holidays, half days as asked), the amount in the type's unit, and the balance it would draw on. Writes nothing.",
      query: PreviewQuery,
      response: Preview,
    }),
    defineRoute({
      operationId: 'listTimeOffRequests',
      method: 'GET',
      path: requests,
      permission: 'qultrix:time-off:request',
      summary: 'List leave requests',
      description:
        "Newest first, a page at a time: your own, your reports' (as their manager or delegate), every one for HR. `mine=true` keeps your own, `awaitingMe=true` those whose current step you decide.",
      query: ListRequestsQuery,
      response: pageOf(LeaveRequest),
    }),
    defineRoute({
      operationId: 'createTimeOffRequest',
      method: 'POST',
      path: requests,
      permission: 'qultrix:time-off:request',
      summary: 'Request time off',
      description:
        'For yourself (HR: any employee via `employeeId`). No working day is a 422 `no_working_days`; an overlap with a pending or approved request is a 409 naming it; more than the available balance is a 422 `insufficient_balance`; a long request without the attachment the type asks for is a 422 `attachment_required`. Honours `Idempotency-Key`.',
      body: CreateRequestBody,
      status: 201,
      response: LeaveRequest,
    }),
    defineRoute({
      operationId: 'getTimeOffRequest',
      method: 'GET',
      path: oneRequest,
      permission: 'qultrix:time-off:request',
      summary: 'Get a leave request',
      description: 'A request you may not see, or none, is a 404.',
      params: RequestParams,
      response: LeaveRequest,
    }),
    defineRoute({
      operationId: 'approveTimeOffRequest',
      method: 'POST',
      path: `${oneRequest}/approve`,
      permission: 'qultrix:time-off:approve',
      summary: 'Approve the current step',
      description:
        'Step 1 by the manager or their delegate (HR when there is no manager), step 2 by HR other than the step-1 approver. Your own request is a 403 `own_request`; a step that is not yours is a 403 `not_approver`. The last approval spends the balance (a `taken` ledger row).',
      params: RequestParams,
      body: DecisionBody,
      response: LeaveRequest,
    }),
    defineRoute({
      operationId: 'rejectTimeOffRequest',
      method: 'POST',
      path: `${oneRequest}/reject`,
      permission: 'qultrix:time-off:approve',
      summary: 'Reject the request',
      description: 'By whoever decides the current step; the balance is untouched.',
      params: RequestParams,
      body: DecisionBody,
      response: LeaveRequest,
    }),
    defineRoute({
      operationId: 'cancelTimeOffRequest',
      method: 'POST',
      path: `${oneRequest}/cancel`,
      permission: 'qultrix:time-off:request',
      summary: 'Cancel a request',
      description:
        'By the employee, whoever filed it, or HR: a pending one any time, an approved one until its last day has passed (then a `reversal` ledger row gives the amount back).',
      params: RequestParams,
      response: LeaveRequest,
    }),
    defineRoute({
      operationId: 'getTimeOffCalendar',
      method: 'GET',
      path: '/v1/qultrix/time-off/calendar',
      permission: 'qultrix:time-off:request',
      summary: 'Who is out',
      description:
        'Approved and pending (flagged) requests overlapping `from`..`to` (at most 93 days), with names and leave types, never reasons; optionally one department.',
      query: CalendarQuery,
      response: Calendar,
    }),
    defineRoute({
      operationId: 'listApprovalDelegations',
      method: 'GET',
      path: '/v1/qultrix/time-off/delegations',
      permission: 'qultrix:time-off:approve',
      summary: 'List approval delegations',
      description: 'Those you gave or received (HR: all), newest first; `current=true` hides ended ones.',
      query: ListDelegationsQuery,
      response: pageOf(Delegation),
    }),
    defineRoute({
      operationId: 'createApprovalDelegation',
      method: 'POST',
      path: '/v1/qultrix/time-off/delegations',
      permission: 'qultrix:time-off:approve',
      summary: 'Delegate your approvals',
      description:
        'While you are away, `delegateId` (an employee who signs in) decides your step-1 approvals from `startsOn` to `endsOn`. HR may delegate for anyone via `delegatorId`.',
      body: CreateDelegationBody,
      status: 201,
      response: Delegation,
    }),
    defineRoute({
      operationId: 'deleteApprovalDelegation',
      method: 'DELETE',
      path: '/v1/qultrix/time-off/delegations/{delegationId}',
      permission: 'qultrix:time-off:approve',
      summary: 'Remove a delegation',
      description: 'By the delegator or HR; the delegate gets a 403, anyone else a 404.',
      params: DelegationParams,
      status: 204,
    }),
  ],
});
