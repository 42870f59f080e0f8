import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { EmploymentType } from '../domain/employee';
import { decimalString } from '../domain/leave-policy';

/**
 * Leave policies: how much of a leave type whom they apply to gets per year,
 * how it accrues and what survives the year end. Amounts are exact decimal
 * strings in the leave type's unit.
 */

export const AccrualFrequency = z
  .enum(['monthly', 'yearly'])
  .meta({ description: 'monthly: 1/12 at the start of each month; yearly: all of it on 1 January.' });

const amount = (max: number) =>
  decimalString({ integerDigits: 4, scale: 2 }).refine((value) => Number(value) <= max, `At most ${max}.`);
const employmentTypes = z
  .array(EmploymentType)
  .min(1)
  .max(4)
  .refine((types) => new Set(types).size === types.length, 'Each type at most once.')
  .meta({ description: 'The employment types it applies to; null: any.' });
const locationIds = z
  .array(z.uuid())
  .min(1)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'Each location at most once.')
  .meta({ description: 'The locations it applies to; null: any.' });

export const LeavePolicy = z.object({
  id: z.uuid(),
  leaveTypeId: z.uuid(),
  name: z.string(),
  yearlyEntitlement: z.string().meta({ description: 'Per calendar year, in the leave type’s unit.' }),
  accrual: AccrualFrequency,
  prorate: z.boolean().meta({ description: 'A hire within the year gets the share of the year left.' }),
  carryOverCap: z
    .string()
    .nullable()
    .meta({ description: 'At most this much unused balance moves into the next year (0: none, null: all).' }),
  carryOverExpiryMonths: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Carried-over days not used within this many months expire (null: never).' }),
  waitingDays: z.number().int().meta({ description: 'Days after the hire date before anything accrues.' }),
  employmentTypes: z.array(EmploymentType).nullable(),
  locationIds: z.array(z.uuid()).nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeavePolicy = z.infer<typeof LeavePolicy>;
export type LeavePolicyFields = Omit<LeavePolicy, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const LeavePolicyParams = z.strictObject({ policyId: z.uuid() });

const fields = {
  leaveTypeId: z.uuid(),
  name: displayText().min(1).max(100),
  yearlyEntitlement: amount(1000),
  accrual: AccrualFrequency,
  prorate: z.boolean(),
  carryOverCap: amount(1000).nullable(),
  carryOverExpiryMonths: z.number().int().min(1).max(12).nullable(),
  waitingDays: z.number().int().min(0).max(366),
  employmentTypes: employmentTypes.nullable(),
  locationIds: locationIds.nullable(),
};

export const CreateLeavePolicyBody = z.strictObject({
  ...fields,
  accrual: fields.accrual.default('monthly'),
  prorate: fields.prorate.default(true),
  carryOverCap: fields.carryOverCap.default('0'),
  carryOverExpiryMonths: fields.carryOverExpiryMonths.default(null),
  waitingDays: fields.waitingDays.default(0),
  employmentTypes: fields.employmentTypes.default(null),
  locationIds: fields.locationIds.default(null),
});
export type CreateLeavePolicyInput = z.output<typeof CreateLeavePolicyBody>;

export const ChangeLeavePolicyBody = z
  .strictObject({
    version: VersionField,
    name: fields.name.optional(),
    yearlyEntitlement: fields.yearlyEntitlement.optional(),
    accrual: fields.accrual.optional(),
    prorate: fields.prorate.optional(),
    carryOverCap: fields.carryOverCap.optional(),
    carryOverExpiryMonths: fields.carryOverExpiryMonths.optional(),
    waitingDays: fields.waitingDays.optional(),
    employmentTypes: fields.employmentTypes.optional(),
    locationIds: fields.locationIds.optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Send at least one field to change.',
  });
export type ChangeLeavePolicyInput = z.output<typeof ChangeLeavePolicyBody>;

export const ListLeavePoliciesQuery = z.strictObject({
  ...paginationQuery,
  leaveTypeId: z.uuid().optional().meta({ description: 'Only the policies of this leave type.' }),
});
export type ListLeavePoliciesQuery = z.output<typeof ListLeavePoliciesQuery>;

export const EmployeeParams = z.strictObject({ employeeId: z.uuid() });

/** Which policy applies to an employee, per leave type (types no policy covers are absent). */
export const EmployeeLeavePolicies = z.object({
  items: z.array(
    z.object({
      leaveTypeId: z.uuid(),
      policy: LeavePolicy.pick({
        id: true,
        name: true,
        yearlyEntitlement: true,
        accrual: true,
        prorate: true,
        carryOverCap: true,
        carryOverExpiryMonths: true,
        waitingDays: true,
      }),
    }),
  ),
});
export type EmployeeLeavePolicies = z.infer<typeof EmployeeLeavePolicies>;
