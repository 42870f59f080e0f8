import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HEADER } from './export-employees';

let platform: TestPlatform;
let hr: Session;
let member: Session;
let engineering = '';

const importCsv = (as: Session, csv: string) =>
  platform.request('POST', '/v1/qultrix/employees/import', {
    headers: { ...as.headers('acme'), 'content-type': 'text/csv' },
    rawBody: csv,
  });
const exportCsv = (as: Session, query = '') =>
  platform.request('GET', `/v1/qultrix/employees/export${query}`, {
    headers: { ...as.headers('acme'), accept: 'text/csv' },
  });
const byNumber = (rows: string[][]) => {
  const [header, ...data] = rows;
  return data.map((row) => Object.fromEntries((header ?? []).map((name, index) => [name, row[index]])));
};

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, member] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
  ]);
  const { rows } = await platform.db.query(
    `insert into qultrix.departments (tenant_id, id, name) values ($1, gen_random_uuid(), 'Engineering') returning id`,
    [hr.headers('acme')['x-tenant-id']],
  );
  engineering = rows[0].id;
});

afterAll(async () => {
  await platform?.stop();
});

describe('employee CSV import', () => {
  it('creates the valid rows (managers before their reports) and reports each bad row by number and column', async () => {
    const csv = [
      'Given name,Family name,Work email,Hire date,Department,Manager,Work days,Hours per day,Type,Employee number',
      // The report comes before its manager in the file; the import creates the manager first.
      'Rita,Report,rita@acme.example,2026-02-01,engineering,boss@acme.example,Mon;Tue;Wed,6,Part-time,X-1',
      'Bea,Boss,boss@acme.example,2026-01-05,Engineering,,,,,X-2',
      'Nora,Nodept,nora@acme.example,2026-01-05,Marketing,,,,,',
      'Gus,Ghost,gus@acme.example,2026-01-05,,ghost@acme.example,,,,',
      'Dee,Date,dee@acme.example,2026-02-30,,,Funday,,,',
      'Dup,Email,BOSS@acme.example,2026-01-05,,,,,,',
      '',
      'Lou,Loop,lou@acme.example,2026-01-05,,max@acme.example,,,,',
      'Max,Loop,max@acme.example,2026-01-05,,lou@acme.example,,,,',
    ].join('\r\n');

    const response = await importCsv(hr, csv);

    expect(response.status, response.text).toBe(200);
    expect(response.body.imported).toBe(2);
    expect(response.body.ignoredColumns).toEqual(['Employee number']);
    const failures = Object.fromEntries(
      response.body.failed.map((failure: { row: number; errors: { column: string | null }[] }) => [
        failure.row,
        failure.errors.map((error) => error.column),
      ]),
    );
    expect(failures).toEqual({
      4: ['Department'],
      5: ['Manager'],
      6: ['Work days', 'Hire date'],
      7: ['Work email'],
      9: ['Manager'],
      10: ['Manager'],
    });
    const list = await platform.request('GET', '/v1/qultrix/employees?q=acme.example&limit=100', {
      headers: hr.headers('acme'),
    });
    const rita = list.body.items.find(
      (item: { workEmail: string }) => item.workEmail === 'rita@acme.example',
    );
    const bea = list.body.items.find((item: { workEmail: string }) => item.workEmail === 'boss@acme.example');
    expect(rita).toMatchObject({
      managerId: bea.id,
      departmentId: engineering,
      workDays: [1, 2, 3],
      hoursPerDay: '6',
      type: 'part_time',
    });
  });

  it('refuses a file without the required columns (400) and imports nothing; only HR may import', async () => {
    const noHireDate = await importCsv(hr, 'Given name,Family name\r\nNo,Date\r\n');
    const byMember = await importCsv(member, 'Given name,Family name,Hire date\r\nMe,Too,2026-01-01\r\n');
    const json = await platform.request('POST', '/v1/qultrix/employees/import', {
      headers: hr.headers('acme'),
      body: { csv: 'Given name,Family name,Hire date\r\nJay,Son,2026-03-01\r\n' },
    });

    expect(noHireDate.status).toBe(400);
    expect(noHireDate.body.errors[0].code).toBe('invalid_csv');
    expect(byMember.status).toBe(403);
    expect(json.status).toBe(200);
    expect(json.body.imported).toBe(1);
  });
});

describe('employee CSV export', () => {
  it('exports identity and job only, with formula protection, and imports back', async () => {
    await importCsv(
      hr,
      'Given name,Family name,Work email,Hire date,Phone,Birth date,Preferred name\r\n' +
        'Eve,Exporter,eve@acme.example,2026-04-01,+1 555 0100,1990-01-01,=HYPERLINK("x")\r\n',
    );

    const response = await exportCsv(hr, '?q=exporter');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="employees-.*\.csv"$/);
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual([...EXPORT_HEADER]);
    const [eve] = byNumber(rows);
    expect(eve).toMatchObject({
      'given name': 'Eve',
      'preferred name': `'=HYPERLINK("x")`,
      'work days': 'Mon;Tue;Wed;Thu;Fri',
      'hours per day': '8',
    });
    expect(response.text).not.toContain('555 0100');
    expect(response.text).not.toContain('1990-01-01');
  });

  it('holds only the rows in the caller’s scope', async () => {
    const created = await platform.request('POST', '/v1/qultrix/employees', {
      headers: hr.headers('acme'),
      body: { legalName: { given: 'Mia', family: 'Member' }, hireDate: '2026-01-05', userId: member.userId },
    });
    expect(created.status).toBe(201);

    const response = await exportCsv(member);

    expect(response.status).toBe(200);
    const rows = byNumber(parseCsv(response.text));
    expect(rows.map((row) => row['employee number'])).toEqual([created.body.employeeNumber]);
  });
});
