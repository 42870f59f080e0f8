import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CreateTimeEntryBody,
  ListTimeEntriesQuery,
  MarkTimeEntriesBody,
  MarkTimeEntriesResult,
  TimeEntry,
  TimeEntryParams,
  UpdateTimeEntryBody,
} from '../domain/time-entry-schemas';

export const timeEntriesService = defineService({
  product: 'taskodex',
  capability: 'time-entries',
  description: 'Time tracking: timers, manual time logs, corrections and export/invoice locks.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'time-entry.started' },
    { type: 'time-entry.stopped' },
    { type: 'time-entry.logged' },
    { type: 'time-entry.updated' },
    { type: 'time-entry.deleted' },
  ],
  permissions: [
    { name: 'taskodex:time:read', description: 'See your own time (and, as an approver, everyone’s).' },
    { name: 'taskodex:time:write', description: 'Track, change and delete your own time.' },
    {
      name: 'taskodex:timesheet:approve',
      description:
        "Approve or reject timesheets, see and correct others' time, mark time exported or invoiced.",
    },
  ],
  routes: [
    defineRoute({
      operationId: 'createTimeEntry',
      method: 'POST',
      path: '/v1/taskodex/time-entries',
      permission: 'taskodex:time:write',
      summary: 'Start a timer or log time',
      description:
        'Without `endedAt` and `durationSeconds` this starts a timer (one per user: a running one is stopped). ' +
        'With `startedAt` and `endedAt` or `durationSeconds` it logs finished time (at most 24 hours, not in the future). ' +
        "`billable` defaults to the project's flag.",
      body: CreateTimeEntryBody,
      status: 201,
      response: TimeEntry,
    }),
    defineRoute({
      operationId: 'listTimeEntries',
      method: 'GET',
      path: '/v1/taskodex/time-entries',
      permission: 'taskodex:time:read',
      summary: 'List time entries',
      description:
        "Yours by default, newest first; approvers see everyone's. `?running=true` finds your timer. " +
        'Send `Accept: text/csv` to download every matching entry (up to 10,000) as a spreadsheet.',
      query: ListTimeEntriesQuery,
      response: pageOf(TimeEntry),
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'markTimeEntries',
      method: 'POST',
      path: '/v1/taskodex/time-entries/mark',
      permission: 'taskodex:timesheet:approve',
      summary: 'Mark time entries exported or invoiced',
      description: 'All or nothing; marked entries can no longer be changed or deleted (409).',
      body: MarkTimeEntriesBody,
      response: MarkTimeEntriesResult,
    }),
    defineRoute({
      operationId: 'getTimeEntry',
      method: 'GET',
      path: '/v1/taskodex/time-entries/{timeEntryId}',
      permission: 'taskodex:time:read',
      summary: 'Get a time entry',
      description:
        'Your own entries (approvers may read anyone’s); `lockedReason` says why an entry can no longer change.',
      params: TimeEntryParams,
      response: TimeEntry,
    }),
    defineRoute({
      operationId: 'updateTimeEntry',
      method: 'PATCH',
      path: '/v1/taskodex/time-entries/{timeEntryId}',
      permission: 'taskodex:time:write',
      summary: 'Change a time entry',
      description:
        'Your own entries only (approvers may correct anyone’s). Send `version` or `If-Match`. ' +
        'Locked entries (exported, invoiced, or in a submitted/approved week) get 409.',
      params: TimeEntryParams,
      body: UpdateTimeEntryBody,
      headers: IF_MATCH_HEADER,
      response: TimeEntry,
    }),
    defineRoute({
      operationId: 'deleteTimeEntry',
      method: 'DELETE',
      path: '/v1/taskodex/time-entries/{timeEntryId}',
      permission: 'taskodex:time:write',
      summary: 'Delete a time entry',
      description: 'Your own entries only (approvers may delete anyone’s); locked entries get 409.',
      params: TimeEntryParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'stopTimeEntry',
      method: 'POST',
      path: '/v1/taskodex/time-entries/{timeEntryId}/stop',
      permission: 'taskodex:time:write',
      summary: 'Stop your running timer',
      description: 'Ends it now (a timer left running more than 24 hours ends 24 hours after its start).',
      params: TimeEntryParams,
      response: TimeEntry,
    }),
  ],
});
