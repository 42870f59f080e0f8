import type { Employee } from './types';

/** An employee as the API returns it, for component and unit tests; override what a test is about. */
export function makeEmployee(id: string, overrides: Partial<Employee> = {}): Employee {
  return {
    id,
    employeeNumber: `EMP-000${id}`,
    legalName: { given: 'Ada', family: `Lovelace${id}` },
    preferredName: null,
    workEmail: `ada${id}@acme.example`,
    personalEmail: null,
    phones: [
      { type: 'mobile', number: '+49 170 000' },
      { type: 'home', number: '+49 30 111' },
    ],
    birthDate: null,
    address: { line1: 'Main street 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    emergencyContacts: [
      { name: 'Grace', relationship: 'Sister', phone: '+49 3' },
      { name: 'Second', phone: '+49 2' },
    ],
    status: 'active',
    type: 'full_time',
    hireDate: '2024-02-01',
    probationEndDate: null,
    terminationDate: null,
    terminationReason: null,
    departmentId: 'd1',
    positionId: null,
    locationId: null,
    department: { id: 'd1', name: 'Engineering' },
    position: null,
    location: null,
    managerId: null,
    userId: null,
    fte: '1',
    workDays: [1, 2, 3, 4, 5],
    hoursPerDay: '8',
    createdBy: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
