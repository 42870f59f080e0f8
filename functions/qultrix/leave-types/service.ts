import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  ChangeLeaveTypeBody,
  CreateLeaveTypeBody,
  LeaveType,
  LeaveTypeParams,
  ListLeaveTypesQuery,
} from './schemas';

const path = '/v1/qultrix/leave-types';

/**
 * Leave types, and the time-off permissions of all of Qultrix time off
 * (declared once, here): everyone who may request leave reads the types;
 * only time-off administrators shape them.
 */
export const leaveTypesService = defineService({
  product: 'qultrix',
  capability: 'leave-types',
  description:
    'Leave types: annual, sick, unpaid and custom kinds of absence, their unit and approval chain.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'qultrix:time-off:request', description: 'Request time off for yourself and see your balances.' },
    {
      name: 'qultrix:time-off:approve',
      description: 'Approve or reject the time-off requests routed to you.',
    },
    {
      name: 'qultrix:time-off:admin',
      description: 'Manage leave types, policies and balances; see every employee’s time off.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listLeaveTypes',
      method: 'GET',
      path,
      permission: 'qultrix:time-off:request',
      summary: 'List leave types',
      description: 'By name, a page at a time; `archived=false` for the ones that take requests.',
      query: ListLeaveTypesQuery,
      response: pageOf(LeaveType),
    }),
    defineRoute({
      operationId: 'createLeaveType',
      method: 'POST',
      path,
      permission: 'qultrix:time-off:admin',
      summary: 'Create a leave type',
      description: 'A name another type has (case-insensitive) is a 409 `name_taken`.',
      body: CreateLeaveTypeBody,
      status: 201,
      response: LeaveType,
    }),
    defineRoute({
      operationId: 'getLeaveType',
      method: 'GET',
      path: `${path}/{leaveTypeId}`,
      permission: 'qultrix:time-off:request',
      summary: 'Get a leave type',
      description: "Another tenant's type, or none, is a 404.",
      params: LeaveTypeParams,
      response: LeaveType,
    }),
    defineRoute({
      operationId: 'updateLeaveType',
      method: 'PATCH',
      path: `${path}/{leaveTypeId}`,
      permission: 'qultrix:time-off:admin',
      summary: 'Change or archive a leave type',
      description:
        'Partial update with `version` (or `If-Match`); a stale one is a 409. `archived: true` retires a type that is in use: it keeps its balances and history but takes no new requests.',
      params: LeaveTypeParams,
      body: ChangeLeaveTypeBody,
      headers: IF_MATCH_HEADER,
      response: LeaveType,
    }),
    defineRoute({
      operationId: 'deleteLeaveType',
      method: 'DELETE',
      path: `${path}/{leaveTypeId}`,
      permission: 'qultrix:time-off:admin',
      summary: 'Delete an unused leave type',
      description:
        'Only while no policy, request or balance uses it; otherwise a 409 `leave_type_in_use` (archive it instead).',
      params: LeaveTypeParams,
      status: 204,
    }),
  ],
});
