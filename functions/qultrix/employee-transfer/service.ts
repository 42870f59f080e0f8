import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ExportEmployeesQuery, ImportEmployeesBody, ImportResult } from './schemas';

/**
 * Employees in and out as CSV: moving off another HR system, or handing a
 * list to a spreadsheet. The export reads through the row scope of the list;
 * the import creates through the same use case as POST /employees.
 */
export const employeeTransferService = defineService({
  product: 'qultrix',
  capability: 'employee-transfer',
  description: 'Employees in and out as CSV: import with a per-row report, export of any list.',
  resources: { database: true, tables: ['idempotency'] },
  // An imported employee is created like any other (terminated ones end their user's access too).
  emits: [{ type: 'employee.created' }, { type: 'employee.terminated' }],
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'exportEmployees',
      method: 'GET',
      path: '/v1/qultrix/employees/export',
      permission: 'qultrix:employee:read',
      summary: 'Export employees as CSV',
      description:
        'Every employee the list would return for the same filters and sort (your own record and your reports; ' +
        'everyone with `qultrix:employee:admin`), as one `text/csv` download (UTF-8 with BOM, CRLF, RFC 4180 ' +
        "quoting; cells starting with = + - @ get a leading `'`). Identity and job only, no personal data " +
        '(personal email, phones, birth date, address, emergency contacts, termination reason stay out). Columns: ' +
        'employee number, given name, family name, preferred name, work email, status, type, hire date, probation ' +
        'end date, termination date, department, position, location, manager (employee number), fte, work days, ' +
        'hours per day. More than 25,000 employees is a 400: narrow the filters.',
      query: ExportEmployeesQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'importEmployees',
      method: 'POST',
      path: '/v1/qultrix/employees/import',
      permission: 'qultrix:employee:admin',
      summary: 'Import employees from CSV',
      description:
        'Send the CSV as `Content-Type: text/csv` or as JSON `{"csv": "..."}` (1 MB at most). Valid rows are created ' +
        'in one transaction, a manager before their reports (a row may name a manager elsewhere in the file by work ' +
        'email); invalid ones are reported in `failed` with their row number (the header is row 1) and the reason ' +
        'per column. A file with no header or without `given name`, `family name` and `hire date` columns is a 400 ' +
        'and imports nothing.',
      body: ImportEmployeesBody,
      textBodyTypes: ['text/csv'],
      response: ImportResult,
    }),
  ],
});
