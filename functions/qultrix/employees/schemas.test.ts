import { describe, expect, it } from 'vitest';
import {
  ChangeEmployeeBody,
  ChangeNumberingBody,
  CreateEmployeeBody,
  Fte,
  HoursPerDay,
  ListEmployeesQuery,
} from '../domain/employee-schemas';

const minimal = { legalName: { given: 'Ada', family: 'Lovelace' }, hireDate: '2026-03-01' };

describe('employee schemas', () => {
  it('takes FTE as an exact decimal between 0 (exclusive) and 1', () => {
    for (const ok of ['1', '1.0', '1.000', '0.5', '0.125', '0.001'])
      expect(Fte.safeParse(ok).success).toBe(true);
    for (const bad of ['0', '0.000', '1.5', '1.001', '2', '-0.5', '.5', '0.1234', '1e-1', 'abc', ''])
      expect(Fte.safeParse(bad).success, bad).toBe(false);
  });

  it('fills defaults on create and refuses unknown fields', () => {
    expect(CreateEmployeeBody.parse(minimal)).toMatchObject({
      status: 'onboarding',
      type: 'full_time',
      fte: '1',
      workDays: [1, 2, 3, 4, 5],
      hoursPerDay: '8',
      phones: [],
      emergencyContacts: [],
    });
    expect(CreateEmployeeBody.safeParse({ ...minimal, tenantId: 'x' }).success).toBe(false);
    expect(CreateEmployeeBody.safeParse({ ...minimal, employeeNumber: 'EMP-1' }).success).toBe(false);
  });

  it('takes work days as unique ISO weekdays, stored ascending, and hours per day as a decimal up to 24', () => {
    expect(CreateEmployeeBody.parse({ ...minimal, workDays: [5, 1, 3] }).workDays).toEqual([1, 3, 5]);
    for (const bad of [[], [0], [8], [1, 1], [1.5], Array.from({ length: 8 }, (_, i) => (i % 7) + 1)])
      expect(CreateEmployeeBody.safeParse({ ...minimal, workDays: bad }).success, String(bad)).toBe(false);
    for (const ok of ['8', '7.5', '0.25', '24', '24.00'])
      expect(HoursPerDay.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0', '0.00', '24.01', '25', '-1', '8.125', '1e1', '', 'eight'])
      expect(HoursPerDay.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses impossible dates, more than five emergency contacts and a bad country', () => {
    expect(CreateEmployeeBody.safeParse({ ...minimal, hireDate: '2026-02-30' }).success).toBe(false);
    expect(CreateEmployeeBody.safeParse({ ...minimal, birthDate: '1 May 1990' }).success).toBe(false);
    const contact = { name: 'Bob', phone: '+1 555 0100' };
    expect(
      CreateEmployeeBody.safeParse({ ...minimal, emergencyContacts: Array(5).fill(contact) }).success,
    ).toBe(true);
    expect(
      CreateEmployeeBody.safeParse({ ...minimal, emergencyContacts: Array(6).fill(contact) }).success,
    ).toBe(false);
    const address = { line1: '1 Main St', city: 'Berlin', country: 'de' };
    expect(CreateEmployeeBody.safeParse({ ...minimal, address }).success).toBe(false);
  });

  it('lets a PATCH clear optional fields with null but not the required ones, and needs a field to change', () => {
    expect(ChangeEmployeeBody.parse({ departmentId: null, version: 2 })).toEqual({
      departmentId: null,
      version: 2,
    });
    expect(ChangeEmployeeBody.safeParse({ hireDate: null }).success).toBe(false);
    expect(ChangeEmployeeBody.safeParse({ version: 2 }).success).toBe(false);
    expect(ChangeEmployeeBody.safeParse({}).success).toBe(false);
    expect(ChangeEmployeeBody.safeParse({ legalName: null }).success).toBe(false);
  });

  it('bounds the list query', () => {
    expect(ListEmployeesQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(ListEmployeesQuery.safeParse({ status: 'fired' }).success).toBe(false);
    expect(ListEmployeesQuery.parse({})).toMatchObject({ limit: 20 });
  });

  it('takes a number prefix that ends in a non-digit (or none), so numbers of two formats never collide', () => {
    for (const prefix of ['EMP-', 'E', 'HR/', 'A1-', ''])
      expect(ChangeNumberingBody.safeParse({ prefix, digits: 4 }).success, prefix).toBe(true);
    for (const prefix of ['EMP1', '1', 'EMP 1-', 'x'.repeat(11), 'EMP-\u202E'])
      expect(ChangeNumberingBody.safeParse({ prefix, digits: 4 }).success, prefix).toBe(false);
    expect(ChangeNumberingBody.safeParse({ prefix: 'EMP-', digits: 0 }).success).toBe(false);
    expect(ChangeNumberingBody.safeParse({ prefix: 'EMP-', digits: 10 }).success).toBe(false);
  });
});
