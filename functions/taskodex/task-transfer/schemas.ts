import { MAX_BODY_BYTES } from '@halooid/shared/http/body';
import * as z from 'zod';
import { ListTasksQuery } from '../domain/task-schemas';

/** The task list's filters and sort, without paging: an export is every matching task. */
export const ExportTasksQuery = ListTasksQuery.omit({ limit: true, cursor: true });
export type ExportTasksQuery = z.output<typeof ExportTasksQuery>;

export const ImportTasksQuery = z.strictObject({
  projectId: z.uuid().optional().meta({ description: 'The project the tasks go into; none when absent.' }),
});

export const ImportTasksBody = z
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
      'CSV with a header row. Columns (any order, case and spacing ignored): `title` (required), `description`, ' +
      '`status` (a state key of the workflow), `priority` (urgent, high, medium, low, none), `assignee` or ' +
      '`assignee email` (a member’s email), `labels` (separated by `;`), `start date` and `due date` (YYYY-MM-DD), ' +
      '`estimate` (hours). Other columns, such as those of an export, are ignored and counted in `ignoredColumnCount`. ' +
      'At most 100 columns.',
  });
export type ImportTasksBody = z.output<typeof ImportTasksBody>;

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
        description: 'CSV record number, 1-based, counting the header as row 1 (so the first task is row 2).',
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
