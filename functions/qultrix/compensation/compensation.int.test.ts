import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let hr: Session;
let member: Session;
let viewer: Session;
let globexOwner: Session;
let employeeId = '';

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, member, viewer, globexOwner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  const created = await platform.request('POST', '/v1/qultrix/employees', {
    headers: hr.headers('acme'),
    body: {
      legalName: { given: 'Grace', family: 'Hopper' },
      workEmail: 'grace.comp@acme.example',
      hireDate: '2024-01-15',
      status: 'active',
      type: 'full_time',
    },
  });
  expect(created.status).toBe(201);
  employeeId = created.body.id;
});

afterAll(async () => {
  await platform?.stop();
});

const compensationPath = (id: string) => `/v1/qultrix/employees/${id}/compensation`;
const identifiersPath = (id: string) => `/v1/qultrix/employees/${id}/identifiers`;
const addCompensation = (as: Session, body: Record<string, unknown>, id = employeeId) =>
  platform.request('POST', compensationPath(id), { headers: as.headers('acme'), body });

async function auditRows(action: string, targetId: string) {
  const { rows } = await platform.db.query(
    'select actor_id, details from platform.audit_log where action = $1 and target_id = $2 order by id',
    [action, targetId],
  );
  return rows as { actor_id: string; details: Record<string, unknown> }[];
}

describe('compensation history', () => {
  it('records effective-dated rows sealed at rest and lists them newest first with the current one marked', async () => {
    const start = await addCompensation(hr, {
      salary: '85000.00',
      currency: 'EUR',
      payFrequency: 'yearly',
      effectiveDate: '2024-01-15',
      reason: 'Hire',
    });
    const raise = await addCompensation(hr, {
      salary: '91234.50',
      currency: 'EUR',
      payFrequency: 'yearly',
      effectiveDate: '2025-04-01',
      reason: 'Annual review',
    });
    const planned = await addCompensation(hr, {
      salary: '99000',
      currency: 'EUR',
      payFrequency: 'yearly',
      effectiveDate: '2999-01-01',
    });

    expect(start.status).toBe(201);
    expect(raise.body).toMatchObject({
      salary: '91234.50',
      currency: 'EUR',
      current: true,
      reason: 'Annual review',
    });
    expect(planned.body.current).toBe(false);
    const history = await platform.request('GET', compensationPath(employeeId), {
      headers: hr.headers('acme'),
    });
    expect(history.status).toBe(200);
    expect(
      history.body.items.map((row: { salary: string; current: boolean }) => [row.salary, row.current]),
    ).toEqual([
      ['99000', false],
      ['91234.50', true],
      ['85000.00', false],
    ]);
  });

  it('stores the salary sealed: the column starts with v1: and holds no digits of the amount', async () => {
    const { rows } = await platform.db.query(
      'select salary_sealed, currency, pay_frequency from qultrix.compensation where employee_id = $1',
      [employeeId],
    );

    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.salary_sealed.startsWith('v1:')).toBe(true);
      for (const amount of ['85000', '91234', '99000']) expect(row.salary_sealed).not.toContain(amount);
    }
  });

  it('audits every read of the history, naming the reader and the employee', async () => {
    const before = (await auditRows('compensation.read', employeeId)).length;

    await platform.request('GET', compensationPath(employeeId), { headers: hr.headers('acme') });

    const after = await auditRows('compensation.read', employeeId);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor_id: hr.userId, details: { via: 'history' } });
  });

  it('writes the audit row of a change without the amount', async () => {
    const [added] = (await auditRows('compensation.added', employeeId)).slice(-1);

    expect(added?.details).toMatchObject({ effectiveDate: '2999-01-01' });
    expect(JSON.stringify(added?.details)).not.toContain('99000');
  });

  it('refuses callers without the compensation permissions (403) and unknown or foreign employees (404)', async () => {
    const body = { salary: '1', currency: 'EUR', payFrequency: 'monthly', effectiveDate: '2025-01-01' };

    const memberRead = await platform.request('GET', compensationPath(employeeId), {
      headers: member.headers('acme'),
    });
    const viewerRead = await platform.request('GET', identifiersPath(employeeId), {
      headers: viewer.headers('acme'),
    });
    const memberWrite = await addCompensation(member, body);
    const foreign = await platform.request('GET', compensationPath(employeeId), {
      headers: globexOwner.headers('globex'),
    });
    const unknown = await addCompensation(hr, body, '00000000-0000-4000-8000-000000000000');

    expect([memberRead.status, viewerRead.status, memberWrite.status]).toEqual([403, 403, 403]);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
  });

  it('refuses inexact amounts, unknown currencies and frequencies with a 400 naming the field', async () => {
    const cases = [
      { salary: '12.345678', currency: 'EUR', payFrequency: 'monthly', effectiveDate: '2025-01-01' },
      { salary: '1e6', currency: 'EUR', payFrequency: 'monthly', effectiveDate: '2025-01-01' },
      { salary: '0', currency: 'EUR', payFrequency: 'monthly', effectiveDate: '2025-01-01' },
      { salary: '100', currency: 'eur', payFrequency: 'monthly', effectiveDate: '2025-01-01' },
      { salary: '100', currency: 'EUR', payFrequency: 'daily', effectiveDate: '2025-01-01' },
      { salary: 100, currency: 'EUR', payFrequency: 'monthly', effectiveDate: '2025-01-01' },
    ];

    const responses = await Promise.all(cases.map((body) => addCompensation(hr, body)));

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400]);
  });
});

describe('identifiers', () => {
  it('records national id and bank account sealed, lists them with the current row, audits the read', async () => {
    const added = await platform.request('POST', identifiersPath(employeeId), {
      headers: hr.headers('acme'),
      body: {
        nationalId: 'AB123456C',
        bankAccount: { iban: 'DE89 3704 0044 0532 0130 00', bankName: 'Commerzbank' },
        effectiveDate: '2024-01-15',
      },
    });
    const listed = await platform.request('GET', identifiersPath(employeeId), {
      headers: hr.headers('acme'),
    });
    const { rows } = await platform.db.query(
      'select national_id_sealed, bank_account_sealed from qultrix.identifiers where employee_id = $1',
      [employeeId],
    );

    expect(added.status).toBe(201);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        nationalId: 'AB123456C',
        bankAccount: { iban: 'DE89370400440532013000', bankName: 'Commerzbank' },
        current: true,
      }),
    ]);
    expect(rows[0].national_id_sealed).toMatch(/^v1:/);
    expect(rows[0].national_id_sealed).not.toContain('AB123456C');
    expect(rows[0].bank_account_sealed).not.toContain('0532013000');
    expect((await auditRows('identifiers.read', employeeId)).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a row with nothing in it and a bank account without a number (400)', async () => {
    const empty = await platform.request('POST', identifiersPath(employeeId), {
      headers: hr.headers('acme'),
      body: { effectiveDate: '2025-01-01' },
    });
    const noNumber = await platform.request('POST', identifiersPath(employeeId), {
      headers: hr.headers('acme'),
      body: { bankAccount: { bankName: 'Bank' }, effectiveDate: '2025-01-01' },
    });

    expect([empty.status, noNumber.status]).toEqual([400, 400]);
  });
});

describe('the employee record', () => {
  it("carries today's compensation for HR (an audited read) and omits it, without a 403, for a Member", async () => {
    const acme = hr.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
    // The member's own record (the demo data's, or a new one) manages the employee, so the member sees it.
    const { rows } = await platform.db.query(
      'select id from qultrix.employees where tenant_id = $1 and user_id = $2',
      [acme, member.userId],
    );
    let managerId: string = rows[0]?.id;
    if (!managerId) {
      const own = await platform.request('POST', '/v1/qultrix/employees', {
        headers: hr.headers('acme'),
        body: {
          legalName: { given: 'Member', family: 'Self' },
          hireDate: '2023-01-01',
          status: 'active',
          type: 'full_time',
          userId: member.userId,
        },
      });
      managerId = own.body.id;
    }
    const report = await platform.request('POST', '/v1/qultrix/employees', {
      headers: hr.headers('acme'),
      body: {
        legalName: { given: 'Ada', family: 'Report' },
        hireDate: '2024-02-01',
        status: 'active',
        type: 'full_time',
        managerId,
      },
    });
    await addCompensation(
      hr,
      { salary: '64000', currency: 'GBP', payFrequency: 'yearly', effectiveDate: '2024-02-01' },
      report.body.id,
    );
    const auditedBefore = (await auditRows('compensation.read', report.body.id)).length;

    const asMember = await platform.request('GET', `/v1/qultrix/employees/${report.body.id}`, {
      headers: member.headers('acme'),
    });
    const asHr = await platform.request('GET', `/v1/qultrix/employees/${report.body.id}`, {
      headers: hr.headers('acme'),
    });

    expect(asMember.status).toBe(200);
    expect(asMember.body).not.toHaveProperty('compensation');
    expect(asMember.text).not.toContain('64000');
    expect(asHr.status).toBe(200);
    expect(asHr.body.compensation).toMatchObject({
      salary: '64000',
      currency: 'GBP',
      payFrequency: 'yearly',
      current: true,
    });
    const audited = await auditRows('compensation.read', report.body.id);
    expect(audited).toHaveLength(auditedBefore + 1);
    expect(audited.at(-1)).toMatchObject({ actor_id: hr.userId, details: { via: 'employee' } });
  });
});
