import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  AddCompensationBody,
  AddIdentifiersBody,
  Compensation,
  CompensationHistory,
  EmployeeParams,
  Identifiers,
  IdentifiersHistory,
} from './schemas';

/**
 * Sensitive employee data: compensation and identifiers (national id, bank
 * account) as effective-dated history, sealed at rest with the data keys
 * (`dataKeys`: CDK grants the function the key secret). Reading needs
 * `qultrix:compensation:read` and every read is audited; elsewhere (the
 * employee record) a caller without it gets the record without these fields.
 */
export const compensationService = defineService({
  product: 'qultrix',
  capability: 'compensation',
  description: 'Compensation and identifiers of employees: effective-dated, sealed at rest, reads audited.',
  resources: { database: true, dataKeys: true },
  permissions: [
    {
      name: 'qultrix:compensation:read',
      description: 'See salaries, national ids and bank accounts (every read is audited).',
    },
    {
      name: 'qultrix:compensation:write',
      description: 'Record salaries, national ids and bank accounts.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listCompensation',
      method: 'GET',
      path: '/v1/qultrix/employees/{employeeId}/compensation',
      permission: 'qultrix:compensation:read',
      summary: "List an employee's compensation history",
      description:
        'Newest effective date first; `current` marks the row in effect today. The read is recorded in the audit log.',
      params: EmployeeParams,
      response: CompensationHistory,
    }),
    defineRoute({
      operationId: 'addCompensation',
      method: 'POST',
      path: '/v1/qultrix/employees/{employeeId}/compensation',
      permission: 'qultrix:compensation:write',
      summary: 'Record a compensation change',
      description:
        'A new effective-dated row (past, today or future); history is never edited, a correction is a newer row for the same day.',
      params: EmployeeParams,
      body: AddCompensationBody,
      status: 201,
      response: Compensation,
    }),
    defineRoute({
      operationId: 'listIdentifiers',
      method: 'GET',
      path: '/v1/qultrix/employees/{employeeId}/identifiers',
      permission: 'qultrix:compensation:read',
      summary: "List an employee's identifiers history",
      description:
        'National id and bank account rows, newest effective date first, `current` marked. The read is recorded in the audit log.',
      params: EmployeeParams,
      response: IdentifiersHistory,
    }),
    defineRoute({
      operationId: 'addIdentifiers',
      method: 'POST',
      path: '/v1/qultrix/employees/{employeeId}/identifiers',
      permission: 'qultrix:compensation:write',
      summary: 'Record identifiers',
      description:
        'A new effective-dated row holding the national id and bank account from that day (a field left out is none).',
      params: EmployeeParams,
      body: AddIdentifiersBody,
      status: 201,
      response: Identifiers,
    }),
  ],
});
