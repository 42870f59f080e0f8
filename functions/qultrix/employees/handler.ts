import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { createEmployee } from '../domain/create-employee';
import { changeEmployee } from './change-employee';
import { changeNumbering } from './change-numbering';
import { getEmployee } from './get-employee';
import { getNumbering } from './get-numbering';
import { getOwnEmployee } from './get-own-employee';
import { listEmployees } from './list-employees';
import { employeesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(employeesService, {
  listEmployees: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listEmployees(query, deps)),
  }),
  createEmployee: async ({ body, inTenant }) => {
    const employee = await inTenant((deps) => createEmployee(body, deps));
    return {
      body: employee,
      headers: { Location: `/v1/qultrix/employees/${employee.id}`, ...etag(employee.version) },
    };
  },
  getOwnEmployee: async ({ inTenant }) => {
    const employee = await inTenant((deps) => getOwnEmployee(deps));
    return { body: employee, headers: etag(employee.version) };
  },
  getEmployee: async ({ params, inTenant }) => {
    const employee = await inTenant((deps) => getEmployee(params.employeeId, deps));
    return { body: employee, headers: etag(employee.version) };
  },
  updateEmployee: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const employee = await inTenant((deps) => changeEmployee(params.employeeId, version, changes, deps));
    return { body: employee, headers: etag(employee.version) };
  },
  getEmployeeNumbering: async ({ inTenant }) => ({ body: await inTenant((deps) => getNumbering(deps)) }),
  changeEmployeeNumbering: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => changeNumbering(body, deps)),
  }),
});
