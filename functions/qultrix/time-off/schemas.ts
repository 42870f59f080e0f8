import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { LeaveRequest, RequestStatus } from '../domain/time-off-request';
import { calendarDays } from '../domain/working-days';

export { LeaveRequest, RequestStatus };

/** The longest request accepted: a year and a day (a leap year's worth). */
export const MAX_REQUEST_DAYS = 366;
/** The longest calendar window one call returns. */
export const MAX_CALENDAR_DAYS = 93;

const date = () => calendarDate().meta({ description: `YYYY-MM-DD. ${YEARS_NOTE}` });
// A query flag: true|false (1|0, yes|no, on|off); maxLength keeps the OpenAPI parameter bounded (Spectral) as Taskodex's are.
const flag = () => z.stringbool().default(false).meta({ maxLength: 8 });

/** start ≤ end, not longer than MAX_REQUEST_DAYS, and one day takes one half at most. */
function checkRange(
  value: { start: string; end: string; startHalf: boolean; endHalf: boolean },
  context: z.core.$RefinementCtx,
  prefix: string,
) {
  if (value.end < value.start)
    context.addIssue({ code: 'custom', path: ['end'], message: `${prefix}end is before start.` });
  else if (calendarDays(value.start, value.end) > MAX_REQUEST_DAYS)
    context.addIssue({
      code: 'custom',
      path: ['end'],
      message: `At most ${MAX_REQUEST_DAYS} days in one request.`,
    });
  else if (value.start === value.end && value.startHalf && value.endHalf)
    context.addIssue({
      code: 'custom',
      path: ['endHalf'],
      message: 'A single day is either its morning (endHalf) or its afternoon (startHalf), not both.',
    });
}

export const PreviewQuery = z
  .strictObject({
    employeeId: z.uuid().optional().meta({ description: 'Default: your own employee record.' }),
    leaveTypeId: z.uuid(),
    start: date(),
    end: date(),
    startHalf: flag().meta({ description: 'The first day starts at noon.' }),
    endHalf: flag().meta({ description: 'The last day ends at noon.' }),
  })
  .superRefine((value, context) => checkRange(value, context, ''));
export type PreviewQuery = z.output<typeof PreviewQuery>;

const Balance = z.object({ balance: z.string(), pending: z.string(), available: z.string() });

export const Preview = z.object({
  employeeId: z.uuid(),
  leaveTypeId: z.uuid(),
  unit: z.enum(['days', 'hours']),
  workingDays: z.string().meta({ description: 'Working days covered (schedule and holidays), e.g. "2.5".' }),
  amount: z.string().meta({ description: "What the request would spend, in the type's unit." }),
  balance: Balance.nullable().meta({ description: 'Null for a type that tracks no balance (unpaid leave).' }),
  attachmentRequired: z.boolean(),
});

export const CreateRequestBody = z
  .strictObject({
    employeeId: z.uuid().optional().meta({ description: 'Someone else: needs qultrix:time-off:admin.' }),
    leaveTypeId: z.uuid(),
    start: date(),
    end: date(),
    startHalf: z.boolean().default(false),
    endHalf: z.boolean().default(false),
    reason: z.string().trim().max(1000).optional(),
    attachmentUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .meta({ description: "Required when the request is longer than the type's attachmentAfterDays." }),
  })
  .superRefine((value, context) => checkRange(value, context, ''));
export type CreateRequestInput = z.output<typeof CreateRequestBody>;

export const ListRequestsQuery = z.strictObject({
  ...paginationQuery,
  employeeId: z.uuid().optional(),
  status: RequestStatus.optional(),
  from: date().optional().meta({ description: 'Requests ending on or after this day.' }),
  to: date().optional().meta({ description: 'Requests starting on or before this day.' }),
  mine: flag().meta({ description: 'Only your own requests.' }),
  awaitingMe: flag().meta({ description: 'Only pending requests whose current step you decide.' }),
});
export type ListRequestsQuery = z.output<typeof ListRequestsQuery>;

export const RequestParams = z.strictObject({ requestId: z.uuid() });

export const DecisionBody = z.strictObject({
  comment: z.string().trim().max(1000).optional(),
});
export type DecisionInput = z.output<typeof DecisionBody>;

export const CalendarQuery = z
  .strictObject({
    from: date(),
    to: date(),
    departmentId: z.uuid().optional(),
  })
  .superRefine((value, context) => {
    if (value.to < value.from)
      context.addIssue({ code: 'custom', path: ['to'], message: 'to is before from.' });
    else if (calendarDays(value.from, value.to) > MAX_CALENDAR_DAYS)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `At most ${MAX_CALENDAR_DAYS} days at once.`,
      });
  });
export type CalendarQuery = z.output<typeof CalendarQuery>;

export const CalendarEntry = z.object({
  requestId: z.uuid(),
  employeeId: z.uuid(),
  name: z.string().meta({ description: 'Preferred (or given) and family name.' }),
  departmentId: z.uuid().nullable(),
  leaveType: z.object({ id: z.uuid(), name: z.string(), color: z.string().nullable() }),
  start: z.iso.date(),
  end: z.iso.date(),
  startHalf: z.boolean(),
  endHalf: z.boolean(),
  status: z.enum(['pending', 'approved']).meta({ description: 'Pending ones are not certain yet.' }),
});
export const Calendar = z.object({ from: z.iso.date(), to: z.iso.date(), entries: z.array(CalendarEntry) });

export const Delegation = z.object({
  id: z.uuid(),
  delegatorId: z.uuid().meta({ description: 'The approver who is away (an employee).' }),
  delegateId: z.uuid().meta({ description: 'Who decides in their place (an employee with a user).' }),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  createdAt: z.iso.datetime(),
});
export type Delegation = z.infer<typeof Delegation>;

export const CreateDelegationBody = z
  .strictObject({
    delegatorId: z.uuid().optional().meta({ description: 'Someone else: needs qultrix:time-off:admin.' }),
    delegateId: z.uuid(),
    startsOn: date(),
    endsOn: date(),
  })
  .superRefine((value, context) => {
    if (value.endsOn < value.startsOn)
      context.addIssue({ code: 'custom', path: ['endsOn'], message: 'endsOn is before startsOn.' });
    else if (calendarDays(value.startsOn, value.endsOn) > MAX_REQUEST_DAYS)
      context.addIssue({ code: 'custom', path: ['endsOn'], message: `At most ${MAX_REQUEST_DAYS} days.` });
  });
export type CreateDelegationInput = z.output<typeof CreateDelegationBody>;

export const ListDelegationsQuery = z.strictObject({
  ...paginationQuery,
  current: flag().meta({ description: 'Only delegations that have not ended.' }),
});
export type ListDelegationsQuery = z.output<typeof ListDelegationsQuery>;

export const DelegationParams = z.strictObject({ delegationId: z.uuid() });
