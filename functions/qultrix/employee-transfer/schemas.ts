import { MAX_BODY_BYTES } from '@halooid/shared/http/body';
import { importResultSchema } from '@halooid/shared/http/csv-import';
import * as z from 'zod';
import { ListEmployeesQuery } from '../domain/employee-schemas';

/** The employee list's filters and sort, without paging: an export is every matching employee in scope. */
export const ExportEmployeesQuery = ListEmployeesQuery.omit({ limit: true, cursor: true });
export type ExportEmployeesQuery = z.output<typeof ExportEmployeesQuery>;

export const ImportEmployeesBody = z
  .union(
    [
      // A body is at most MAX_BODY_BYTES, so neither form can hold more characters.
      z
        .string()
        .max(MAX_BODY_BYTES)
        .meta({ description: 'The CSV itself, sent as `Content-Type: text/csv`.' }),
      z.strictObject({
        csv: z.string().max(MAX_BODY_BYTES).meta({ description: 'The CSV as one string.' }),
      }),
    ],
    { error: 'Send the CSV as the body with Content-Type: text/csv, or as JSON {"csv": "..."}.' },
  )
  .meta({
    description:
      'CSV with a header row. Columns (any order, case and spacing ignored): `given name` and `family name` and ' +
      '`hire date` (required), `preferred name`, `work email`, `personal email`, `phone` (mobile), `birth date`, ' +
      '`status` (onboarding, active, on_leave, terminated), `type` (full_time, part_time, contractor, intern), ' +
      '`probation end date`, `termination date`, `termination reason`, `department`, `position`, `location` ' +
      '(names of existing ones), `manager` (a work email or an employee number), `fte`, `work days` ' +
      '(`Mon;Tue;…` or `1;2;…`), `hours per day`. Dates are YYYY-MM-DD. Other columns, such as the ' +
      'export’s employee number, are ignored and counted in `ignoredColumnCount`. At most 100 columns.',
  });
export type ImportEmployeesBody = z.output<typeof ImportEmployeesBody>;

export const ImportResult = importResultSchema('employee');
export type ImportResult = z.infer<typeof ImportResult>;
