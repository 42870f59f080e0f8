import { csvImportBody, importResultSchema } from '@halooid/shared/http/csv-import';
import * as z from 'zod';
import { ListTasksQuery } from '../domain/task-schemas';

/** The task list's filters and sort, without paging: an export is every matching task. */
export const ExportTasksQuery = ListTasksQuery.omit({ limit: true, cursor: true });
export type ExportTasksQuery = z.output<typeof ExportTasksQuery>;

export const ImportTasksQuery = z.strictObject({
  projectId: z.uuid().optional().meta({ description: 'The project the tasks go into; none when absent.' }),
});

export const ImportTasksBody = csvImportBody(
  'CSV with a header row. Columns (any order, case and spacing ignored): `title` (required), `description`, ' +
    '`status` (a state key of the workflow), `priority` (urgent, high, medium, low, none), `assignee` or ' +
    '`assignee email` (a member’s email), `labels` (separated by `;`), `start date` and `due date` (YYYY-MM-DD), ' +
    '`estimate` (hours). Other columns, such as those of an export, are ignored and counted in `ignoredColumnCount`. ' +
    'At most 100 columns.',
);
export type ImportTasksBody = z.output<typeof ImportTasksBody>;

export const ImportResult = importResultSchema('task');
export type ImportResult = z.infer<typeof ImportResult>;
