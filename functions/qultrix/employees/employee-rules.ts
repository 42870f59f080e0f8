import { type FieldError, ValidationError } from '@halooid/shared/errors';
import type { EmployeeFields } from './schemas';

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

/** The field names whose values differ (deep, as JSON), in field order: an update event's `changes`. */
export function changedFields(before: EmployeeFields, after: EmployeeFields): (keyof EmployeeFields)[] {
  return (Object.keys(after) as (keyof EmployeeFields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
