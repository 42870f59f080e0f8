import * as z from 'zod';

// A time entry as the API returns it and events carry it: zod only, so the event catalog
// loads it without the request schemas (time-entry-schemas.ts) or the kernel.

export const LOCK_REASONS = ['exported', 'invoiced', 'timesheet_submitted', 'timesheet_approved'] as const;

export const TimeEntry = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  taskId: z.uuid().nullable(),
  projectId: z.uuid().nullable().meta({ description: "The task's project when a task is given." }),
  description: z.string(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable().meta({ description: 'Null while the timer runs.' }),
  durationSeconds: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Null while the timer runs (elapsed time is now minus startedAt).' }),
  running: z.boolean(),
  billable: z.boolean(),
  tags: z.array(z.string()),
  exportedAt: z.iso.datetime().nullable(),
  invoicedAt: z.iso.datetime().nullable(),
  lockedReason: z.enum(LOCK_REASONS).nullable().meta({
    description: 'Why the entry cannot be changed (exported, invoiced, or its week submitted/approved).',
  }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;
