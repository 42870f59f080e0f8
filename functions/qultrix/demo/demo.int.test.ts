import { PRODUCTS } from '@halooid/functions/registry';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Qultrix demo as `npm run dev` seeds it (the other suites start without
 * it): Acme's 40 people, their organization and time off, and the demo users
 * mapped to employees, each seeing what their role and place in the tree give.
 */
let platform: TestPlatform;
let hr: Session;
let member: Session;
let employee: Session;

beforeAll(async () => {
  platform = await startTestPlatform({ demoProducts: PRODUCTS.map((product) => product.key) });
  [hr, member, employee] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('employee@acme.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const get = (as: Session, path: string) => platform.request('GET', path, { headers: as.headers('acme') });

describe('the Qultrix demo of Acme', () => {
  it('has 40 employees in 5 departments, numbered by seniority', async () => {
    const people = await get(hr, '/v1/qultrix/employees?limit=100&sort=employeeNumber');
    const departments = await get(hr, '/v1/qultrix/departments');

    expect(people.status).toBe(200);
    expect(people.body.items).toHaveLength(40);
    expect(people.body.items[0]).toMatchObject({
      employeeNumber: 'EMP-0001',
      legalName: { family: 'Owner' },
    });
    expect(departments.body.items).toHaveLength(5);
  });

  it('maps the demo users to employees: Maya manages Ethan and sees only her tree', async () => {
    const maya = await get(member, '/v1/qultrix/employees/me');
    const ethan = await get(employee, '/v1/qultrix/employees/me');
    const visible = await get(member, '/v1/qultrix/employees?limit=100');

    expect(maya.body.position).toMatchObject({ title: 'Engineering Manager' });
    expect(ethan.body.managerId).toBe(maya.body.id);
    // Maya, her five reports and the intern who reports to one of them.
    expect(visible.body.items).toHaveLength(7);
  });

  it('gives Ethan an annual-leave balance and Maya requests to decide', async () => {
    const ethan = await get(employee, '/v1/qultrix/employees/me');
    const balances = await get(employee, `/v1/qultrix/employees/${ethan.body.id}/balances`);
    const inbox = await get(member, '/v1/qultrix/time-off/requests?awaitingMe=true');
    const hrInbox = await get(hr, '/v1/qultrix/time-off/requests?awaitingMe=true');

    const annual = balances.body.items.find(
      (item: { leaveTypeName: string }) => item.leaveTypeName === 'Annual leave',
    );
    expect(Number(annual.available)).toBeGreaterThan(0);
    expect(inbox.body.items).toHaveLength(2);
    expect(hrInbox.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it("shows HR a sealed compensation history, and the promotion on Maya's timeline", async () => {
    const maya = await get(member, '/v1/qultrix/employees/me');
    const history = await get(hr, `/v1/qultrix/employees/${maya.body.id}/compensation`);
    const timeline = await get(hr, `/v1/qultrix/employees/${maya.body.id}/timeline`);

    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('112000');
    expect(JSON.stringify(timeline.body)).toContain('promotion');
  });

  it('draws the whole org chart in one request', async () => {
    const chart = await get(hr, '/v1/qultrix/org-chart?depth=10');

    expect(chart.status).toBe(200);
    expect(chart.body.items).toHaveLength(40);
    expect(Math.max(...chart.body.items.map((node: { depth: number }) => node.depth))).toBe(4);
  });
});
