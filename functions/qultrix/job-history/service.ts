import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  EmployeeParams,
  JobChange,
  JobChangeParams,
  RecordJobChangeBody,
  TimelineEntry,
  TimelineQuery,
} from './schemas';

/**
 * Job history: effective-dated changes of an employee's department,
 * position, location and manager (promotions, transfers, raises), applied on
 * their date (at once, or by the daily apply-due job), and the employee's
 * timeline. `dataKeys`: the timeline opens compensation rows for holders of
 * `qultrix:compensation:read`.
 */
export const jobHistoryService = defineService({
  product: 'qultrix',
  capability: 'job-history',
  description: "Effective-dated job changes applied on their date, and each employee's timeline.",
  resources: { database: true, dataKeys: true, tables: ['idempotency'] },
  // Recording and applying changes is HR's work on employee records: the employee permissions cover it.
  permissions: [],
  emits: [{ type: 'employee.updated' }, { type: 'employee.job_changed' }],
  routes: [
    defineRoute({
      operationId: 'recordJobChange',
      method: 'POST',
      path: '/v1/qultrix/employees/{employeeId}/job-changes',
      permission: 'qultrix:employee:admin',
      summary: 'Record a job change',
      description:
        'Effective today or earlier: applied at once (the employee record changes, its version goes up, `employee.updated` names the fields). Later: `scheduled`, applied on that day by a daily job. A manager who reports to the employee is a 422 `manager_cycle`.',
      params: EmployeeParams,
      body: RecordJobChangeBody,
      status: 201,
      response: JobChange,
    }),
    defineRoute({
      operationId: 'cancelJobChange',
      method: 'DELETE',
      path: '/v1/qultrix/employees/{employeeId}/job-changes/{changeId}',
      permission: 'qultrix:employee:admin',
      summary: 'Cancel a scheduled job change',
      description:
        'Only a `scheduled` change (409 `not_scheduled` otherwise: record a new change to undo an applied one). It stays in the timeline as cancelled.',
      params: JobChangeParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'getEmployeeTimeline',
      method: 'GET',
      path: '/v1/qultrix/employees/{employeeId}/timeline',
      permission: 'qultrix:employee:read',
      summary: "An employee's timeline",
      description:
        'Job changes and (with `qultrix:compensation:read`, audited) compensation changes, newest effective first, a page at a time. An employee outside your scope is a 404.',
      params: EmployeeParams,
      query: TimelineQuery,
      response: pageOf(TimelineEntry),
    }),
  ],
});
