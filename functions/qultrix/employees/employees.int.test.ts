import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let member: Session;
let viewer: Session;
let globexOwner: Session;
/** Organization rows, inserted directly: this file tests employees, not the organization API. */
const org = { engineering: '', pagers: '', analyst: '', lead: '', other: '', london: '', globexSite: '' };

const tenantId = (session: Session, slug: string) =>
  session.tenants.find((tenant) => tenant.slug === slug)?.id ?? '';
async function insertOrganization(
  tenant: string,
  table: 'departments' | 'positions' | 'locations',
  name: string,
): Promise<string> {
  const column = table === 'positions' ? 'title' : 'name';
  const { rows } = await platform.db.query(
    `insert into qultrix.${table} (tenant_id, id, ${column}) values ($1, gen_random_uuid(), $2) returning id`,
    [tenant, name],
  );
  return rows[0].id;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, member, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  const acme = tenantId(admin, 'acme');
  org.engineering = await insertOrganization(acme, 'departments', 'Engineering');
  org.pagers = await insertOrganization(acme, 'departments', 'Pagers');
  org.analyst = await insertOrganization(acme, 'positions', 'Analyst');
  org.lead = await insertOrganization(acme, 'positions', 'Lead');
  org.other = await insertOrganization(acme, 'positions', 'Other');
  org.london = await insertOrganization(acme, 'locations', 'London');
  org.globexSite = await insertOrganization(tenantId(globexOwner, 'globex'), 'locations', 'Globex HQ');
});

afterAll(async () => {
  await platform?.stop();
});

const create = (as: Session, tenant: string, body: Record<string, unknown>) =>
  platform.request('POST', '/v1/qultrix/employees', { headers: as.headers(tenant), body });
const patch = (
  as: Session,
  id: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  platform.request('PATCH', `/v1/qultrix/employees/${id}`, {
    headers: { ...as.headers('acme'), ...headers },
    body,
  });
const list = (as: Session, query: string) =>
  platform.request('GET', `/v1/qultrix/employees?${query}`, { headers: as.headers('acme') });
const person = (given: string, family: string, extra: Record<string, unknown> = {}) => ({
  legalName: { given, family },
  hireDate: '2026-01-05',
  ...extra,
});
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

describe('employees', () => {
  // First: Globex starts with no employees, so its numbers are exactly 1..20.
  it('numbers 20 concurrent creates EMP-0001..EMP-0020 with no gaps or duplicates', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        create(globexOwner, 'globex', person('Par', `Allel ${index}`)),
      ),
    );

    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
    const numbers = created.map((response) => response.body.employeeNumber as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, index) => `EMP-${String(index + 1).padStart(4, '0')}`),
    );
  });

  it('creates an employee with a number, ETag and Location, reads it back, and records employee.created', async () => {
    const response = await create(
      admin,
      'acme',
      person('Ada', 'Lovelace', {
        preferredName: 'Ada',
        workEmail: 'Ada.Lovelace@acme.example',
        phones: [{ type: 'mobile', number: '+44 20 7946 0000' }],
        birthDate: '1990-12-10',
        address: { line1: '12 St James Sq', city: 'London', country: 'GB' },
        emergencyContacts: [{ name: 'Mary Somerville', relationship: 'Friend', phone: '+44 20 7946 0001' }],
        status: 'active',
        type: 'part_time',
        probationEndDate: '2026-07-05',
        departmentId: org.engineering,
        positionId: org.analyst,
        locationId: org.london,
        fte: '0.500',
        workDays: [4, 1, 2, 3],
        hoursPerDay: '7.50',
        userId: member.userId,
      }),
    );

    expect(response.status).toBe(201);
    expect(response.body.employeeNumber).toMatch(/^EMP-\d{4}$/);
    expect(response.body).toMatchObject({
      departmentId: org.engineering,
      department: { id: org.engineering, name: 'Engineering' },
      position: { id: org.analyst, title: 'Analyst' },
      location: { id: org.london, name: 'London' },
      fte: '0.5',
      workDays: [1, 2, 3, 4],
      hoursPerDay: '7.5',
      userId: member.userId,
      createdBy: admin.userId,
      version: 1,
    });
    expect(response.headers.get('location')).toBe(`/v1/qultrix/employees/${response.body.id}`);
    const read = await platform.request('GET', `/v1/qultrix/employees/${response.body.id}`, {
      headers: admin.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(response.body);
    const { rows } = await platform.db.query(
      `select type, envelope->'data'->'employee' as employee from platform.outbox
        where envelope->>'source' = 'halooid.qultrix' and envelope->'data'->'employee'->>'id' = $1`,
      [response.body.id],
    );
    expect(rows.map((row) => row.type)).toEqual(['employee.created']);
    // Events carry identity and job, not personal data.
    expect(rows[0]?.employee).toMatchObject({
      employeeNumber: response.body.employeeNumber,
      status: 'active',
      departmentId: org.engineering,
      positionId: org.analyst,
      locationId: org.london,
    });
    expect(rows[0]?.employee).not.toHaveProperty('birthDate');
  });

  it('fills work schedule defaults and shows no organization when none is set', async () => {
    const response = await create(admin, 'acme', person('Plain', 'Defaults'));

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      workDays: [1, 2, 3, 4, 5],
      hoursPerDay: '8',
      departmentId: null,
      department: null,
      position: null,
      location: null,
    });
  });

  it("refuses a department, position or location that is not the tenant's (422 naming the field)", async () => {
    const created = await create(admin, 'acme', person('Org', 'Refs'));

    const unknownDepartment = await create(
      admin,
      'acme',
      person('No', 'Department', { departmentId: '0195e0a0-0000-7000-8000-00000000dead' }),
    );
    const foreignLocation = await patch(admin, created.body.id, { locationId: org.globexSite, version: 1 });
    const unknownPosition = await patch(admin, created.body.id, {
      positionId: '0195e0a0-0000-7000-8000-00000000beef',
      version: 1,
    });
    const cleared = await patch(admin, created.body.id, { locationId: org.london, version: 1 });

    expect(unknownDepartment.status).toBe(422);
    expect(unknownDepartment.body.errors[0]).toMatchObject({
      field: 'body.departmentId',
      code: 'department_not_found',
    });
    expect(foreignLocation.status).toBe(422);
    expect(foreignLocation.body.errors[0]).toMatchObject({ field: 'body.locationId' });
    expect(unknownPosition.status).toBe(422);
    expect(unknownPosition.body.errors[0]).toMatchObject({ field: 'body.positionId' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.location).toEqual({ id: org.london, name: 'London' });
  });

  it('refuses a work email another employee has, in any case, with a 409 naming that employee', async () => {
    const first = await create(admin, 'acme', person('Grace', 'Hopper', { workEmail: 'grace@acme.example' }));

    const again = await create(admin, 'acme', person('Grace', 'Copy', { workEmail: 'GRACE@acme.example' }));
    const other = await create(admin, 'acme', person('Alan', 'Turing', { workEmail: 'alan@acme.example' }));
    const byPatch = await patch(admin, other.body.id, { workEmail: 'Grace@Acme.example', version: 1 });

    expect(first.status).toBe(201);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'work_email_taken' });
    expect(again.body.detail).toContain(first.body.id);
    expect(byPatch.status).toBe(409);
    expect(byPatch.body.errors[0]).toMatchObject({ field: 'body.workEmail', code: 'work_email_taken' });
  });

  it('refuses a manager who reports to the employee (422 manager_cycle) and accepts a valid one', async () => {
    const top = await create(admin, 'acme', person('Top', 'Boss'));
    const middle = await create(admin, 'acme', person('Middle', 'Manager', { managerId: top.body.id }));
    const bottom = await create(admin, 'acme', person('Bottom', 'Report', { managerId: middle.body.id }));

    const indirect = await patch(admin, top.body.id, { managerId: bottom.body.id, version: 1 });
    const self = await patch(admin, top.body.id, { managerId: top.body.id, version: 1 });
    const stranger = await patch(admin, top.body.id, {
      managerId: '0195e0a0-0000-7000-8000-00000000dead',
      version: 1,
    });
    const valid = await patch(admin, bottom.body.id, { managerId: top.body.id, version: 1 });

    expect(indirect.status).toBe(422);
    expect(indirect.body.code).toBe('manager_cycle');
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('manager_cycle');
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('manager_not_found');
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ managerId: top.body.id, version: 2 });
  });

  it('updates with optimistic concurrency (stale version or If-Match → 409); event and audit name the changed fields', async () => {
    const created = await create(admin, 'acme', person('Versioned', 'Person'));

    const first = await patch(
      admin,
      created.body.id,
      { positionId: org.lead, phones: [] },
      { 'If-Match': '"1"' },
    );
    const stale = await patch(admin, created.body.id, { positionId: org.other, version: 1 });
    const staleHeader = await patch(admin, created.body.id, { positionId: org.other }, { 'If-Match': '"1"' });
    const missing = await patch(admin, created.body.id, { positionId: org.other });

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ positionId: org.lead, position: { title: 'Lead' }, version: 2 });
    expect(first.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(409);
    expect(staleHeader.status).toBe(409);
    expect(missing.status).toBe(400);
    const { rows } = await platform.db.query(
      `select envelope->'data'->'changes' as changes from platform.outbox
        where type = 'employee.updated' and envelope->'data'->'employee'->>'id' = $1`,
      [created.body.id],
    );
    expect(rows.map((row) => row.changes)).toEqual([['positionId']]);
    const audit = await platform.db.query(
      `select action, actor_id, details from platform.audit_log where target_id = $1 order by occurred_at, id`,
      [created.body.id],
    );
    expect(audit.rows).toEqual([
      {
        action: 'employee.created',
        actor_id: admin.userId,
        details: { employeeNumber: created.body.employeeNumber },
      },
      { action: 'employee.updated', actor_id: admin.userId, details: { changes: ['positionId'] } },
    ]);
  });

  it('terminates with a date and reason together, recording employee.terminated', async () => {
    const created = await create(
      admin,
      'acme',
      // No linked user here: ending a user's access is employee-termination.int.test.ts.
      person('Leaving', 'Soon', { status: 'active' }),
    );

    const incomplete = await patch(admin, created.body.id, { status: 'terminated', version: 1 });
    const terminated = await patch(admin, created.body.id, {
      status: 'terminated',
      terminationDate: '2026-06-30',
      terminationReason: 'Resigned',
      version: 1,
    });

    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.terminationDate',
      'body.terminationReason',
    ]);
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ status: 'terminated', terminationDate: '2026-06-30' });
    const { rows } = await platform.db.query(
      `select envelope->'data' as data from platform.outbox
        where type = 'employee.terminated' and envelope->'data'->>'employeeId' = $1`,
      [created.body.id],
    );
    expect(rows.map((row) => row.data)).toEqual([
      {
        employeeId: created.body.id,
        employeeNumber: created.body.employeeNumber,
        userId: null,
        terminationDate: '2026-06-30',
        terminationReason: 'Resigned',
      },
    ]);
    const audit = await platform.db.query(
      `select action from platform.audit_log where target_id = $1 order by occurred_at, id`,
      [created.body.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['employee.created', 'employee.terminated']);
  });

  it('filters, searches and pages the list in a stable sorted order', async () => {
    const tag = 'Pagetest';
    const made = [];
    for (const [given, type] of [
      ['Anna', 'intern'],
      ['Bert', 'intern'],
      ['Cleo', 'intern'],
      ['Dirk', 'contractor'],
    ] as const)
      made.push(await create(admin, 'acme', person(given, tag, { type, departmentId: org.pagers })));
    const manager = made[0]?.body.id;
    await patch(admin, made[1]?.body.id, { managerId: manager, version: 1 });

    const first = await list(admin, `q=${tag.toLowerCase()}&type=intern&sort=name&limit=2`);
    const second = await list(
      admin,
      `q=${tag}&type=intern&sort=name&limit=2&cursor=${first.body.nextCursor}`,
    );
    const byNumber = await list(admin, `q=${made[3]?.body.employeeNumber}`);
    const byManager = await list(admin, `managerId=${manager}`);
    const byDepartment = await list(
      admin,
      `departmentId=${org.pagers}&sort=-hireDate,employeeNumber&limit=100`,
    );
    const badSort = await list(admin, 'sort=salary');

    expect(first.status).toBe(200);
    expect(ids(first)).toEqual([made[0]?.body.id, made[1]?.body.id]);
    expect(ids(second)).toEqual([made[2]?.body.id]);
    expect(second.body.nextCursor).toBeNull();
    expect(ids(byNumber)).toEqual([made[3]?.body.id]);
    expect(ids(byManager)).toEqual([made[1]?.body.id]);
    expect(ids(byDepartment)).toEqual(made.map((response) => response.body.id));
    expect(badSort.status).toBe(400);
  });

  it("keeps employees in their tenant: another tenant's employee is a 404 and never listed", async () => {
    const mine = await create(admin, 'acme', person('Acme', 'Only'));

    const read = await platform.request('GET', `/v1/qultrix/employees/${mine.body.id}`, {
      headers: globexOwner.headers('globex'),
    });
    const change = await platform.request('PATCH', `/v1/qultrix/employees/${mine.body.id}`, {
      headers: globexOwner.headers('globex'),
      body: { preferredName: 'Spy', version: 1 },
    });
    const listed = await platform.request('GET', '/v1/qultrix/employees?limit=100', {
      headers: globexOwner.headers('globex'),
    });
    const asManager = await create(
      globexOwner,
      'globex',
      person('Cross', 'Tenant', { managerId: mine.body.id }),
    );

    expect(read.status).toBe(404);
    expect(change.status).toBe(404);
    expect(ids(listed)).not.toContain(mine.body.id);
    expect(asManager.status).toBe(422);
  });

  it('answers 403 to a viewer or member creating, 401 without a token, 400 with field paths for bad input', async () => {
    const byViewer = await create(viewer, 'acme', person('Not', 'Allowed'));
    const byMember = await create(member, 'acme', person('Not', 'Allowed'));
    const anonymous = await platform.request('GET', '/v1/qultrix/employees');
    const bad = await create(
      admin,
      'acme',
      person('', 'x'.repeat(101), {
        fte: '1.5',
        hireDate: '2026-02-30',
        emergencyContacts: Array(6).fill({}),
      }),
    );
    const probation = await create(admin, 'acme', person('Early', 'End', { probationEndDate: '2025-12-31' }));
    const notMember = await create(admin, 'acme', person('Not', 'Member', { userId: globexOwner.userId }));

    expect(byViewer.status).toBe(403);
    expect(byMember.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining([
        'body.legalName.given',
        'body.legalName.family',
        'body.fte',
        'body.hireDate',
        'body.emergencyContacts',
      ]),
    );
    expect(probation.status).toBe(400);
    expect(probation.body.errors[0].field).toBe('body.probationEndDate');
    expect(notMember.status).toBe(422);
    expect(notMember.body.code).toBe('user_not_member');
  });

  // Last: it changes Acme's format for every later create.
  it('sets the number format for new employees only; existing numbers stay', async () => {
    const before = await create(admin, 'acme', person('Before', 'Format'));

    const badPrefix = await platform.request('PUT', '/v1/qultrix/employee-numbering', {
      headers: admin.headers('acme'),
      body: { prefix: 'EMP1', digits: 4 },
    });
    const byViewer = await platform.request('PUT', '/v1/qultrix/employee-numbering', {
      headers: viewer.headers('acme'),
      body: { prefix: 'ACME-', digits: 6 },
    });
    const changed = await platform.request('PUT', '/v1/qultrix/employee-numbering', {
      headers: admin.headers('acme'),
      body: { prefix: 'ACME-', digits: 6 },
    });
    const after = await create(admin, 'acme', person('After', 'Format'));
    const reread = await platform.request('GET', `/v1/qultrix/employees/${before.body.id}`, {
      headers: admin.headers('acme'),
    });
    const format = await platform.request('GET', '/v1/qultrix/employee-numbering', {
      headers: admin.headers('acme'),
    });

    expect(badPrefix.status).toBe(400);
    expect(badPrefix.body.errors[0].field).toBe('body.prefix');
    expect(byViewer.status).toBe(403);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ prefix: 'ACME-', digits: 6 });
    const sequence = Number(before.body.employeeNumber.slice('EMP-'.length));
    expect(after.body.employeeNumber).toBe(`ACME-${String(sequence + 1).padStart(6, '0')}`);
    expect(reread.body.employeeNumber).toBe(before.body.employeeNumber);
    expect(format.body).toEqual({ prefix: 'ACME-', digits: 6, nextNumber: sequence + 2 });
  });
});
