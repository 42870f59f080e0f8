import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { Compensation } from '../domain/compensation-schema';

/**
 * Job changes: effective-dated changes of department, position, location and
 * manager (and a link to a compensation row), applied to the employee record
 * on their date. `changes` holds only what the change sets: a key with null
 * clears the field, a missing key leaves it alone.
 */

export const JobChangeKind = z.enum(['hire', 'promotion', 'transfer', 'raise', 'manager_change', 'other']);
export const JobChangeStatus = z.enum(['scheduled', 'applied', 'cancelled', 'failed']);

export const CHANGE_FIELDS = ['departmentId', 'positionId', 'locationId', 'managerId'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const JobChangeFields = z.strictObject({
  departmentId: z.uuid().nullable().optional(),
  positionId: z.uuid().nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
});
export type JobChangeFields = z.infer<typeof JobChangeFields>;

export const EmployeeParams = z.object({ employeeId: z.uuid() });
export const JobChangeParams = z.object({ employeeId: z.uuid(), changeId: z.uuid() });

export const RecordJobChangeBody = z
  .strictObject({
    kind: JobChangeKind,
    effectiveDate: calendarDate().meta({
      description: `On or before today: applied at once; later: scheduled and applied on that day. ${YEARS_NOTE}`,
    }),
    changes: JobChangeFields.default({}),
    compensationId: z
      .uuid()
      .optional()
      .meta({ description: "A row of the employee's compensation history this change goes with (a raise)." }),
    note: displayText().min(1).max(1000).optional(),
  })
  .refine((body) => Object.keys(body.changes).length > 0 || body.compensationId !== undefined, {
    message:
      'A change sets at least one of departmentId, positionId, locationId, managerId, or links a compensationId.',
    path: ['changes'],
  });
export type RecordJobChangeInput = z.infer<typeof RecordJobChangeBody>;

export const JobChange = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  kind: JobChangeKind,
  effectiveDate: z.iso.date(),
  status: JobChangeStatus,
  changes: z.object({
    departmentId: z.uuid().nullable().optional(),
    positionId: z.uuid().nullable().optional(),
    locationId: z.uuid().nullable().optional(),
    managerId: z.uuid().nullable().optional(),
  }),
  compensationId: z.uuid().nullable(),
  note: z.string().nullable(),
  failure: z
    .string()
    .nullable()
    .meta({ description: 'Why a due change could not be applied (status `failed`).' }),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  appliedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type JobChange = z.infer<typeof JobChange>;

export const TimelineEntry = z.object({
  type: z.enum(['job_change', 'compensation']),
  id: z.uuid(),
  effectiveDate: z.iso.date(),
  jobChange: JobChange.nullable(),
  compensation: Compensation.nullable().meta({
    description: 'Only for holders of `qultrix:compensation:read` (others get no compensation entries).',
  }),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = z.strictObject({ ...paginationQuery });
export type TimelineQuery = z.infer<typeof TimelineQuery>;
