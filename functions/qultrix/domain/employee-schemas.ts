import { calendarDate as calendarDay } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { EmployeeStatus, EmploymentType, PhoneType } from './employee';

export { Employee, type EmployeeFields, EmployeeNumbering } from './employee';

/**
 * The employee as the API shows it, and what requests may send. Every request
 * string has a maximum length (the Spectral rules in .spectral.yaml fail the
 * build otherwise); names go through displayText, which refuses direction
 * controls and invisible characters. Cross-field rules (dates, termination)
 * live in employee-rules.ts, because a PATCH must check them on the merged
 * record, not on the body alone.
 */

const name = (max: number) => displayText().min(1).max(max);
const email = z.string().trim().max(254).pipe(z.email());
/** A calendar date (YYYY-MM-DD, a real day, years 1900–9998). */
const calendarDate = calendarDay();
/** FTE as an exact decimal string between 0 (exclusive) and 1, at most three decimals. */
export const Fte = z
  .string()
  .max(5)
  .regex(/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/, 'An FTE between 0 and 1, such as "0.5".')
  .refine((value) => Number(value) > 0, 'An FTE above 0.')
  .meta({ description: 'Full-time equivalent as an exact decimal string, such as "1" or "0.5".' });

/** ISO weekdays worked (1 = Monday … 7 = Sunday): each at most once, stored ascending. */
export const WorkDays = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'Each weekday at most once.')
  .transform((days) => [...days].sort((a, b) => a - b))
  .meta({ description: 'ISO weekdays worked (1 = Monday … 7 = Sunday), such as [1,2,3,4,5].' });

/** Hours per working day as an exact decimal string above 0 and at most 24, at most two decimals. */
export const HoursPerDay = z
  .string()
  .max(5)
  .regex(/^\d{1,2}(\.\d{1,2})?$/, 'Hours as a decimal such as "8" or "7.5".')
  .refine((value) => Number(value) > 0 && Number(value) <= 24, 'Hours above 0 and at most 24.')
  .meta({ description: 'Hours per working day as an exact decimal string, such as "8" or "7.5".' });

export const LegalName = z.strictObject({ given: name(100), family: name(100) });

export const Phone = z.strictObject({
  type: PhoneType,
  number: z
    .string()
    .trim()
    .min(3)
    .max(30)
    .regex(/^\+?[0-9 ()./-]+$/, 'Digits, spaces and + ( ) . / - only.'),
});

export const Address = z.strictObject({
  line1: name(200),
  line2: name(200).optional(),
  city: name(100),
  region: name(100).optional(),
  postalCode: z.string().trim().min(1).max(20).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code, such as "DE".')
    .max(2),
});

export const EmergencyContact = z.strictObject({
  name: name(200),
  relationship: name(100).optional(),
  phone: Phone.shape.number,
  email: email.optional(),
});

const employeeFields = {
  legalName: LegalName,
  preferredName: name(100).nullable(),
  workEmail: email.nullable(),
  personalEmail: email.nullable(),
  phones: z.array(Phone).max(5),
  birthDate: calendarDate.nullable(),
  address: Address.nullable(),
  emergencyContacts: z.array(EmergencyContact).max(5),
  status: EmployeeStatus,
  type: EmploymentType,
  hireDate: calendarDate,
  probationEndDate: calendarDate.nullable(),
  terminationDate: calendarDate.nullable(),
  terminationReason: name(500).nullable(),
  departmentId: z.uuid().nullable(),
  positionId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable(),
  fte: Fte,
  workDays: WorkDays,
  hoursPerDay: HoursPerDay,
  userId: z.uuid().nullable(),
};

export const EmployeeParams = z.strictObject({ employeeId: z.uuid() });

export const CreateEmployeeBody = z.strictObject({
  legalName: LegalName,
  preferredName: employeeFields.preferredName.optional(),
  workEmail: employeeFields.workEmail.optional(),
  personalEmail: employeeFields.personalEmail.optional(),
  phones: employeeFields.phones.default([]),
  birthDate: employeeFields.birthDate.optional(),
  address: employeeFields.address.optional(),
  emergencyContacts: employeeFields.emergencyContacts.default([]),
  status: EmployeeStatus.default('onboarding'),
  type: EmploymentType.default('full_time'),
  hireDate: calendarDate,
  probationEndDate: employeeFields.probationEndDate.optional(),
  terminationDate: employeeFields.terminationDate.optional(),
  terminationReason: employeeFields.terminationReason.optional(),
  departmentId: employeeFields.departmentId.optional(),
  positionId: employeeFields.positionId.optional(),
  locationId: employeeFields.locationId.optional(),
  managerId: employeeFields.managerId.optional(),
  fte: Fte.default('1'),
  workDays: WorkDays.default([1, 2, 3, 4, 5]),
  hoursPerDay: HoursPerDay.default('8'),
  userId: employeeFields.userId.optional(),
});
export type CreateEmployeeInput = z.output<typeof CreateEmployeeBody>;

/** PATCH: any field, at least one; null clears an optional one. */
export const ChangeEmployeeBody = z
  .strictObject({
    version: VersionField,
    legalName: employeeFields.legalName.optional(),
    preferredName: employeeFields.preferredName.optional(),
    workEmail: employeeFields.workEmail.optional(),
    personalEmail: employeeFields.personalEmail.optional(),
    phones: employeeFields.phones.optional(),
    birthDate: employeeFields.birthDate.optional(),
    address: employeeFields.address.optional(),
    emergencyContacts: employeeFields.emergencyContacts.optional(),
    status: employeeFields.status.optional(),
    type: employeeFields.type.optional(),
    hireDate: employeeFields.hireDate.optional(),
    probationEndDate: employeeFields.probationEndDate.optional(),
    terminationDate: employeeFields.terminationDate.optional(),
    terminationReason: employeeFields.terminationReason.optional(),
    departmentId: employeeFields.departmentId.optional(),
    positionId: employeeFields.positionId.optional(),
    locationId: employeeFields.locationId.optional(),
    managerId: employeeFields.managerId.optional(),
    fte: employeeFields.fte.optional(),
    workDays: employeeFields.workDays.optional(),
    hoursPerDay: employeeFields.hoursPerDay.optional(),
    userId: employeeFields.userId.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Send at least one field to change.',
  });
export type ChangeEmployeeInput = z.output<typeof ChangeEmployeeBody>;

const SORT_FIELDS = ['name', 'employeeNumber', 'hireDate', 'createdAt'] as const;

export const ListEmployeesQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Employees whose names, number or work email contain this.' }),
  status: EmployeeStatus.optional(),
  type: EmploymentType.optional(),
  managerId: z.uuid().optional().meta({ description: 'Direct reports of this employee.' }),
  departmentId: z.uuid().optional().meta({ description: 'Employees of this department.' }),
  positionId: z.uuid().optional().meta({ description: 'Employees in this position.' }),
  locationId: z.uuid().optional().meta({ description: 'Employees at this location.' }),
  sort: z
    .string()
    .max(200)
    .optional()
    .meta({
      description: `Comma-separated, \`-\` for descending: ${SORT_FIELDS.join(', ')}. Default -createdAt.`,
    }),
});
export type ListEmployeesQuery = z.output<typeof ListEmployeesQuery>;

/**
 * The numbering format. The prefix ends in a non-digit (or is empty), so the
 * trailing digits of a number are its sequence alone and a format change can
 * never produce a number an earlier format already issued.
 */
export const ChangeNumberingBody = z.strictObject({
  prefix: z
    .string()
    .max(10)
    .regex(
      /^([A-Za-z0-9._/-]{0,9}[A-Za-z._/-])?$/,
      'Letters, digits and . _ / - ending in a non-digit, such as "EMP-".',
    ),
  digits: z.number().int().min(1).max(9),
});
export type ChangeNumberingInput = z.output<typeof ChangeNumberingBody>;
