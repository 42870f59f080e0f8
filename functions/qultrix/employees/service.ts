import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { EmployeeDetail } from '../domain/employee';
import {
  ChangeEmployeeBody,
  ChangeNumberingBody,
  CreateEmployeeBody,
  Employee,
  EmployeeNumbering,
  EmployeeParams,
  ListEmployeesQuery,
} from '../domain/employee-schemas';

/**
 * Employee records: the people of a tenant, their contact details and their
 * employment. Rows are scoped (domain/employee-scope.ts): `read` sees the
 * caller's own record and their reports, `write` lets them change their own
 * contact details, and `admin` (HR) sees and changes every record and field.
 * There is no DELETE: an HR record is terminated (status, date, reason),
 * never removed.
 */
export const employeesService = defineService({
  product: 'qultrix',
  capability: 'employees',
  description: 'Employee records: identity, contact details and employment.',
  // dataKeys: a single-employee read opens today's sealed compensation (domain/compensation.ts).
  resources: { database: true, dataKeys: true, tables: ['idempotency'] },
  emits: [{ type: 'employee.created' }, { type: 'employee.updated' }, { type: 'employee.terminated' }],
  permissions: [
    {
      name: 'qultrix:employee:read',
      description: 'See your own employee record and those of the people who report to you.',
    },
    {
      name: 'qultrix:employee:write',
      description: 'Change the contact details and emergency contacts of your own employee record.',
    },
    {
      name: 'qultrix:employee:admin',
      description: 'See, create, change and terminate every employee record (HR).',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listEmployees',
      method: 'GET',
      path: '/v1/qultrix/employees',
      permission: 'qultrix:employee:read',
      summary: 'List employees',
      description:
        'The employees you may see (your own record and your direct and indirect reports; everyone with `qultrix:employee:admin`). Newest first unless `sort` says otherwise, a page at a time (`cursor` from the previous page); filter by status, type, manager, department, position or location, search with `q`.',
      query: ListEmployeesQuery,
      response: pageOf(Employee),
    }),
    defineRoute({
      operationId: 'createEmployee',
      method: 'POST',
      path: '/v1/qultrix/employees',
      permission: 'qultrix:employee:admin',
      summary: 'Create an employee',
      description:
        'Allocates the next employee number (EMP-0001, …). A work email or user another employee has is a 409 naming that employee; a manager outside the tenant is a 422.',
      body: CreateEmployeeBody,
      status: 201,
      response: Employee,
    }),
    defineRoute({
      operationId: 'getOwnEmployee',
      method: 'GET',
      path: '/v1/qultrix/employees/me',
      permission: 'qultrix:employee:read',
      summary: 'Get your own employee record',
      description:
        'The record linked to your user; 404 `not_an_employee` when there is none (always, for an API key).',
      response: Employee,
    }),
    defineRoute({
      operationId: 'getEmployee',
      method: 'GET',
      path: '/v1/qultrix/employees/{employeeId}',
      permission: 'qultrix:employee:read',
      summary: 'Get an employee',
      description:
        "An employee outside your scope (not you, not reporting to you, without `qultrix:employee:admin`), another tenant's, or none, is a 404. With `qultrix:compensation:read` the record carries today's `compensation` (the read is audited); without, the field is absent.",
      params: EmployeeParams,
      response: EmployeeDetail,
    }),
    defineRoute({
      operationId: 'updateEmployee',
      method: 'PATCH',
      path: '/v1/qultrix/employees/{employeeId}',
      permission: 'qultrix:employee:write',
      summary: 'Change or terminate an employee',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. Without `qultrix:employee:admin` you change only your own record and only preferredName, personalEmail, phones, address and emergencyContacts: another record you can see is a 403 `not_own_record`, another field a 403 `self_service_only` naming it. Terminate with status `terminated`, `terminationDate` and `terminationReason` together; that suspends the linked user’s membership of the tenant (their requests are refused within seconds), or is a 409 `last_owner` if they are its last Owner. A manager who reports to this employee is a 422 `manager_cycle`.',
      params: EmployeeParams,
      body: ChangeEmployeeBody,
      headers: IF_MATCH_HEADER,
      response: Employee,
    }),
    defineRoute({
      operationId: 'getEmployeeNumbering',
      method: 'GET',
      path: '/v1/qultrix/employee-numbering',
      permission: 'qultrix:employee:read',
      summary: 'Get the employee-number format',
      description: 'The prefix and zero-padding of employee numbers (default `EMP-` and 4: `EMP-0007`).',
      response: EmployeeNumbering,
    }),
    defineRoute({
      operationId: 'changeEmployeeNumbering',
      method: 'PUT',
      path: '/v1/qultrix/employee-numbering',
      permission: 'qultrix:employee:admin',
      summary: 'Set the employee-number format',
      description:
        'Applies to numbers issued from now on; existing employees keep theirs and the sequence continues, so no number is issued twice.',
      body: ChangeNumberingBody,
      response: EmployeeNumbering,
    }),
  ],
});
