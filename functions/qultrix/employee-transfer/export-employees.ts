import { ValidationError } from '@halooid/shared/errors';
import { type CsvValue, toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectEmployees } from '../domain/employee-repository';
import type { Employee } from '../domain/employee-schemas';
import { employeeScopeOf } from '../domain/employee-scope';
import { employeeNumbersOf } from './repository';
import type { ExportEmployeesQuery } from './schemas';
import { weekdaysText } from './weekdays';

/**
 * One CSV must fit one Lambda response (6 MB, a little less once encoded):
 * beyond these the caller narrows the filters rather than getting a cut-off file.
 */
export const EXPORT_MAX_ROWS = 25_000;
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 500;

/** Identity and job only: the personal fields and the termination reason stay in the API, behind its scope. */
export const EXPORT_HEADER = [
  'employee number',
  'given name',
  'family name',
  'preferred name',
  'work email',
  'status',
  'type',
  'hire date',
  'probation end date',
  'termination date',
  'department',
  'position',
  'location',
  'manager',
  'fte',
  'work days',
  'hours per day',
] as const;

export type ExportEmployeesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

function tooLarge(what: string): ValidationError {
  return new ValidationError(`The export is too large (${what}); narrow the filters and export in parts.`, [
    { field: 'query', message: `At most ${EXPORT_MAX_ROWS} employees per export.`, code: 'export_too_large' },
  ]);
}

/**
 * Every employee the list would show for these filters, in its order, as
 * CSV. Reads through the list's repository a page at a time with the
 * caller's row scope, so the export holds exactly the rows the caller may see.
 * The manager column names the manager by employee number, which the import
 * takes back.
 */
export async function exportEmployees(
  query: ExportEmployeesQuery,
  deps: ExportEmployeesDeps,
): Promise<string> {
  const { tx, principal } = deps;
  const scope = employeeScopeOf(principal);
  const employees: Employee[] = [];
  let cursor: string | undefined;
  do {
    const page = await selectEmployees(tx, principal.tenantId, scope, { ...query, limit: PAGE_SIZE, cursor });
    employees.push(...page.items);
    if (employees.length > EXPORT_MAX_ROWS) throw tooLarge(`more than ${EXPORT_MAX_ROWS} employees`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const managers = await employeeNumbersOf(
    tx,
    principal.tenantId,
    employees.flatMap((employee) => (employee.managerId ? [employee.managerId] : [])),
  );
  const rows = employees.map((employee): CsvValue[] => [
    employee.employeeNumber,
    employee.legalName.given,
    employee.legalName.family,
    employee.preferredName,
    employee.workEmail,
    employee.status,
    employee.type,
    employee.hireDate,
    employee.probationEndDate,
    employee.terminationDate,
    employee.department?.name,
    employee.position?.title,
    employee.location?.name,
    employee.managerId ? managers.get(employee.managerId) : null,
    employee.fte,
    weekdaysText(employee.workDays),
    employee.hoursPerDay,
  ]);
  const csv = toCsv(EXPORT_HEADER, rows);
  if (Buffer.byteLength(csv) > EXPORT_MAX_BYTES) throw tooLarge(`over ${EXPORT_MAX_BYTES / 1024 / 1024} MB`);
  return csv;
}
