import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { decimalString } from '../domain/leave-policy';

/**
 * Leave types: what kinds of absence a tenant offers (annual, sick, unpaid,
 * custom), in days or hours, with the approval chain and whether a balance
 * limits them. Every request string has a maximum length.
 */

export const LeaveKind = z.enum(['annual', 'sick', 'unpaid', 'custom']);
export const LeaveUnit = z.enum(['days', 'hours']);
export const ApprovalChain = z
  .enum(['manager', 'manager_then_hr'])
  .meta({ description: 'Who approves: the manager alone, or the manager and then HR.' });

const name = displayText().min(1).max(60);
const color = z
  .string()
  .max(7)
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour such as "#2f80ed".');
const attachmentAfterDays = decimalString({ integerDigits: 4, scale: 1 }).meta({
  description: 'A request longer than this many days needs an attachment (decimal string); null: never.',
});

export const LeaveType = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: LeaveKind,
  paid: z.boolean(),
  unit: LeaveUnit,
  attachmentAfterDays: z.string().nullable(),
  approval: ApprovalChain,
  tracksBalance: z
    .boolean()
    .meta({ description: 'Whether requests spend a balance (unpaid leave usually not).' }),
  color: z.string().nullable(),
  archived: z.boolean().meta({ description: 'Archived types take no new requests or policies.' }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeaveType = z.infer<typeof LeaveType>;

export const LeaveTypeParams = z.strictObject({ leaveTypeId: z.uuid() });

export const CreateLeaveTypeBody = z.strictObject({
  name,
  kind: LeaveKind,
  paid: z.boolean().default(true),
  unit: LeaveUnit.default('days'),
  attachmentAfterDays: attachmentAfterDays.nullable().optional(),
  approval: ApprovalChain.default('manager'),
  tracksBalance: z.boolean().optional().meta({ description: 'Default: true, except for kind unpaid.' }),
  color: color.nullable().optional(),
});
export type CreateLeaveTypeInput = z.output<typeof CreateLeaveTypeBody>;

export const ChangeLeaveTypeBody = z
  .strictObject({
    version: VersionField,
    name: name.optional(),
    kind: LeaveKind.optional(),
    paid: z.boolean().optional(),
    unit: LeaveUnit.optional(),
    attachmentAfterDays: attachmentAfterDays.nullable().optional(),
    approval: ApprovalChain.optional(),
    tracksBalance: z.boolean().optional(),
    color: color.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Send at least one field to change.',
  });
export type ChangeLeaveTypeInput = z.output<typeof ChangeLeaveTypeBody>;

/** The fields a leave type stores besides its identity and bookkeeping. */
export type LeaveTypeFields = Omit<LeaveType, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const ListLeaveTypesQuery = z.strictObject({
  ...paginationQuery,
  archived: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Only archived (true) or only current (false) types; default both.' }),
});
export type ListLeaveTypesQuery = z.output<typeof ListLeaveTypesQuery>;
