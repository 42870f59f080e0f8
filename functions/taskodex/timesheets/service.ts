import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  DecisionBody,
  RejectBody,
  SubmissionsQuery,
  Timesheet,
  TimesheetParams,
  TimesheetQuery,
  TimesheetSubmission,
} from './schemas';

export const timesheetsService = defineService({
  product: 'taskodex',
  capability: 'timesheets',
  description: 'Weekly timesheets: per-day totals, submission and approval.',
  resources: { database: true },
  emits: [{ type: 'timesheet.submitted' }, { type: 'timesheet.approved' }, { type: 'timesheet.rejected' }],
  // taskodex:time:* and taskodex:timesheet:approve are defined by time-entries.
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getTimesheet',
      method: 'GET',
      path: '/v1/taskodex/timesheets',
      permission: 'taskodex:time:read',
      summary: 'A weekly timesheet',
      description:
        "Your current week by default. Seven days, Monday first (UTC days), totals in seconds, the entries and the week's status.",
      query: TimesheetQuery,
      response: Timesheet,
    }),
    defineRoute({
      operationId: 'listTimesheetSubmissions',
      method: 'GET',
      path: '/v1/taskodex/timesheets/submissions',
      permission: 'taskodex:timesheet:approve',
      summary: 'Submitted timesheets (the approval queue)',
      description: 'Weeks that were submitted, approved or rejected, newest week first, with their totals.',
      query: SubmissionsQuery,
      response: pageOf(TimesheetSubmission),
    }),
    defineRoute({
      operationId: 'submitTimesheet',
      method: 'POST',
      path: '/v1/taskodex/timesheets/{week}/submit',
      permission: 'taskodex:time:write',
      summary: 'Submit your week for approval',
      description:
        'Locks its entries until it is rejected. A running timer in the week must be stopped first (422).',
      params: TimesheetParams,
      response: Timesheet,
    }),
    defineRoute({
      operationId: 'approveTimesheet',
      method: 'POST',
      path: '/v1/taskodex/timesheets/{week}/approve',
      permission: 'taskodex:timesheet:approve',
      summary: "Approve someone's submitted week",
      description:
        'Send the `userId` whose week it is. Only a submitted week can be approved (else 409); its entries stay locked and the user is notified. Your own week is a 403 `own_timesheet`: another approver decides.',
      params: TimesheetParams,
      body: DecisionBody,
      response: Timesheet,
    }),
    defineRoute({
      operationId: 'rejectTimesheet',
      method: 'POST',
      path: '/v1/taskodex/timesheets/{week}/reject',
      permission: 'taskodex:timesheet:approve',
      summary: "Reject someone's week with a reason",
      description:
        'A submitted or approved week goes back to its owner; its entries can be changed again. Your own week is a 403 `own_timesheet`.',
      params: TimesheetParams,
      body: RejectBody,
      response: Timesheet,
    }),
  ],
});
