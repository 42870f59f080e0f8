import * as z from 'zod';

// A leave request as the API returns it and the events' payload: zod only, so
// the event catalog loads them without the route schemas or the kernel.

export const RequestStatus = z.enum(['pending', 'approved', 'rejected', 'cancelled']);

const Approval = z.object({
  step: z.number().int().meta({ description: '1: the manager (or HR when there is none); 2: HR.' }),
  decision: z.enum(['approved', 'rejected']),
  decidedBy: z.uuid().meta({ description: 'The user who decided.' }),
  onBehalfOf: z.uuid().nullable().meta({ description: 'The approver (user) a delegate stood in for.' }),
  comment: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});

export const LeaveRequest = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  leaveType: z.object({ id: z.uuid(), name: z.string(), unit: z.enum(['days', 'hours']) }),
  start: z.iso.date(),
  end: z.iso.date(),
  startHalf: z.boolean(),
  endHalf: z.boolean(),
  amount: z.string().meta({ description: "In the leave type's unit, working days only." }),
  reason: z.string().nullable(),
  attachmentUrl: z.string().nullable(),
  status: RequestStatus,
  currentStep: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The step awaiting a decision while pending.' }),
  approval: z.enum(['manager', 'manager_then_hr']),
  approvals: z.array(Approval),
  requestedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeaveRequest = z.infer<typeof LeaveRequest>;

/** What the time-off events carry: no reason text (it may be medical) and no attachment. */
export const TimeOffEventData = z.object({
  requestId: z.uuid(),
  employeeId: z.uuid(),
  userId: z.uuid().nullable().meta({ description: "The employee's platform user, if any." }),
  leaveTypeId: z.uuid(),
  leaveTypeName: z.string(),
  unit: z.enum(['days', 'hours']),
  start: z.iso.date(),
  end: z.iso.date(),
  startHalf: z.boolean(),
  endHalf: z.boolean(),
  amount: z.string(),
  status: RequestStatus,
});
export type TimeOffEventData = z.infer<typeof TimeOffEventData>;

/** A request waiting for someone: who may decide the current step (users), for notifications. */
export const AwaitingApprovalData = TimeOffEventData.extend({
  employeeName: z.string(),
  step: z.number().int(),
  approverUserIds: z.array(z.uuid()),
});
