import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ExportTasksQuery, ImportResult, ImportTasksBody, ImportTasksQuery } from './schemas';

export const taskTransferService = defineService({
  product: 'taskodex',
  capability: 'task-transfer',
  description: 'Tasks in and out as CSV: import with a per-row report, export of any list.',
  resources: { database: true, tables: ['idempotency'] },
  // An imported task is created like any other.
  emits: [{ type: 'task.created' }, { type: 'task.assigned' }, { type: 'task.completed' }],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'exportTasks',
      method: 'GET',
      path: '/v1/taskodex/tasks/export',
      permission: 'taskodex:task:read',
      summary: 'Export tasks as CSV',
      description:
        'Every task the list would return for the same filters and sort, as one `text/csv` download (UTF-8 with BOM, ' +
        "CRLF, RFC 4180 quoting; cells starting with = + - @ get a leading `'` so spreadsheets do not run them). " +
        'Columns: identifier, title, description, status, priority, assignee email, labels (`;`-separated), start date, ' +
        'due date, estimate (hours), completed at, created at, updated at. More than 25,000 tasks is a 400: narrow the filters.',
      query: ExportTasksQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'importTasks',
      method: 'POST',
      path: '/v1/taskodex/tasks/import',
      permission: 'taskodex:task:write',
      summary: 'Import tasks from CSV',
      description:
        'Send the CSV as `Content-Type: text/csv` or as JSON `{"csv": "..."}` (1 MB at most). Valid rows are created ' +
        'in one transaction; invalid ones are reported in `failed` with their row number (the header is row 1) and ' +
        'the reason per column. A file with no header or no `title` column is a 400 and imports nothing.',
      query: ImportTasksQuery,
      body: ImportTasksBody,
      textBodyTypes: ['text/csv'],
      response: ImportResult,
    }),
  ],
});
