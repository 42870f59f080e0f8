import * as z from 'zod';
import { Compensation } from './compensation-schema';

// An employee as the API returns it and events carry it: zod only, so the event catalog
// loads it without the request schemas (employees/schemas.ts) or the kernel.

export const EmployeeStatus = z.enum(['onboarding', 'active', 'on_leave', 'terminated']);
export const EmploymentType = z.enum(['full_time', 'part_time', 'contractor', 'intern']);
export const PhoneType = z.enum(['mobile', 'work', 'home']);

const phone = { type: PhoneType, number: z.string() };
const address = {
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().meta({ description: 'ISO 3166-1 alpha-2.' }),
};
const emergencyContact = {
  name: z.string(),
  relationship: z.string().optional(),
  phone: z.string(),
  email: z.string().optional(),
};

/** Identity and job: what events carry (no personal data, see events.ts). */
const identity = {
  id: z.uuid(),
  employeeNumber: z.string().meta({ description: 'Per-tenant, such as EMP-0007; never reused.' }),
  legalName: z.object({ given: z.string(), family: z.string() }),
  preferredName: z.string().nullable(),
  workEmail: z.string().nullable(),
  status: EmployeeStatus,
  type: EmploymentType,
  hireDate: z.iso.date(),
  departmentId: z.uuid().nullable(),
  positionId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable().meta({ description: 'The employee this one reports to.' }),
  userId: z.uuid().nullable().meta({ description: 'The platform user this employee signs in as, if any.' }),
};

export const EmployeeSnapshot = z.object(identity);

export const Employee = z.object({
  ...identity,
  personalEmail: z.string().nullable(),
  phones: z.array(z.object(phone)),
  birthDate: z.iso.date().nullable(),
  address: z.object(address).nullable(),
  emergencyContacts: z.array(z.object(emergencyContact)),
  probationEndDate: z.iso.date().nullable(),
  terminationDate: z.iso.date().nullable(),
  terminationReason: z.string().nullable(),
  fte: z.string().meta({ description: 'Full-time equivalent, an exact decimal such as "1" or "0.5".' }),
  workDays: z
    .array(z.number().int())
    .meta({ description: 'ISO weekdays worked, ascending (1 = Monday … 7 = Sunday).' }),
  hoursPerDay: z
    .string()
    .meta({ description: 'Hours per working day, an exact decimal such as "8" or "7.5".' }),
  // Joined for display, so a directory needs no second request per row; the ids above are the reference.
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  position: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  location: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Employee = z.infer<typeof Employee>;

/**
 * One employee as `GET /employees/{id}` returns it: with the compensation in
 * effect today for holders of `qultrix:compensation:read` (the read is
 * audited), without the field for everyone else (not a 403).
 */
export const EmployeeDetail = Employee.extend({
  compensation: Compensation.optional().meta({
    description: 'Only with `qultrix:compensation:read`, and only when a compensation is in effect.',
  }),
});
export type EmployeeDetail = z.infer<typeof EmployeeDetail>;

/** The editable part of an employee: what the rules check and the repository writes. */
export type EmployeeFields = Omit<
  Employee,
  | 'id'
  | 'employeeNumber'
  | 'createdBy'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'department'
  | 'position'
  | 'location'
>;

/** The event form of an employee: identity and job only. */
export function snapshotOf(employee: Employee): z.infer<typeof EmployeeSnapshot> {
  return EmployeeSnapshot.parse(employee);
}

/** How a tenant's employee numbers are written: prefix + the sequence zero-padded to `digits`. */
export const EmployeeNumbering = z.object({
  prefix: z.string(),
  digits: z.number().int(),
  nextNumber: z.number().int().meta({ description: 'The sequence the next employee gets; read-only.' }),
});
export type EmployeeNumbering = z.infer<typeof EmployeeNumbering>;
