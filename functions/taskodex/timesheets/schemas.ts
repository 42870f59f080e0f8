import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { TimeEntry } from '../domain/time-entry-schemas';

const Week = z
  .string()
  .max(8, 'An ISO week like 2026-W48.')
  .regex(/^\d{4}-W\d{2}$/, 'An ISO week like 2026-W48.')
  .meta({ description: 'ISO week, e.g. 2026-W48 (Monday first, UTC days).', example: '2026-W48' });

export const TimesheetQuery = z.strictObject({
  week: Week.optional().meta({ description: 'ISO week, e.g. 2026-W48; the current week by default.' }),
  userId: z.uuid().optional().meta({
    description: "Whose timesheet: yours by default; another user's needs taskodex:timesheet:approve.",
  }),
});
export type TimesheetQuery = z.output<typeof TimesheetQuery>;

export const TimesheetParams = z.strictObject({ week: Week });

export const DecisionBody = z.strictObject({ userId: z.uuid() });
export const RejectBody = z.strictObject({
  userId: z.uuid(),
  reason: z.string().trim().min(1, 'Say why, so the person can fix it.').max(2000),
});

export const TimesheetStatus = z.enum(['open', 'submitted', 'approved', 'rejected']);

const DayTotal = z.object({
  date: z.iso.date(),
  totalSeconds: z.number().int(),
  billableSeconds: z.number().int(),
});

export const Timesheet = z.object({
  userId: z.uuid(),
  week: z.string(),
  weekStart: z.iso.date(),
  weekEnd: z.iso.date().meta({ description: 'Sunday, inclusive.' }),
  status: TimesheetStatus,
  submittedAt: z.iso.datetime().nullable(),
  decidedBy: z.uuid().nullable().meta({ description: 'Who approved or rejected it.' }),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  days: z
    .array(DayTotal)
    .length(7)
    .meta({ description: 'Monday first; entries count on the UTC day they start.' }),
  totalSeconds: z.number().int(),
  billableSeconds: z.number().int(),
  runningEntryId: z
    .uuid()
    .nullable()
    .meta({ description: 'A timer still running in this week (not in the totals).' }),
  entries: z.array(TimeEntry),
});
export type Timesheet = z.infer<typeof Timesheet>;

export const SubmissionsQuery = z.strictObject({
  ...paginationQuery,
  status: z
    .enum(['submitted', 'approved', 'rejected'])
    .optional()
    .meta({ description: 'submitted: the weeks waiting for a decision.' }),
  week: Week.optional(),
  userId: z.uuid().optional(),
});
export type SubmissionsQuery = z.output<typeof SubmissionsQuery>;

export const TimesheetSubmission = z.object({
  userId: z.uuid(),
  week: z.string(),
  weekStart: z.iso.date(),
  status: TimesheetStatus.exclude(['open']),
  submittedAt: z.iso.datetime(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  totalSeconds: z.number().int(),
  billableSeconds: z.number().int(),
});
