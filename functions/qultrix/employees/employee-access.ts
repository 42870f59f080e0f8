import type { Principal } from '@halooid/shared/auth/principal';
import { AppError } from '@halooid/shared/errors';
import type { Employee, EmployeeFields } from '../domain/employee-schemas';
import type { EmployeeScope } from '../domain/employee-scope';

/** What an employee may change on their own record without `qultrix:employee:admin`: how to reach them. */
export const SELF_SERVICE_FIELDS: ReadonlySet<keyof EmployeeFields> = new Set([
  'preferredName',
  'personalEmail',
  'phones',
  'address',
  'emergencyContacts',
] as const);

/**
 * Who may make this change, once the record is known to be visible (an
 * invisible one is already a 404). With the `all` scope (`:admin`) anything
 * goes. Otherwise only the caller's own record, and only its self-service
 * fields: a report's record is a 403 (seeing it does not mean editing it),
 * and so is a change to any other field, naming every such field. The
 * changed fields are judged, not the sent ones, so a form that posts the
 * whole record back with the manager unchanged is not refused.
 */
export function assertMayChange(
  scope: EmployeeScope,
  principal: Principal,
  current: Employee,
  changes: readonly (keyof EmployeeFields)[],
): void {
  if (scope.kind === 'all') return;
  const own = principal.principalType === 'user' && current.userId === principal.principalId;
  if (!own)
    throw new AppError(
      403,
      'not_own_record',
      "Only HR changes another employee's record; you may change your own.",
    );
  const refused = changes.filter((field) => !SELF_SERVICE_FIELDS.has(field));
  if (refused.length > 0)
    throw new AppError(
      403,
      'self_service_only',
      `On your own record you may change only ${[...SELF_SERVICE_FIELDS].join(', ')}; HR changes ${refused.join(', ')}.`,
      {
        errors: refused.map((field) => ({
          field: `body.${field}`,
          code: 'self_service_only',
          message: 'Only HR changes this field.',
        })),
      },
    );
}
