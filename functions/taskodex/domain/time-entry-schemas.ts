import { calendarDate, instant, YEARS_NOTE } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { LOCK_REASONS, TimeEntry } from './time-entry';

export { LOCK_REASONS, TimeEntry };

/** The longest single entry: a day. Longer work is several entries. */
export const MAX_ENTRY_SECONDS = 24 * 60 * 60;

const Description = z.string().trim().max(2000);
const Tag = z.string().trim().min(1).max(50);
const Tags = z
  .array(Tag)
  .max(20)
  .transform((tags) => [...new Set(tags)]);
/** Any ISO-8601 date-time with `Z` or an offset; stored and returned in UTC. */
// 40 characters hold nanoseconds and an offset; the format alone allows any number of fraction digits.
const Instant = instant()
  .max(40)
  .meta({
    description: `ISO-8601 date-time; returned in UTC. ${YEARS_NOTE}`,
    example: '2026-11-23T09:00:00Z',
  });
const Duration = z
  .number()
  .int()
  .min(1)
  .max(MAX_ENTRY_SECONDS)
  .meta({ description: 'Seconds, at most 24 hours.', example: 5400 });

export const TimeEntryParams = z.strictObject({ timeEntryId: z.uuid() });

/**
 * One body for the three ways to record time: a timer (no `endedAt`, no
 * `durationSeconds`; `startedAt` defaults to now), or a manual log
 * (`startedAt` plus `endedAt` or `durationSeconds`).
 */
export const CreateTimeEntryBody = z
  .strictObject({
    taskId: z.uuid().nullable().default(null),
    projectId: z.uuid().nullable().default(null),
    description: Description.default(''),
    startedAt: Instant.optional(),
    endedAt: Instant.optional(),
    durationSeconds: Duration.optional(),
    billable: z.boolean().optional().meta({ description: "Defaults to the project's billable flag." }),
    tags: Tags.default([]),
  })
  .superRefine((body, context) => {
    if (body.endedAt !== undefined && body.durationSeconds !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['durationSeconds'],
        message: 'Send endedAt or durationSeconds, not both.',
      });
    const manual = body.endedAt !== undefined || body.durationSeconds !== undefined;
    if (manual && body.startedAt === undefined)
      context.addIssue({ code: 'custom', path: ['startedAt'], message: 'A manual entry needs its start.' });
    if (body.startedAt !== undefined && body.endedAt !== undefined)
      checkSpan(Date.parse(body.startedAt), Date.parse(body.endedAt), context);
  });
export type CreateTimeEntryInput = z.output<typeof CreateTimeEntryBody>;

/** End after start and at most a day after it; issues land on `endedAt`. */
function checkSpan(startMs: number, endMs: number, context: z.RefinementCtx): void {
  if (endMs <= startMs)
    context.addIssue({ code: 'custom', path: ['endedAt'], message: 'The end must be after the start.' });
  else if (endMs - startMs > MAX_ENTRY_SECONDS * 1000)
    context.addIssue({ code: 'custom', path: ['endedAt'], message: 'An entry lasts at most 24 hours.' });
}

export const UpdateTimeEntryBody = z
  .strictObject({
    version: VersionField,
    taskId: z.uuid().nullable().optional(),
    projectId: z.uuid().nullable().optional(),
    description: Description.optional(),
    startedAt: Instant.optional(),
    endedAt: Instant.optional(),
    durationSeconds: Duration.optional(),
    billable: z.boolean().optional(),
    tags: Tags.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  })
  .refine((body) => body.endedAt === undefined || body.durationSeconds === undefined, {
    path: ['durationSeconds'],
    message: 'Send endedAt or durationSeconds, not both.',
  });
export type UpdateTimeEntryInput = z.output<typeof UpdateTimeEntryBody>;

const DateParam = calendarDate().meta({
  description: `Calendar date (UTC), YYYY-MM-DD, inclusive. ${YEARS_NOTE}`,
});

export const ListTimeEntriesQuery = z.strictObject({
  ...paginationQuery,
  userId: z.uuid().optional().meta({
    description: "Whose entries. Yours by default; another user's needs taskodex:timesheet:approve.",
  }),
  projectId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  from: DateParam.optional(),
  to: DateParam.optional(),
  // The longest word a boolean flag accepts is `disabled`.
  billable: z.stringbool().optional().meta({ maxLength: 8 }),
  running: z.stringbool().optional().meta({ maxLength: 8 }),
  sort: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'startedAt or createdAt, `-` for descending; -startedAt by default.' }),
});
export type ListTimeEntriesQuery = z.output<typeof ListTimeEntriesQuery>;

export const MarkTimeEntriesBody = z.strictObject({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .transform((ids) => [...new Set(ids)]),
  as: z.enum(['exported', 'invoiced']),
});
export type MarkTimeEntriesInput = z.output<typeof MarkTimeEntriesBody>;

export const MarkTimeEntriesResult = z.object({ items: z.array(TimeEntry) });
