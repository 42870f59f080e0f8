import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccrual } from './accrual';

/**
 * The accrual job run for chosen days against the real local platform; the
 * balances are read back through the API as HR.
 */
let platform: TestPlatform;
let hr: Session;
const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;
const day = (date: string) => new Date(`${date}T01:00:00Z`);

async function setUp(policy: Record<string, unknown>, hireDate: string, extra: Record<string, unknown> = {}) {
  const type = await platform.request('POST', '/v1/qultrix/leave-types', {
    headers: hr.headers('acme'),
    body: { name: unique('Annual'), kind: 'annual' },
  });
  const created = await platform.request('POST', '/v1/qultrix/leave-policies', {
    headers: hr.headers('acme'),
    body: { leaveTypeId: type.body.id, name: 'Policy', ...policy },
  });
  expect(created.status).toBe(201);
  const employee = await platform.request('POST', '/v1/qultrix/employees', {
    headers: hr.headers('acme'),
    body: { legalName: { given: 'Accrual', family: unique('Hire') }, hireDate, status: 'active', ...extra },
  });
  expect(employee.status).toBe(201);
  return { leaveTypeId: type.body.id as string, employeeId: employee.body.id as string };
}

async function ledgerOf(employeeId: string, leaveTypeId: string) {
  const response = await platform.request(
    'GET',
    `/v1/qultrix/employees/${employeeId}/balances/${leaveTypeId}/ledger?limit=100`,
    { headers: hr.headers('acme') },
  );
  expect(response.status).toBe(200);
  return (response.body.items as { kind: string; amount: string; period: string; effectiveDate: string }[])
    .map(({ kind, amount, period, effectiveDate }) => ({ kind, amount, period, effectiveDate }))
    .reverse();
}

async function balanceOf(employeeId: string, leaveTypeId: string): Promise<string> {
  const response = await platform.request('GET', `/v1/qultrix/employees/${employeeId}/balances`, {
    headers: hr.headers('acme'),
  });
  return response.body.items.find((item: { leaveTypeId: string }) => item.leaveTypeId === leaveTypeId)
    ?.balance;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  hr = await platform.login('hr@acme.example');
});

afterAll(async () => {
  await platform?.stop();
});

describe('leave accrual', () => {
  it('prorates a mid-year hire, and running the job twice for the same month changes nothing', async () => {
    const { leaveTypeId, employeeId } = await setUp(
      { yearlyEntitlement: '24', accrual: 'monthly' },
      '2026-07-15',
    );

    await runAccrual({ now: day('2026-07-20') });
    const once = await ledgerOf(employeeId, leaveTypeId);
    await runAccrual({ now: day('2026-07-20') });
    await runAccrual({ now: day('2026-07-31') });

    // 17 of July's 31 days of 2 days a month.
    expect(once).toEqual([
      { kind: 'accrual', amount: '1.097', period: '2026-07', effectiveDate: '2026-07-15' },
    ]);
    expect(await ledgerOf(employeeId, leaveTypeId)).toEqual(once);
    await runAccrual({ now: day('2026-09-05') });
    expect((await ledgerOf(employeeId, leaveTypeId)).map((row) => [row.period, row.amount])).toEqual([
      ['2026-07', '1.097'],
      ['2026-08', '2'],
      ['2026-09', '2'],
    ]);
    expect(await balanceOf(employeeId, leaveTypeId)).toBe('5.097');
  });

  it('accrues nothing before the hire date plus the waiting days', async () => {
    const { leaveTypeId, employeeId } = await setUp(
      { yearlyEntitlement: '12', accrual: 'monthly', waitingDays: 30 },
      '2026-06-01',
    );

    await runAccrual({ now: day('2026-06-30') });
    expect(await ledgerOf(employeeId, leaveTypeId)).toEqual([]);
    await runAccrual({ now: day('2026-07-01') });
    expect(await ledgerOf(employeeId, leaveTypeId)).toEqual([
      { kind: 'accrual', amount: '1', period: '2026-07', effectiveDate: '2026-07-01' },
    ]);
  });

  it('prorates yearly accrual by the days left in the year', async () => {
    const { leaveTypeId, employeeId } = await setUp(
      { yearlyEntitlement: '25', accrual: 'yearly' },
      '2026-07-01',
    );

    await runAccrual({ now: day('2026-08-01') });
    await runAccrual({ now: day('2026-08-02') });

    // 184 of 365 days of 25.
    expect(await ledgerOf(employeeId, leaveTypeId)).toEqual([
      { kind: 'accrual', amount: '12.603', period: '2026', effectiveDate: '2026-07-01' },
    ]);
  });

  it('closes the year: the balance expires, the capped part carries over, and expires unused after N months', async () => {
    const { leaveTypeId, employeeId } = await setUp(
      { yearlyEntitlement: '24', accrual: 'monthly', carryOverCap: '5', carryOverExpiryMonths: 3 },
      '2026-07-15',
    );
    await runAccrual({ now: day('2026-09-05') });

    await runAccrual({ now: day('2027-01-10') });
    await runAccrual({ now: day('2027-01-10') });
    const afterYearEnd = await ledgerOf(employeeId, leaveTypeId);
    await runAccrual({ now: day('2027-04-02') });
    await runAccrual({ now: day('2027-04-03') });
    const afterExpiry = await ledgerOf(employeeId, leaveTypeId);

    // 2026: 1.097 + 5 × 2 (the job catches up October to December before closing).
    expect(afterYearEnd.slice(3).map((row) => [row.kind, row.period, row.amount, row.effectiveDate])).toEqual(
      [
        ['accrual', '2026-10', '2', '2026-10-01'],
        ['accrual', '2026-11', '2', '2026-11-01'],
        ['accrual', '2026-12', '2', '2026-12-01'],
        ['expiry', '2026', '-11.097', '2026-12-31'],
        ['carry_over', '2027', '5', '2027-01-01'],
        ['accrual', '2027-01', '2', '2027-01-01'],
      ],
    );
    // By effective date: the carried-over 5 expire on 31 March, before April's accrual.
    expect(afterExpiry.slice(afterYearEnd.length).map((row) => [row.kind, row.period, row.amount])).toEqual([
      ['accrual', '2027-02', '2'],
      ['accrual', '2027-03', '2'],
      ['expiry', '2027-CO', '-5'],
      ['accrual', '2027-04', '2'],
    ]);
    expect(await balanceOf(employeeId, leaveTypeId)).toBe('8');
  });

  it('never accrues one year both monthly and yearly when a policy changes its frequency', async () => {
    const { leaveTypeId, employeeId } = await setUp(
      { yearlyEntitlement: '12', accrual: 'monthly' },
      '2026-01-05',
    );
    await runAccrual({ now: day('2026-02-01') });
    const policies = await platform.request('GET', `/v1/qultrix/leave-policies?leaveTypeId=${leaveTypeId}`, {
      headers: hr.headers('acme'),
    });
    const policy = policies.body.items[0];
    await platform.request('PATCH', `/v1/qultrix/leave-policies/${policy.id}`, {
      headers: hr.headers('acme'),
      body: { version: policy.version, accrual: 'yearly' },
    });

    await runAccrual({ now: day('2026-03-01') });
    await runAccrual({ now: day('2027-01-01') });

    expect(
      (await ledgerOf(employeeId, leaveTypeId))
        .filter((row) => row.kind === 'accrual')
        .map((row) => row.period),
    ).toEqual(['2026-01', '2026-02', '2027']);
  });

  it('accrues nothing for terminated employees', async () => {
    const { leaveTypeId, employeeId } = await setUp({ yearlyEntitlement: '24' }, '2026-01-05', {
      status: 'terminated',
      terminationDate: '2026-03-31',
      terminationReason: 'Resigned',
    });

    await runAccrual({ now: day('2026-05-01') });

    expect(await ledgerOf(employeeId, leaveTypeId)).toEqual([]);
  });
});
