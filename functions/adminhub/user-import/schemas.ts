import { csvImportBody } from '@halooid/shared/http/csv-import';
import * as z from 'zod';

/** Rows one import may hold: each is a Cognito account and a transaction, and the request has 29 s. */
export const MAX_IMPORT_ROWS = 200;

export const ImportUsersQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Check every row and report what would happen, inviting nobody.' }),
});

export const ImportUsersBody = csvImportBody(
  'CSV with a header row. Columns (any order, case and spacing ignored): `email` (required), `name`, `roles` ' +
    '(role keys or names separated by `;`; Member when empty). Other columns are ignored. At most 200 rows.',
  { dryRun: z.boolean().optional() },
);
export type ImportUsersBody = z.output<typeof ImportUsersBody>;

export const ImportRowResult = z.object({
  line: z
    .number()
    .int()
    .meta({ description: 'CSV record number, the header being line 1 (the first person is line 2).' }),
  email: z.string(),
  outcome: z
    .enum(['invited', 'would_invite', 'skipped', 'failed'])
    .meta({ description: '`would_invite` in a dry run; `skipped` for someone already a member.' }),
  memberId: z.uuid().nullable(),
  reason: z.string().nullable(),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportUsersResult = z.object({
  dryRun: z.boolean(),
  invited: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  rows: z.array(ImportRowResult),
  ignoredColumns: z.array(z.string()),
});
export type ImportUsersResult = z.infer<typeof ImportUsersResult>;
