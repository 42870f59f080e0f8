import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

/** The widest range one read covers: a quarter (three months of 31 days), enough for any board's view. */
export const MAX_ABSENCE_DAYS = 93;

const DateParam = calendarDate().meta({
  description: `Calendar date, YYYY-MM-DD, inclusive. ${YEARS_NOTE}`,
  example: '2026-12-21',
});

export const ListAbsencesQuery = z
  .strictObject({ ...paginationQuery, from: DateParam, to: DateParam })
  .superRefine((query, context) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days < 0) context.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before `from`.' });
    else if (days >= MAX_ABSENCE_DAYS)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `At most ${MAX_ABSENCE_DAYS} days from \`from\` to \`to\`, both included.`,
      });
  });
export type ListAbsencesQuery = z.output<typeof ListAbsencesQuery>;

export const Absence = z.object({
  userId: z.uuid(),
  from: z.iso.date().meta({ description: 'First day away (inclusive).' }),
  to: z.iso.date().meta({ description: 'Last day away (inclusive).' }),
  label: z.string().meta({ description: 'What to show, e.g. "Time off".', example: 'Time off' }),
});
export type Absence = z.infer<typeof Absence>;

/**
 * What Taskodex reads of Qultrix's `time-off.approved` and
 * `time-off.cancelled`: the request's id, its platform user and its days.
 * The consumer kernel has already checked the whole event against Qultrix's
 * catalog; this names the fields Taskodex relies on (and types them) without
 * importing Qultrix, and ignores the rest.
 */
export const TimeOffDecision = z.object({
  requestId: z.uuid(),
  userId: z.uuid().nullable(),
  start: z.iso.date(),
  end: z.iso.date(),
});
export type TimeOffDecision = z.infer<typeof TimeOffDecision>;
