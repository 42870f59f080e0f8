import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Balances, the ledger and adjustments through the local gateway:
 *
 *   Boss (member@)
 *    └─ Worker (employee@)
 */
let platform: TestPlatform;
let hr: Session;
let member: Session;
let employee: Session;
let viewer: Session;
let globexOwner: Session;
const people = { boss: '', worker: '' };
const types = { annual: '', unpaid: '' };

const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;
const balancesUrl = (employeeId: string) => `/v1/qultrix/employees/${employeeId}/balances`;
const adjust = (
  body: Record<string, unknown>,
  as: Session = hr,
  employeeId = people.worker,
  typeId = types.annual,
) =>
  platform.request('POST', `${balancesUrl(employeeId)}/${typeId}/adjustments`, {
    headers: as.headers('acme'),
    body,
  });
const balanceOf = async (as: Session, employeeId = people.worker) => {
  const response = await platform.request('GET', balancesUrl(employeeId), { headers: as.headers('acme') });
  expect(response.status).toBe(200);
  return response.body.items.find((item: { leaveTypeId: string }) => item.leaveTypeId === types.annual);
};

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, member, employee, viewer, globexOwner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('employee@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  const createType = async (body: Record<string, unknown>) =>
    (await platform.request('POST', '/v1/qultrix/leave-types', { headers: hr.headers('acme'), body })).body
      .id;
  types.annual = await createType({ name: unique('Annual'), kind: 'annual' });
  types.unpaid = await createType({ name: unique('Unpaid'), kind: 'unpaid', paid: false });
  const createEmployee = async (given: string, extra: Record<string, unknown>) =>
    (
      await platform.request('POST', '/v1/qultrix/employees', {
        headers: hr.headers('acme'),
        body: { legalName: { given, family: 'Balance' }, hireDate: '2026-01-05', status: 'active', ...extra },
      })
    ).body.id;
  people.boss = await createEmployee('Boss', { userId: member.userId });
  people.worker = await createEmployee('Worker', { userId: employee.userId, managerId: people.boss });
});

afterAll(async () => {
  await platform?.stop();
});

describe('balances', () => {
  it('adjusts a balance with an audited ledger row and returns the new sums', async () => {
    const response = await adjust({ amount: '5.5', note: 'Opening balance' });

    expect(response.status).toBe(201);
    expect(response.body.entry).toMatchObject({
      kind: 'adjustment',
      amount: '5.5',
      note: 'Opening balance',
      createdBy: hr.userId,
      period: null,
    });
    expect(response.body.balance).toEqual({ balance: '5.5', pending: '0', available: '5.5' });
    const audit = await platform.db.query(
      `select details from platform.audit_log where action = 'leave_balance.adjusted' and target_id = $1`,
      [people.worker],
    );
    expect(audit.rows[0]?.details).toMatchObject({ leaveTypeId: types.annual, amount: '5.5' });
  });

  it('subtracts pending requests from what is available', async () => {
    const tenantId = employee.tenants.find((tenant) => tenant.slug === 'acme')?.id;
    await platform.db.query(
      `insert into qultrix.leave_requests
         (tenant_id, id, employee_id, leave_type_id, start_date, end_date, amount, status, current_step)
       values ($1, gen_random_uuid(), $2, $3, '2026-12-28', '2026-12-29', 2, 'pending', 1)`,
      [tenantId, people.worker, types.annual],
    );

    const balance = await balanceOf(employee);

    expect(balance).toMatchObject({
      balance: '5.5',
      pending: '2',
      available: '3.5',
      unit: 'days',
      archived: false,
    });
  });

  it('refuses to leave less than nothing available unless allowNegative is sent', async () => {
    const refused = await adjust({ amount: '-4', note: 'Too much' });
    const allowed = await adjust({ amount: '-4', note: 'Advance', allowNegative: true });

    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('balance_would_go_negative');
    expect(allowed.status).toBe(201);
    expect(allowed.body.balance).toEqual({ balance: '1.5', pending: '2', available: '-0.5' });
  });

  it('lists balance-tracking types only, for the employee, their managers and HR', async () => {
    const own = await platform.request('GET', balancesUrl(people.worker), {
      headers: employee.headers('acme'),
    });
    const manager = await platform.request('GET', balancesUrl(people.worker), {
      headers: member.headers('acme'),
    });

    expect(own.status).toBe(200);
    expect(own.body.employeeId).toBe(people.worker);
    expect(Date.parse(own.body.asOf)).not.toBeNaN();
    const typeIds = own.body.items.map((item: { leaveTypeId: string }) => item.leaveTypeId);
    expect(typeIds).toContain(types.annual);
    expect(typeIds).not.toContain(types.unpaid);
    expect(manager.status).toBe(200);
    expect(manager.body.items).toEqual(own.body.items);
  });

  it('hides balances from everyone else: 404 upwards, across tenants and for no one; 403 without the permission', async () => {
    const responses = await Promise.all([
      platform.request('GET', balancesUrl(people.boss), { headers: employee.headers('acme') }),
      platform.request('GET', balancesUrl(people.worker), { headers: globexOwner.headers('globex') }),
      platform.request('GET', balancesUrl('0190a5e0-0000-7000-8000-000000000000'), {
        headers: hr.headers('acme'),
      }),
      platform.request('GET', `${balancesUrl(people.boss)}/${types.annual}/ledger`, {
        headers: employee.headers('acme'),
      }),
      platform.request('GET', balancesUrl(people.worker), { headers: viewer.headers('acme') }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 403]);
  });

  it('pages the ledger newest first with a cursor, and filters by kind', async () => {
    await adjust({ amount: '1', note: 'Third' });
    const url = `${balancesUrl(people.worker)}/${types.annual}/ledger`;

    const first = await platform.request('GET', `${url}?limit=2`, { headers: employee.headers('acme') });
    const second = await platform.request('GET', `${url}?limit=2&cursor=${first.body.nextCursor}`, {
      headers: employee.headers('acme'),
    });
    const accruals = await platform.request('GET', `${url}?kind=accrual`, {
      headers: employee.headers('acme'),
    });
    const badCursor = await platform.request('GET', `${url}?cursor=nonsense`, {
      headers: employee.headers('acme'),
    });

    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { note: string }) => item.note)).toEqual(['Third', 'Advance']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(second.body.items.map((item: { note: string }) => item.note)).toEqual(['Opening balance']);
    expect(second.body.nextCursor).toBeNull();
    expect(accruals.body.items).toEqual([]);
    expect(badCursor.status).toBe(400);
  });

  it('lets exactly the concurrent deductions that fit through: the balance lock serialises them', async () => {
    const boss = (body: Record<string, unknown>) => adjust(body, hr, people.boss);
    expect((await boss({ amount: '3', note: 'Three days' })).status).toBe(201);

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => boss({ amount: '-1', note: `Deduction ${index}` })),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
    expect((await balanceOf(hr, people.boss)).balance).toBe('0');
  });

  it("answers bad adjustments with 400, employees with 403, and other tenants' or missing ids with 404", async () => {
    const globexType = await platform.request('POST', '/v1/qultrix/leave-types', {
      headers: globexOwner.headers('globex'),
      body: { name: unique('Globex'), kind: 'annual' },
    });
    const responses = await Promise.all([
      adjust({ amount: '0', note: 'Nothing' }),
      adjust({ amount: '1.2345', note: 'Too precise' }),
      adjust({ amount: 1, note: 'A number' }),
      adjust({ amount: '1' }),
      adjust({ amount: '1', note: 'Self-service' }, employee),
      adjust({ amount: '1', note: 'Foreign type' }, hr, people.worker, globexType.body.id),
      adjust({ amount: '1', note: 'No one' }, hr, '0190a5e0-0000-7000-8000-000000000000'),
      platform.request('POST', `${balancesUrl(people.worker)}/${types.annual}/adjustments`, {
        headers: globexOwner.headers('globex'),
        body: { amount: '1', note: 'Across' },
      }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 403, 404, 404, 404]);
    expect((await balanceOf(hr)).balance).toBe('2.5');
  });
});
