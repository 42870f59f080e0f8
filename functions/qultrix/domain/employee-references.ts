import type { Tx } from '@halooid/shared/db/transaction';
import { AppError, BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { EmployeeFields } from './employee';
import {
  employeeOfUser,
  employeeWithWorkEmail,
  isTenantMember,
  lockManagerTree,
  managerChain,
  type OrganizationField,
  organizationRowExists,
} from './employee-reference-queries';

const ORGANIZATION_REFERENCES: readonly [OrganizationField, string, string][] = [
  ['departmentId', 'department', 'department_not_found'],
  ['positionId', 'position', 'position_not_found'],
  ['locationId', 'location', 'location_not_found'],
];

/**
 * The checks an employee write needs from other rows: the unique work email
 * and user link (a 409 naming the employee that has them, so a client can
 * go there), the user being a member of the tenant, the department, position
 * and location existing in the tenant (a 422 naming the field, as for the
 * manager), the manager existing and not closing a reports-to cycle. `employeeId` is null on create. Only the
 * fields that change are checked, so an untouched value is never re-judged.
 */
export async function assertReferences(
  tx: Tx,
  tenantId: string,
  employeeId: string | null,
  fields: Partial<Pick<EmployeeFields, 'workEmail' | 'userId' | 'managerId' | OrganizationField>>,
): Promise<void> {
  for (const [field, label, code] of ORGANIZATION_REFERENCES) {
    const id = fields[field];
    if (id && !(await organizationRowExists(tx, tenantId, field, id)))
      throw new BusinessRuleError(code, `The ${label} does not exist in this tenant.`, [
        { field: `body.${field}`, code, message: `No such ${label}.` },
      ]);
  }
  if (fields.workEmail) {
    const holder = await employeeWithWorkEmail(tx, tenantId, fields.workEmail, employeeId);
    if (holder)
      throw new AppError(409, 'work_email_taken', `Employee ${holder} already has this work email.`, {
        errors: [
          { field: 'body.workEmail', code: 'work_email_taken', message: `Used by employee ${holder}.` },
        ],
      });
  }
  if (fields.userId) {
    if (!(await isTenantMember(tx, tenantId, fields.userId)))
      throw new BusinessRuleError('user_not_member', 'The user is not a member of this tenant.', [
        { field: 'body.userId', code: 'user_not_member', message: 'Link a member of this tenant.' },
      ]);
    const holder = await employeeOfUser(tx, tenantId, fields.userId, employeeId);
    if (holder)
      throw new ConflictError(`Employee ${holder} is already linked to this user.`, 'user_already_linked');
  }
  if (fields.managerId) {
    // Held to the end of the transaction: see lockManagerTree.
    if (employeeId) await lockManagerTree(tx, tenantId);
    const chain = await managerChain(tx, tenantId, fields.managerId, employeeId);
    if (!chain.exists)
      throw new BusinessRuleError('manager_not_found', 'The manager is not an employee of this tenant.', [
        { field: 'body.managerId', code: 'manager_not_found', message: 'No such employee.' },
      ]);
    if (chain.cycle)
      throw new BusinessRuleError(
        'manager_cycle',
        'This manager reports, directly or indirectly, to the employee: the reports-to line would be a cycle.',
        [{ field: 'body.managerId', code: 'manager_cycle', message: 'Would make a reports-to cycle.' }],
      );
  }
}
