import {
  ignoredColumnsOf,
  inRowSavepoint,
  invalidCsv,
  mapCsvHeader,
  type RowError,
  readCsvFile,
  rowErrorsOf,
} from '@halooid/shared/http/csv-import';
import { type CreateEmployeeDeps, createEmployee } from '../domain/create-employee';
import { CreateEmployeeBody, type CreateEmployeeInput } from '../domain/employee-schemas';
import { employeeIdsByReference, type OrganizationKind, organizationIdsByName } from './repository';
import type { ImportResult } from './schemas';
import { weekdaysOf } from './weekdays';

/** A company moving its people in fits easily; this bounds the work of one request. */
export const IMPORT_MAX_ROWS = 5_000;

type Field =
  | 'givenName'
  | 'familyName'
  | 'preferredName'
  | 'workEmail'
  | 'personalEmail'
  | 'phone'
  | 'birthDate'
  | 'status'
  | 'type'
  | 'hireDate'
  | 'probationEndDate'
  | 'terminationDate'
  | 'terminationReason'
  | 'department'
  | 'position'
  | 'location'
  | 'manager'
  | 'fte'
  | 'workDays'
  | 'hoursPerDay';

/** Header → field, after lower-casing and dropping everything but letters ("Hire date" → "hiredate"). */
const HEADERS: Record<string, Field> = {
  givenname: 'givenName',
  firstname: 'givenName',
  familyname: 'familyName',
  lastname: 'familyName',
  surname: 'familyName',
  preferredname: 'preferredName',
  workemail: 'workEmail',
  email: 'workEmail',
  personalemail: 'personalEmail',
  phone: 'phone',
  mobile: 'phone',
  birthdate: 'birthDate',
  dateofbirth: 'birthDate',
  status: 'status',
  type: 'type',
  employmenttype: 'type',
  hiredate: 'hireDate',
  probationenddate: 'probationEndDate',
  terminationdate: 'terminationDate',
  terminationreason: 'terminationReason',
  department: 'department',
  position: 'position',
  jobtitle: 'position',
  location: 'location',
  manager: 'manager',
  reportsto: 'manager',
  fte: 'fte',
  workdays: 'workDays',
  hoursperday: 'hoursPerDay',
};
const REQUIRED: readonly Field[] = ['givenName', 'familyName', 'hireDate'];

/** Where a schema issue or a use-case error's field (`body.managerId`) lands in the file. */
const FIELD_OF_INPUT: Record<string, Field> = {
  'legalName.given': 'givenName',
  'legalName.family': 'familyName',
  preferredName: 'preferredName',
  workEmail: 'workEmail',
  personalEmail: 'personalEmail',
  phones: 'phone',
  birthDate: 'birthDate',
  status: 'status',
  type: 'type',
  hireDate: 'hireDate',
  probationEndDate: 'probationEndDate',
  terminationDate: 'terminationDate',
  terminationReason: 'terminationReason',
  departmentId: 'department',
  positionId: 'position',
  locationId: 'location',
  managerId: 'manager',
  fte: 'fte',
  workDays: 'workDays',
  hoursPerDay: 'hoursPerDay',
};
const fieldOfPath = (path: readonly PropertyKey[]): Field | undefined =>
  FIELD_OF_INPUT[path.slice(0, 2).join('.')] ?? FIELD_OF_INPUT[String(path[0])];

const ORGANIZATION: readonly [OrganizationKind, Field, 'departmentId' | 'positionId' | 'locationId'][] = [
  ['department', 'department', 'departmentId'],
  ['position', 'position', 'positionId'],
  ['location', 'location', 'locationId'],
];

type Cell = (row: readonly string[], field: Field) => string;

/**
 * Imports employees from CSV. Rows are checked one by one; the valid ones are
 * created through the same use case as `POST /employees` (numbering, rules,
 * events, audit, uniqueness), each behind a savepoint so a row the use case
 * refuses is reported instead of failing the rest. A manager named by the work
 * email of another row is created first, whatever the order of the file. All
 * of it is one transaction: the caller's. Row numbers count CSV records with
 * the header as row 1.
 */
export async function importEmployees(csv: string, deps: CreateEmployeeDeps): Promise<ImportResult> {
  const { tx, principal } = deps;
  const { header, records } = readCsvFile(csv, IMPORT_MAX_ROWS);
  const columns = mapCsvHeader(header, HEADERS);
  if (REQUIRED.some((field) => !columns.has(field)))
    throw invalidCsv('The header row must have "given name", "family name" and "hire date" columns.');
  const { cell, columnName } = columns;
  const rows = records
    .map((row, index) => ({ row, number: index + 2 }))
    .filter(({ row }) => row.some((value) => value.trim() !== '')); // a blank line is not an employee

  const organization = new Map<OrganizationKind, Map<string, string>>();
  for (const [kind, field] of ORGANIZATION)
    organization.set(
      kind,
      await organizationIdsByName(
        tx,
        principal.tenantId,
        kind,
        rows.map(({ row }) => cell(row, field)).filter(Boolean),
      ),
    );
  const references = rows.map(({ row }) => cell(row, 'manager')).filter(Boolean);
  const existing = await employeeIdsByReference(tx, principal.tenantId, references);

  const failed: ImportResult['failed'] = [];
  const created = new Map<number, string>(); // row number → new employee id
  let imported = 0;
  for (const { row, number, managerRow } of managersFirst(rows, cell, existing)) {
    const errors: RowError[] = [];
    const report = (field: Field | null, message: string) =>
      errors.push({ column: field ? columnName(field) : null, message });
    let managerId: string | null | undefined = null;
    const reference = cell(row, 'manager');
    if (managerRow !== undefined) {
      managerId = managerRow === number ? undefined : created.get(managerRow);
      if (managerRow === number) report('manager', 'The manager chain in this file loops back to this row.');
      else if (managerId === undefined)
        report('manager', `The manager (row ${managerRow}) was not imported.`);
    } else if (reference) {
      managerId = existing.get(reference.toLowerCase());
      if (managerId === undefined)
        report('manager', `No employee has the work email or employee number "${reference}".`);
    }
    const input = toInput(row, cell, organization, managerId ?? null, report);
    if (errors.length > 0 || !input) {
      failed.push({ row: number, errors });
      continue;
    }
    const written = await inRowSavepoint(tx, () => createEmployee(input, deps));
    if (written.error) {
      failed.push({ row: number, errors: rowErrorsOf(written.error, fieldOfPath, columnName) });
      continue;
    }
    created.set(number, written.value.id);
    imported++;
  }
  failed.sort((a, b) => a.row - b.row);
  return { imported, failed, ...ignoredColumnsOf(columns.ignored) };
}

/**
 * The rows in an order that creates each in-file manager before their
 * reports: a row whose manager cell is not an existing employee but the work
 * email of another row depends on that row (`managerRow`). A loop within the
 * file marks its rows with their own number, which the import reports.
 */
function managersFirst(
  rows: readonly { row: readonly string[]; number: number }[],
  cell: Cell,
  existing: ReadonlyMap<string, string>,
): { row: readonly string[]; number: number; managerRow?: number }[] {
  const byEmail = new Map<string, number>();
  for (const [index, { row }] of rows.entries()) {
    const email = cell(row, 'workEmail').toLowerCase();
    if (email && !byEmail.has(email)) byEmail.set(email, index);
  }
  const managerIndex = rows.map(({ row }) => {
    const reference = cell(row, 'manager').toLowerCase();
    return reference && !existing.has(reference) ? byEmail.get(reference) : undefined;
  });
  const ordered: { row: readonly string[]; number: number; managerRow?: number }[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (index: number): boolean => {
    if (state.get(index) === 'done') return true;
    if (state.get(index) === 'visiting') return false;
    state.set(index, 'visiting');
    const manager = managerIndex[index];
    const acyclic = manager === undefined || visit(manager);
    state.set(index, 'done');
    const entry = rows[index] as { row: readonly string[]; number: number };
    ordered.push({
      ...entry,
      ...(manager === undefined
        ? {}
        : { managerRow: acyclic ? (rows[manager] as { number: number }).number : entry.number }),
    });
    return acyclic;
  };
  for (const index of rows.keys()) visit(index);
  return ordered;
}

const enumKey = (text: string) =>
  text
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');

/** One row as the create use case's input, or undefined after reporting what is wrong. */
function toInput(
  row: readonly string[],
  cell: Cell,
  organization: ReadonlyMap<OrganizationKind, ReadonlyMap<string, string>>,
  managerId: string | null,
  report: (field: Field | null, message: string) => void,
): CreateEmployeeInput | undefined {
  const candidate: Record<string, unknown> = {
    legalName: { given: cell(row, 'givenName'), family: cell(row, 'familyName') },
    hireDate: cell(row, 'hireDate'),
    managerId,
  };
  const optional: [Field, string][] = [
    ['preferredName', 'preferredName'],
    ['workEmail', 'workEmail'],
    ['personalEmail', 'personalEmail'],
    ['birthDate', 'birthDate'],
    ['probationEndDate', 'probationEndDate'],
    ['terminationDate', 'terminationDate'],
    ['terminationReason', 'terminationReason'],
    ['fte', 'fte'],
    ['hoursPerDay', 'hoursPerDay'],
  ];
  for (const [field, key] of optional) {
    const value = cell(row, field);
    if (value) candidate[key] = value;
  }
  if (cell(row, 'status')) candidate.status = enumKey(cell(row, 'status'));
  if (cell(row, 'type')) candidate.type = enumKey(cell(row, 'type'));
  if (cell(row, 'phone')) candidate.phones = [{ type: 'mobile', number: cell(row, 'phone') }];
  if (cell(row, 'workDays')) {
    const days = weekdaysOf(cell(row, 'workDays'));
    if (days === undefined)
      report('workDays', `"${cell(row, 'workDays')}" is not a list of weekdays such as Mon;Tue;Wed;Thu;Fri.`);
    else candidate.workDays = days;
  }
  for (const [kind, field, key] of ORGANIZATION) {
    const name = cell(row, field);
    if (!name) continue;
    const id = organization.get(kind)?.get(name.toLowerCase());
    if (id) candidate[key] = id;
    else report(field, `There is no ${kind} named "${name}".`);
  }
  const parsed = CreateEmployeeBody.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      report(field ?? null, field ? issue.message : `${issue.path.join('.')}: ${issue.message}`);
    }
  return parsed.success ? parsed.data : undefined;
}

/** A use-case refusal as row errors, on the columns its field errors name. */
