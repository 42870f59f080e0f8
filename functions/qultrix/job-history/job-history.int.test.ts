import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApplyDue } from './apply-due';

let platform: TestPlatform;
let hr: Session;
let member: Session;
let acme = '';
const org = { engineering: '', sales: '' };

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, member] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
  ]);
  acme = hr.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  // Organization rows inserted directly: this file tests job history, not the organization API.
  for (const name of ['engineering', 'sales'] as const) {
    const { rows } = await platform.db.query(
      `insert into qultrix.departments (tenant_id, id, name) values ($1, gen_random_uuid(), $2) returning id`,
      [acme, `JH ${name}`],
    );
    org[name] = rows[0].id;
  }
});

afterAll(async () => {
  await platform?.stop();
});

let serial = 0;
async function createEmployee(extra: Record<string, unknown> = {}): Promise<string> {
  serial += 1;
  const response = await platform.request('POST', '/v1/qultrix/employees', {
    headers: hr.headers('acme'),
    body: {
      legalName: { given: 'Job', family: `History ${serial}` },
      workEmail: `job.history.${serial}@acme.example`,
      hireDate: '2024-01-01',
      status: 'active',
      type: 'full_time',
      ...extra,
    },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

/** The member's own employee record: the demo data's if it links one, else a new one (their reports are in their scope). */
async function ownEmployeeOf(session: Session): Promise<string> {
  const { rows } = await platform.db.query(
    'select id from qultrix.employees where tenant_id = $1 and user_id = $2',
    [acme, session.userId],
  );
  return rows[0]?.id ?? createEmployee({ userId: session.userId });
}

const recordChange = (employeeId: string, body: Record<string, unknown>, as: Session = hr) =>
  platform.request('POST', `/v1/qultrix/employees/${employeeId}/job-changes`, {
    headers: as.headers('acme'),
    body,
  });
const getEmployee = async (employeeId: string) =>
  (await platform.request('GET', `/v1/qultrix/employees/${employeeId}`, { headers: hr.headers('acme') }))
    .body;
const timeline = (employeeId: string, as: Session, query = '') =>
  platform.request('GET', `/v1/qultrix/employees/${employeeId}/timeline${query}`, {
    headers: as.headers('acme'),
  });

describe('job changes', () => {
  it('applies a change effective today at once: the record changes, its version goes up, the events name the fields', async () => {
    const employeeId = await createEmployee();

    const response = await recordChange(employeeId, {
      kind: 'transfer',
      effectiveDate: today,
      changes: { departmentId: org.engineering },
      note: 'Moves to engineering',
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'applied', changes: { departmentId: org.engineering } });
    const employee = await getEmployee(employeeId);
    expect(employee).toMatchObject({ departmentId: org.engineering, version: 2 });
    const { rows } = await platform.db.query(
      `select type, envelope->'data'->'changes' as changes from platform.outbox
        where (type = 'employee.updated' and envelope->'data'->'employee'->>'id' = $1)
           or (type = 'employee.job_changed' and envelope->'data'->>'employeeId' = $1)
        order by type`,
      [employeeId],
    );
    expect(rows).toEqual([
      { type: 'employee.job_changed', changes: ['departmentId'] },
      { type: 'employee.updated', changes: ['departmentId'] },
    ]);
  });

  it('schedules a future change and the daily job applies it on its date, once however often it runs', async () => {
    const manager = await createEmployee();
    const employeeId = await createEmployee();
    const scheduled = await recordChange(employeeId, {
      kind: 'promotion',
      effectiveDate: '2990-03-01',
      changes: { departmentId: org.sales, managerId: manager },
    });
    expect(scheduled.body.status).toBe('scheduled');
    expect(await getEmployee(employeeId)).toMatchObject({ departmentId: null, managerId: null, version: 1 });

    const dayBefore = await runApplyDue({ now: new Date('2990-02-28T23:59:59Z') });
    const stillBefore = await getEmployee(employeeId);
    const first = await runApplyDue({ now: new Date('2990-03-01T00:15:00Z') });
    const second = await runApplyDue({ now: new Date('2990-03-01T00:15:00Z') });

    expect(dayBefore.applied).toBe(0);
    expect(stillBefore.version).toBe(1);
    expect(first.applied).toBeGreaterThanOrEqual(1);
    expect(second.applied).toBe(0);
    expect(await getEmployee(employeeId)).toMatchObject({
      departmentId: org.sales,
      managerId: manager,
      version: 2,
    });
    const { rows } = await platform.db.query(
      `select status, applied_at is not null as applied from qultrix.job_changes where id = $1`,
      [scheduled.body.id],
    );
    expect(rows).toEqual([{ status: 'applied', applied: true }]);
  });

  it('refuses a manager who reports to the employee (422 manager_cycle), now or scheduled', async () => {
    const boss = await createEmployee();
    const report = await createEmployee({ managerId: boss });

    const now = await recordChange(boss, {
      kind: 'manager_change',
      effectiveDate: today,
      changes: { managerId: report },
    });
    const later = await recordChange(boss, {
      kind: 'manager_change',
      effectiveDate: '2990-01-01',
      changes: { managerId: report },
    });

    expect([now.status, later.status]).toEqual([422, 422]);
    expect([now.body.code, later.body.code]).toEqual(['manager_cycle', 'manager_cycle']);
    expect(await getEmployee(boss)).toMatchObject({ managerId: null, version: 1 });
  });

  it('marks a scheduled change failed when, by its date, it would close a manager cycle', async () => {
    const first = await createEmployee();
    const second = await createEmployee();
    const change = await recordChange(first, {
      kind: 'manager_change',
      effectiveDate: '2991-01-01',
      changes: { managerId: second },
    });
    // Meanwhile `second` comes to report to `first`.
    const moved = await recordChange(second, {
      kind: 'manager_change',
      effectiveDate: today,
      changes: { managerId: first },
    });
    expect(moved.body.status).toBe('applied');

    const run = await runApplyDue({ now: new Date('2991-01-01T00:15:00Z') });

    expect(run.failed).toBeGreaterThanOrEqual(1);
    const { rows } = await platform.db.query(
      `select status, failure from qultrix.job_changes where id = $1`,
      [change.body.id],
    );
    expect(rows[0].status).toBe('failed');
    expect(rows[0].failure).toMatch(/cycle/);
    expect(await getEmployee(first)).toMatchObject({ managerId: null });
  });

  it('cancels a scheduled change (204), but not twice (409) and not an applied one (409)', async () => {
    const employeeId = await createEmployee();
    const scheduled = await recordChange(employeeId, {
      kind: 'transfer',
      effectiveDate: '2999-01-01',
      changes: { departmentId: org.sales },
    });
    const applied = await recordChange(employeeId, {
      kind: 'other',
      effectiveDate: today,
      changes: { locationId: null },
    });
    const cancel = (changeId: string) =>
      platform.request('DELETE', `/v1/qultrix/employees/${employeeId}/job-changes/${changeId}`, {
        headers: hr.headers('acme'),
      });

    const first = await cancel(scheduled.body.id);
    const again = await cancel(scheduled.body.id);
    const appliedOne = await cancel(applied.body.id);
    const unknown = await cancel('00000000-0000-4000-8000-000000000000');

    expect([first.status, again.status, appliedOne.status, unknown.status]).toEqual([204, 409, 409, 404]);
    const run = await runApplyDue({ now: new Date('2999-01-02T00:00:00Z') });
    expect(run.applied).toBe(0);
    expect(await getEmployee(employeeId)).toMatchObject({ departmentId: null });
  });

  it('refuses callers without qultrix:employee:admin (403) and bad bodies (400)', async () => {
    const employeeId = await createEmployee();

    const asMember = await recordChange(
      employeeId,
      { kind: 'other', effectiveDate: today, changes: { managerId: null } },
      member,
    );
    const empty = await recordChange(employeeId, { kind: 'other', effectiveDate: today, changes: {} });
    const badKind = await recordChange(employeeId, {
      kind: 'demotion',
      effectiveDate: today,
      changes: { managerId: null },
    });
    const extra = await recordChange(employeeId, {
      kind: 'other',
      effectiveDate: today,
      changes: { salary: '1' },
    });

    expect(asMember.status).toBe(403);
    expect([empty.status, badKind.status, extra.status]).toEqual([400, 400, 400]);
  });
});

describe('timeline', () => {
  it('shows job and compensation changes newest first to HR, and no compensation to their manager', async () => {
    const employeeId = await createEmployee({ managerId: await ownEmployeeOf(member) });
    const raise = await platform.request('POST', `/v1/qultrix/employees/${employeeId}/compensation`, {
      headers: hr.headers('acme'),
      body: { salary: '70000', currency: 'EUR', payFrequency: 'yearly', effectiveDate: '2025-06-01' },
    });
    await recordChange(employeeId, {
      kind: 'raise',
      effectiveDate: '2025-06-01',
      changes: {},
      compensationId: raise.body.id,
    });
    await recordChange(employeeId, {
      kind: 'transfer',
      effectiveDate: '2998-01-01',
      changes: { departmentId: org.sales },
    });

    const asHr = await timeline(employeeId, hr);
    const asManager = await timeline(employeeId, member);

    expect(asHr.status).toBe(200);
    expect(
      asHr.body.items.map((item: { type: string; effectiveDate: string }) => [item.type, item.effectiveDate]),
    ).toEqual([
      ['job_change', '2998-01-01'],
      ['job_change', '2025-06-01'],
      ['compensation', '2025-06-01'],
    ]);
    expect(asHr.body.items[2].compensation).toMatchObject({ salary: '70000', current: true });
    expect(asHr.body.items[1].jobChange).toMatchObject({
      kind: 'raise',
      compensationId: raise.body.id,
      status: 'applied',
    });
    expect(asManager.status).toBe(200);
    expect(asManager.body.items.map((item: { type: string }) => item.type)).toEqual([
      'job_change',
      'job_change',
    ]);
    expect(JSON.stringify(asManager.body)).not.toContain('70000');
  });

  it('pages with a cursor and 404s an employee outside the caller scope', async () => {
    const employeeId = await createEmployee();
    for (const effectiveDate of ['2025-01-01', '2025-02-01', '2025-03-01'])
      await recordChange(employeeId, { kind: 'other', effectiveDate, changes: { locationId: null } });

    const first = await timeline(employeeId, hr, '?limit=2');
    const second = await timeline(employeeId, hr, `?limit=2&cursor=${first.body.nextCursor}`);
    const outside = await timeline(employeeId, member);

    expect(first.body.items.map((item: { effectiveDate: string }) => item.effectiveDate)).toEqual([
      '2025-03-01',
      '2025-02-01',
    ]);
    expect(second.body.items.map((item: { effectiveDate: string }) => item.effectiveDate)).toEqual([
      '2025-01-01',
    ]);
    expect(second.body.nextCursor).toBeNull();
    expect(outside.status).toBe(404);
  });
});
