import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import * as z from 'zod';

export const GROUP_BYS = ['project', 'user', 'task', 'label'] as const;
/** The longest report: a year and a day (a leap year's worth). */
export const MAX_REPORT_DAYS = 366;

const DateParam = calendarDate().meta({
  description: `Calendar date (UTC), YYYY-MM-DD, inclusive. ${YEARS_NOTE}`,
  example: '2026-11-23',
});

export const TimeReportQuery = z
  .strictObject({
    from: DateParam,
    to: DateParam,
    groupBy: z.enum(GROUP_BYS).default('project'),
    billable: z
      .stringbool()
      .optional()
      // maxLength: the longest word a boolean flag accepts is `disabled`.
      .meta({ description: 'Only billable (true) or non-billable (false) time.', maxLength: 8 }),
    userId: z
      .uuid()
      .optional()
      .meta({ description: "One person's time; another's needs taskodex:timesheet:approve." }),
    projectId: z.uuid().optional(),
  })
  .superRefine((query, context) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days < 0) context.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before `from`.' });
    else if (days >= MAX_REPORT_DAYS)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `At most ${MAX_REPORT_DAYS} days after \`from\`.`,
      });
  });
export type TimeReportQuery = z.output<typeof TimeReportQuery>;

const Money = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .meta({ description: "Billable hours × the project's hourly rate, two decimals (the tenant's currency)." });

const Totals = {
  totalSeconds: z.number().int(),
  billableSeconds: z.number().int(),
  billableAmount: Money,
  entryCount: z.number().int(),
};

export const TimeReportGroup = z.object({
  id: z.string().nullable().meta({ description: 'Project, user or task id, or the label; null for "none".' }),
  name: z.string(),
  ...Totals,
});
export type TimeReportGroup = z.infer<typeof TimeReportGroup>;

export const TimeReport = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  groupBy: z.enum(GROUP_BYS),
  groups: z.array(TimeReportGroup).meta({
    description:
      'Largest first. By label an entry counts under each label of its task, so groups may add up to more than the totals.',
  }),
  totals: z.object(Totals),
});
export type TimeReport = z.infer<typeof TimeReport>;
