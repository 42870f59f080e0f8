import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { Address } from '../domain/employee-schemas';

/**
 * Departments, positions and locations as the API shows them and what requests
 * may send. Every request string has a maximum; names go through displayText.
 * A PATCH sends `version` (or If-Match) and at least one field; null clears an
 * optional field.
 */

const name = (max: number) => displayText().min(1).max(max);
const atLeastOneField = {
  message: 'Send at least one field to change.',
};
const someField = (body: Record<string, unknown>) => Object.keys(body).some((key) => key !== 'version');
const versioned = {
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

// Departments -----------------------------------------------------------------

export const DepartmentParams = z.strictObject({ departmentId: z.uuid() });

const departmentCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits and . _ - only, such as "ENG".');

export const CreateDepartmentBody = z.strictObject({
  name: name(100),
  code: departmentCode.nullable().optional(),
  parentId: z.uuid().nullable().optional().meta({ description: 'The department this one belongs to.' }),
  headId: z.uuid().nullable().optional().meta({ description: "The employee who heads it (the tenant's)." }),
});
export type CreateDepartmentInput = z.output<typeof CreateDepartmentBody>;

export const ChangeDepartmentBody = z
  .strictObject({
    version: VersionField,
    name: name(100).optional(),
    code: departmentCode.nullable().optional(),
    parentId: z.uuid().nullable().optional(),
    headId: z.uuid().nullable().optional(),
  })
  .refine(someField, atLeastOneField);
export type ChangeDepartmentInput = z.output<typeof ChangeDepartmentBody>;

export const Department = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.uuid().nullable(),
  headId: z.uuid().nullable(),
  path: z.array(z.string()).meta({ description: 'Names from the top-level department down to this one.' }),
  employeeCount: z
    .number()
    .int()
    .meta({ description: 'Employees directly in this department: active, onboarding or on leave.' }),
  ...versioned,
});
export type Department = z.infer<typeof Department>;
export const DepartmentList = z.object({ items: z.array(Department) });

// Positions -------------------------------------------------------------------

export const PositionParams = z.strictObject({ positionId: z.uuid() });

export const CreatePositionBody = z.strictObject({
  title: name(100),
  departmentId: z.uuid().nullable().optional(),
});
export type CreatePositionInput = z.output<typeof CreatePositionBody>;

export const ChangePositionBody = z
  .strictObject({
    version: VersionField,
    title: name(100).optional(),
    departmentId: z.uuid().nullable().optional(),
  })
  .refine(someField, atLeastOneField);
export type ChangePositionInput = z.output<typeof ChangePositionBody>;

export const Position = z.object({
  id: z.uuid(),
  title: z.string(),
  departmentId: z.uuid().nullable(),
  ...versioned,
});
export type Position = z.infer<typeof Position>;
export const PositionList = z.object({ items: z.array(Position) });

// Locations -------------------------------------------------------------------

export const LocationParams = z.strictObject({ locationId: z.uuid() });

/** Is this an IANA zone name the runtime knows (Europe/Berlin)? Intl throws a RangeError otherwise. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'An IANA time zone, such as "Europe/Berlin".')
  .meta({ description: 'An IANA time zone name, such as "Europe/Berlin".' });

export const CreateLocationBody = z.strictObject({
  name: name(100),
  timeZone: TimeZone.default('UTC'),
  holidayCalendarId: z.uuid().nullable().optional(),
  address: Address.nullable().optional(),
});
export type CreateLocationInput = z.output<typeof CreateLocationBody>;

export const ChangeLocationBody = z
  .strictObject({
    version: VersionField,
    name: name(100).optional(),
    timeZone: TimeZone.optional(),
    holidayCalendarId: z.uuid().nullable().optional(),
    address: Address.nullable().optional(),
  })
  .refine(someField, atLeastOneField);
export type ChangeLocationInput = z.output<typeof ChangeLocationBody>;

export const Location = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  holidayCalendarId: z.uuid().nullable(),
  address: z
    .object({
      line1: z.string(),
      line2: z.string().optional(),
      city: z.string(),
      region: z.string().optional(),
      postalCode: z.string().optional(),
      country: z.string(),
    })
    .nullable(),
  ...versioned,
});
export type Location = z.infer<typeof Location>;
export const LocationList = z.object({ items: z.array(Location) });
