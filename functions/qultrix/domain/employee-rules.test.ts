import { describe, expect, it } from 'vitest';
import { changedFields, employeeRuleErrors } from './employee-rules';
import type { EmployeeFields } from './employee-schemas';

const active: EmployeeFields = {
  legalName: { given: 'Ada', family: 'Lovelace' },
  preferredName: null,
  workEmail: 'ada@acme.example',
  personalEmail: null,
  phones: [],
  birthDate: null,
  address: null,
  emergencyContacts: [],
  status: 'active',
  type: 'full_time',
  hireDate: '2026-03-01',
  probationEndDate: null,
  terminationDate: null,
  terminationReason: null,
  departmentId: null,
  positionId: null,
  locationId: null,
  managerId: null,
  fte: '1',
  workDays: [1, 2, 3, 4, 5],
  hoursPerDay: '8',
  userId: null,
};

const codes = (fields: EmployeeFields) =>
  employeeRuleErrors(fields).map((error) => `${error.field}:${error.code}`);

describe('employee rules', () => {
  it('accepts a consistent active record', () => {
    expect(codes(active)).toEqual([]);
  });

  it('refuses a probation that ends before the hire date, and accepts one ending on it', () => {
    expect(codes({ ...active, probationEndDate: '2026-02-28' })).toEqual([
      'body.probationEndDate:before_hire_date',
    ]);
    expect(codes({ ...active, probationEndDate: '2026-03-01' })).toEqual([]);
  });

  it('needs both a termination date and a reason when terminated', () => {
    expect(codes({ ...active, status: 'terminated' })).toEqual([
      'body.terminationDate:termination_incomplete',
      'body.terminationReason:termination_incomplete',
    ]);
    expect(codes({ ...active, status: 'terminated', terminationDate: '2026-06-30' })).toEqual([
      'body.terminationReason:termination_incomplete',
    ]);
    expect(
      codes({
        ...active,
        status: 'terminated',
        terminationDate: '2026-06-30',
        terminationReason: 'Resigned',
      }),
    ).toEqual([]);
  });

  it('refuses termination fields on someone not terminated, and a termination before the hire date', () => {
    expect(codes({ ...active, terminationDate: '2026-06-30', terminationReason: 'Resigned' })).toEqual([
      'body.terminationDate:not_terminated',
      'body.terminationReason:not_terminated',
    ]);
    expect(
      codes({
        ...active,
        status: 'terminated',
        terminationDate: '2026-02-01',
        terminationReason: 'Resigned',
      }),
    ).toEqual(['body.terminationDate:before_hire_date']);
  });

  it('names exactly the fields that changed, nested values compared by content', () => {
    const after = { ...active, phones: [{ type: 'mobile' as const, number: '+49 30 1234' }], fte: '0.5' };

    expect(changedFields(active, after)).toEqual(['phones', 'fte']);
    expect(changedFields(active, { ...active, legalName: { given: 'Ada', family: 'Lovelace' } })).toEqual([]);
    // jsonb returns keys in its own order: the same address is no change.
    const stored = { ...active, address: { city: 'Berlin', line1: 'Main St 1', country: 'DE' } };
    const sent = { ...active, address: { line1: 'Main St 1', city: 'Berlin', country: 'DE' } };
    expect(changedFields(stored, sent)).toEqual([]);
    expect(changedFields(stored, { ...sent, address: { ...sent.address, city: 'Bonn' } })).toEqual([
      'address',
    ]);
  });
});
