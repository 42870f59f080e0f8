import { type FieldError, ValidationError } from '@halooid/shared/errors';
import type { EmployeeFields } from './employee-schemas';

/**
 * The cross-field rules of an employee record, checked on the whole record a
 * write would leave behind (the body of a POST, or the stored record merged
 * with a PATCH), so a PATCH cannot sidestep them by sending half a change.
 * Pure: no I/O, unit-tested in employee-rules.test.ts. Calendar dates compare
 * as YYYY-MM-DD strings, which order like the dates they name.
 */
export function employeeRuleErrors(employee: EmployeeFields): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) =>
    errors.push({ field: `body.${field}`, code, message });

  if (employee.probationEndDate !== null && employee.probationEndDate < employee.hireDate)
    fail('probationEndDate', 'before_hire_date', 'The probation cannot end before the hire date.');
  if (employee.terminationDate !== null && employee.terminationDate < employee.hireDate)
    fail('terminationDate', 'before_hire_date', 'The termination date cannot be before the hire date.');
  if (employee.status === 'terminated') {
    if (employee.terminationDate === null)
      fail('terminationDate', 'termination_incomplete', 'A terminated employee needs a termination date.');
    if (employee.terminationReason === null)
      fail(
        'terminationReason',
        'termination_incomplete',
        'A terminated employee needs a termination reason.',
      );
  } else {
    if (employee.terminationDate !== null)
      fail('terminationDate', 'not_terminated', 'Only a terminated employee has a termination date.');
    if (employee.terminationReason !== null)
      fail('terminationReason', 'not_terminated', 'Only a terminated employee has a termination reason.');
  }
  return errors;
}

/** Throws a 400 naming every field that breaks a rule. */
export function assertEmployeeRules(employee: EmployeeFields): void {
  const errors = employeeRuleErrors(employee);
  if (errors.length > 0) throw new ValidationError('The employee record is not consistent.', errors);
}

/**
 * The field names whose values differ, in field order: an update event's
 * `changes`. Objects compare by content whatever their key order, because a
 * stored address comes back from jsonb with its keys reordered.
 */
export function changedFields(before: EmployeeFields, after: EmployeeFields): (keyof EmployeeFields)[] {
  return (Object.keys(after) as (keyof EmployeeFields)[]).filter(
    (key) => canonical(before[key]) !== canonical(after[key]),
  );
}

/** JSON with object keys sorted, so equal content gives equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
