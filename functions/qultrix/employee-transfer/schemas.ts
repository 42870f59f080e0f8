import { csvImportBody, importResultSchema } from '@halooid/shared/http/csv-import';
import type * as z from 'zod';
import { ListEmployeesQuery } from '../domain/employee-schemas';

/** The employee list's filters and sort, without paging: an export is every matching employee in scope. */
export const ExportEmployeesQuery = ListEmployeesQuery.omit({ limit: true, cursor: true });
export type ExportEmployeesQuery = z.output<typeof ExportEmployeesQuery>;

export const ImportEmployeesBody = csvImportBody(
  'CSV with a header row. Columns (any order, case and spacing ignored): `given name` and `family name` and ' +
    '`hire date` (required), `preferred name`, `work email`, `personal email`, `phone` (mobile), `birth date`, ' +
    '`status` (onboarding, active, on_leave, terminated), `type` (full_time, part_time, contractor, intern), ' +
    '`probation end date`, `termination date`, `termination reason`, `department`, `position`, `location` ' +
    '(names of existing ones), `manager` (a work email or an employee number), `fte`, `work days` ' +
    '(`Mon;Tue;…` or `1;2;…`), `hours per day`. Dates are YYYY-MM-DD. Other columns, such as the ' +
    'export’s employee number, are ignored and counted in `ignoredColumnCount`. At most 100 columns.',
);
export type ImportEmployeesBody = z.output<typeof ImportEmployeesBody>;

export const ImportResult = importResultSchema('employee');
export type ImportResult = z.infer<typeof ImportResult>;
