import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Policies through the local gateway, and which one applies to whom:
 *
 *   Boss (member@)
 *    └─ Worker (employee@): full time, in Berlin
 *   Outsider (viewer@): part time, nowhere
 */
let platform: TestPlatform;
let hr: Session;
let member: Session;
let employee: Session;
let viewer: Session;
let globexOwner: Session;
let leaveTypeId = '';
let berlin = '';
const people = { boss: '', worker: '', outsider: '' };

const path = '/v1/qultrix/leave-policies';
const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;
const create = (body: Record<string, unknown>, as: Session = hr, tenant = 'acme') =>
  platform.request('POST', path, { headers: as.headers(tenant), body });
const createEmployee = async (given: string, extra: Record<string, unknown>) => {
  const response = await platform.request('POST', '/v1/qultrix/employees', {
    headers: hr.headers('acme'),
    body: { legalName: { given, family: 'Policy' }, hireDate: '2026-01-05', status: 'active', ...extra },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
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
  const type = await platform.request('POST', '/v1/qultrix/leave-types', {
    headers: hr.headers('acme'),
    body: { name: unique('Annual'), kind: 'annual' },
  });
  leaveTypeId = type.body.id;
  const location = await platform.request('POST', '/v1/qultrix/locations', {
    headers: hr.headers('acme'),
    body: { name: unique('Berlin'), timeZone: 'Europe/Berlin' },
  });
  expect(location.status).toBe(201);
  berlin = location.body.id;
  people.boss = await createEmployee('Boss', { userId: member.userId });
  people.worker = await createEmployee('Worker', {
    userId: employee.userId,
    managerId: people.boss,
    type: 'full_time',
    locationId: berlin,
  });
  people.outsider = await createEmployee('Outsider', { userId: viewer.userId, type: 'part_time' });
});

afterAll(async () => {
  await platform?.stop();
});

describe('leave policies', () => {
  it('creates a policy with defaults and exact decimals, reads, lists and audits it', async () => {
    const response = await create({ leaveTypeId, name: 'Standard', yearlyEntitlement: '25.50' });

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${path}/${response.body.id}`);
    expect(response.body).toMatchObject({
      leaveTypeId,
      name: 'Standard',
      yearlyEntitlement: '25.5',
      accrual: 'monthly',
      prorate: true,
      carryOverCap: '0',
      carryOverExpiryMonths: null,
      waitingDays: 0,
      employmentTypes: null,
      locationIds: null,
      archived: false,
      version: 1,
    });
    const read = await platform.request('GET', `${path}/${response.body.id}`, {
      headers: hr.headers('acme'),
    });
    expect(read.body).toEqual(response.body);
    const list = await platform.request('GET', `${path}?leaveTypeId=${leaveTypeId}`, {
      headers: hr.headers('acme'),
    });
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(response.body.id);
    const audit = await platform.db.query(
      `select 1 from platform.audit_log where target_id = $1 and action = 'leave_policy.created'`,
      [response.body.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('answers malformed bodies with 400 and bad references with 422', async () => {
    const bad = await Promise.all([
      create({ leaveTypeId, name: 'Float', yearlyEntitlement: 25 }),
      create({ leaveTypeId, name: 'Words', yearlyEntitlement: 'twenty' }),
      create({ leaveTypeId, name: 'Huge', yearlyEntitlement: '1000.01' }),
      create({ leaveTypeId, name: 'Months', yearlyEntitlement: '20', carryOverExpiryMonths: 13 }),
      create({
        leaveTypeId,
        name: 'Types',
        yearlyEntitlement: '20',
        employmentTypes: ['full_time', 'full_time'],
      }),
      create({ leaveTypeId: 'nope', name: 'Id', yearlyEntitlement: '20' }),
    ]);
    const globexType = await platform.request('POST', '/v1/qultrix/leave-types', {
      headers: globexOwner.headers('globex'),
      body: { name: unique('Globex annual'), kind: 'annual' },
    });
    const references = await Promise.all([
      create({ leaveTypeId: globexType.body.id, name: 'Foreign', yearlyEntitlement: '20' }),
      create({ leaveTypeId, name: 'Nowhere', yearlyEntitlement: '20', locationIds: [globexType.body.id] }),
    ]);

    expect(bad.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(references.map((response) => [response.status, response.body.code])).toEqual([
      [422, 'unknown_leave_type'],
      [422, 'unknown_location'],
    ]);
  });

  it('lets only time-off admins manage policies', async () => {
    expect((await create({ leaveTypeId, name: 'Mine', yearlyEntitlement: '99' }, employee)).status).toBe(403);
    expect((await platform.request('GET', path, { headers: member.headers('acme') })).status).toBe(403);
  });

  it('applies the most specific policy per employee: type and location > one > neither, ties to the oldest', async () => {
    const type = await platform.request('POST', '/v1/qultrix/leave-types', {
      headers: hr.headers('acme'),
      body: { name: unique('Sick'), kind: 'sick' },
    });
    const id = type.body.id;
    const general = await create({ leaveTypeId: id, name: 'Everyone', yearlyEntitlement: '10' });
    const fullTime = await create({
      leaveTypeId: id,
      name: 'Full time',
      yearlyEntitlement: '12',
      employmentTypes: ['full_time'],
    });
    await create({
      leaveTypeId: id,
      name: 'Full time, later',
      yearlyEntitlement: '13',
      employmentTypes: ['full_time'],
    });
    const berliners = await create({
      leaveTypeId: id,
      name: 'Berlin full time',
      yearlyEntitlement: '15',
      employmentTypes: ['full_time'],
      locationIds: [berlin],
    });
    const policyOf = async (employeeId: string) => {
      const response = await platform.request('GET', `/v1/qultrix/employees/${employeeId}/leave-policies`, {
        headers: hr.headers('acme'),
      });
      expect(response.status).toBe(200);
      return response.body.items.find((item: { leaveTypeId: string }) => item.leaveTypeId === id)?.policy.id;
    };

    expect(await policyOf(people.worker)).toBe(berliners.body.id);
    expect(await policyOf(people.outsider)).toBe(general.body.id);
    expect(await policyOf(people.boss)).toBe(fullTime.body.id);

    // Archived, the Berlin policy applies to no one: the oldest full-time one takes over.
    await platform.request('PATCH', `${path}/${berliners.body.id}`, {
      headers: hr.headers('acme'),
      body: { version: 1, archived: true },
    });
    expect(await policyOf(people.worker)).toBe(fullTime.body.id);
  });

  it('shows an employee their policies and their managers too; anyone else gets 404', async () => {
    const url = (id: string) => `/v1/qultrix/employees/${id}/leave-policies`;

    const own = await platform.request('GET', url(people.worker), { headers: employee.headers('acme') });
    const manager = await platform.request('GET', url(people.worker), { headers: member.headers('acme') });
    const upwards = await platform.request('GET', url(people.boss), { headers: employee.headers('acme') });
    const foreign = await platform.request('GET', url(people.worker), {
      headers: globexOwner.headers('globex'),
    });
    const missing = await platform.request('GET', url('0190a5e0-0000-7000-8000-000000000000'), {
      headers: hr.headers('acme'),
    });

    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(manager.status).toBe(200);
    expect([upwards.status, foreign.status, missing.status]).toEqual([404, 404, 404]);
  });

  it('changes with a version (stale: 409), deletes an unused policy, and hides other tenants (404)', async () => {
    const created = await create({ leaveTypeId, name: 'To change', yearlyEntitlement: '20' });
    const url = `${path}/${created.body.id}`;

    const changed = await platform.request('PATCH', url, {
      headers: hr.headers('acme'),
      body: { version: 1, yearlyEntitlement: '22.25', accrual: 'yearly', carryOverCap: null },
    });
    const stale = await platform.request('PATCH', url, {
      headers: hr.headers('acme'),
      body: { version: 1, name: 'X' },
    });
    const foreign = await Promise.all([
      platform.request('GET', url, { headers: globexOwner.headers('globex') }),
      platform.request('PATCH', url, {
        headers: globexOwner.headers('globex'),
        body: { version: 2, name: 'X' },
      }),
      platform.request('DELETE', url, { headers: globexOwner.headers('globex') }),
    ]);
    const deleted = await platform.request('DELETE', url, { headers: hr.headers('acme') });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      yearlyEntitlement: '22.25',
      accrual: 'yearly',
      carryOverCap: null,
      version: 2,
    });
    expect(stale.status).toBe(409);
    expect(foreign.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(deleted.status).toBe(204);
    expect((await platform.request('GET', url, { headers: hr.headers('acme') })).status).toBe(404);
  });
});
