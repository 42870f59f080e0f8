import { MAX_BODY_BYTES } from '@halooid/shared/http/body';
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

export const ImportRowError = z.object({
  column: z
    .string()
    .nullable()
    .meta({ description: 'The header of the offending column; null for the row as a whole.' }),
  message: z.string(),
});

export const ImportResult = z.object({
  imported: z.number().int(),
  failed: z.array(
    z.object({
      row: z.number().int().meta({
        description:
          'CSV record number, 1-based, counting the header as row 1 (so the first employee is row 2).',
      }),
      errors: z.array(ImportRowError).min(1),
    }),
  ),
  ignoredColumnCount: z.number().int().meta({ description: 'How many columns of the header were ignored.' }),
  ignoredColumns: z.array(z.string()).meta({
    description:
      'The first 20 ignored column names, each cut to 100 characters; `ignoredColumnCount` has them all.',
  }),
});
export type ImportResult = z.infer<typeof ImportResult>;
