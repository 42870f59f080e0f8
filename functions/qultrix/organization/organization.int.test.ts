import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let hr: Session;
let member: Session;
let globexOwner: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, member, globexOwner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = hr.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

/** Names unique to this run: Acme has demo departments too. */
const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;
const call = (
  as: Session,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => platform.request(method, `/v1/qultrix${path}`, { headers: { ...as.headers('acme'), ...headers }, body });
const department = async (body: Record<string, unknown>) => {
  const response = await call(hr, 'POST', '/departments', body);
  expect(response.status).toBe(201);
  return response.body as { id: string; version: number; name: string };
};

/** An Acme employee straight in Postgres: these tests are about the organization, not the employees API. */
async function employee(fields: { departmentId?: string; positionId?: string; locationId?: string } = {}) {
  const id = randomUUID();
  await platform.db.query(
    `insert into qultrix.employees (tenant_id, id, given_name, family_name, status, employment_type, hire_date,
                                    department_id, position_id, location_id)
     values ($1, $2, 'Org', 'Tester', 'active', 'full_time', '2026-01-05', $3, $4, $5)`,
    [acmeId, id, fields.departmentId ?? null, fields.positionId ?? null, fields.locationId ?? null],
  );
  return id;
}

describe('departments', () => {
  it('creates a tree and lists it flat with path and employee count; reads one with its ETag', async () => {
    const root = await department({ name: unique('Root'), code: `R${randomUUID().slice(0, 6)}` });
    const child = await department({ name: unique('Child'), parentId: root.id });
    const grandchild = await department({ name: unique('Grandchild'), parentId: child.id });
    await employee({ departmentId: child.id });
    await employee({ departmentId: child.id });

    const list = await call(member, 'GET', '/departments');
    const read = await call(member, 'GET', `/departments/${grandchild.id}`);

    expect(list.status).toBe(200);
    const items = list.body.items as {
      id: string;
      path: string[];
      employeeCount: number;
      parentId: string;
    }[];
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(grandchild.id)).toMatchObject({
      parentId: child.id,
      path: [root.name, child.name, grandchild.name],
      employeeCount: 0,
    });
    expect(byId.get(child.id)?.employeeCount).toBe(2);
    // Parents before children, so a client builds the tree in one pass.
    const order = items.map((item) => item.id);
    expect(order.indexOf(root.id)).toBeLessThan(order.indexOf(child.id));
    expect(order.indexOf(child.id)).toBeLessThan(order.indexOf(grandchild.id));
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body.path).toHaveLength(3);
  });

  it('refuses bad input with 400s', async () => {
    const responses = await Promise.all([
      call(hr, 'POST', '/departments', {}),
      call(hr, 'POST', '/departments', { name: '' }),
      call(hr, 'POST', '/departments', { name: 'x'.repeat(101) }),
      call(hr, 'POST', '/departments', { name: 'Ok', code: 'has space' }),
      call(hr, 'POST', '/departments', { name: 'Ok', parentId: 'not-a-uuid' }),
      call(hr, 'POST', '/departments', { name: 'Ok', extra: true }),
      call(hr, 'GET', '/departments/not-a-uuid'),
    ]);

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
  });

  it('refuses a name or code another department has, in any case, with a 409 naming it', async () => {
    const code = `C${randomUUID().slice(0, 6)}`;
    const first = await department({ name: unique('Legal'), code });
    const other = await department({ name: unique('Other') });

    const sameName = await call(hr, 'POST', '/departments', { name: first.name.toUpperCase() });
    const sameCode = await call(hr, 'POST', '/departments', {
      name: unique('Legal 2'),
      code: code.toLowerCase(),
    });
    const byPatch = await call(hr, 'PATCH', `/departments/${other.id}`, { name: first.name, version: 1 });

    expect(sameName.status).toBe(409);
    expect(sameName.body.code).toBe('department_name_taken');
    expect(sameName.body.detail).toContain(first.id);
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.code).toBe('department_code_taken');
    expect(byPatch.status).toBe(409);
    expect(byPatch.body.errors[0]).toMatchObject({ field: 'body.name', code: 'department_name_taken' });
  });

  it('refuses a parent that is the department or its descendant (422 department_cycle) and moves it elsewhere', async () => {
    const top = await department({ name: unique('Top') });
    const middle = await department({ name: unique('Middle'), parentId: top.id });
    const bottom = await department({ name: unique('Bottom'), parentId: middle.id });
    const elsewhere = await department({ name: unique('Elsewhere') });

    const indirect = await call(hr, 'PATCH', `/departments/${top.id}`, { parentId: bottom.id, version: 1 });
    const self = await call(hr, 'PATCH', `/departments/${top.id}`, { parentId: top.id, version: 1 });
    const stranger = await call(hr, 'PATCH', `/departments/${top.id}`, {
      parentId: randomUUID(),
      version: 1,
    });
    const valid = await call(hr, 'PATCH', `/departments/${middle.id}`, {
      parentId: elsewhere.id,
      version: 1,
    });

    expect(indirect.status).toBe(422);
    expect(indirect.body.code).toBe('department_cycle');
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('department_cycle');
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('parent_not_found');
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({
      parentId: elsewhere.id,
      version: 2,
      path: [elsewhere.name, middle.name],
    });
  });

  it('lets only one of two concurrent opposite moves through: the tree never gets a cycle', async () => {
    const a = await department({ name: unique('Concurrent A') });
    const b = await department({ name: unique('Concurrent B') });

    const [aUnderB, bUnderA] = await Promise.all([
      call(hr, 'PATCH', `/departments/${a.id}`, { parentId: b.id, version: 1 }),
      call(hr, 'PATCH', `/departments/${b.id}`, { parentId: a.id, version: 1 }),
    ]);

    expect([aUnderB.status, bUnderA.status].sort()).toEqual([200, 422]);
    expect([aUnderB, bUnderA].find((response) => response.status === 422)?.body.code).toBe(
      'department_cycle',
    );
    const { rows } = await platform.db.query(
      'select id, parent_id from qultrix.departments where tenant_id = $1 and id = any($2)',
      [acmeId, [a.id, b.id]],
    );
    expect(rows.filter((row) => row.parent_id !== null)).toHaveLength(1);
  });

  it('updates with optimistic concurrency (stale version or If-Match: 409) and audits the change', async () => {
    const created = await department({ name: unique('Versioned') });

    const renamed = await call(
      hr,
      'PATCH',
      `/departments/${created.id}`,
      { name: unique('Renamed') },
      { 'If-Match': '"1"' },
    );
    const stale = await call(hr, 'PATCH', `/departments/${created.id}`, {
      name: unique('Stale'),
      version: 1,
    });
    const noVersion = await call(hr, 'PATCH', `/departments/${created.id}`, { name: unique('None') });
    const stranger = await call(hr, 'PATCH', `/departments/${created.id}`, {
      headId: randomUUID(),
      version: 2,
    });

    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(noVersion.status).toBe(400);
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('head_not_found');
    const { rows } = await platform.db.query(
      `select action, details from platform.audit_log where tenant_id = $1 and target_id = $2 order by id`,
      [acmeId, created.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['department.created', 'department.updated']);
    expect(rows[1]?.details).toEqual({ changes: ['name'] });
    const events = await platform.db.query(
      `select type, envelope->'data' as data from platform.outbox
        where source = 'halooid.qultrix' and envelope->'data'->'department'->>'id' = $1
        order by created_at, id`,
      [created.id],
    );
    expect(events.rows.map((row) => row.type)).toEqual(['department.created', 'department.updated']);
    expect(events.rows[1]?.data).toMatchObject({
      changes: ['name'],
      department: { name: renamed.body.name },
    });
  });

  it('sets a current employee as head', async () => {
    const created = await department({ name: unique('Headed') });
    const head = await employee({ departmentId: created.id });

    const response = await call(hr, 'PATCH', `/departments/${created.id}`, { headId: head, version: 1 });

    expect(response.status).toBe(200);
    expect(response.body.headId).toBe(head);
  });

  it('refuses to delete a department with employees, positions or children (409), then deletes it (204, then 404)', async () => {
    const withEmployee = await department({ name: unique('Staffed') });
    await employee({ departmentId: withEmployee.id });
    const withPosition = await department({ name: unique('Positioned') });
    await call(hr, 'POST', '/positions', { title: unique('Clerk'), departmentId: withPosition.id });
    const parent = await department({ name: unique('Parent') });
    await department({ name: unique('Kid'), parentId: parent.id });
    const empty = await department({ name: unique('Empty') });

    const refused = await Promise.all(
      [withEmployee, withPosition, parent].map((target) => call(hr, 'DELETE', `/departments/${target.id}`)),
    );
    const deleted = await call(hr, 'DELETE', `/departments/${empty.id}`);
    const after = await call(hr, 'GET', `/departments/${empty.id}`);

    expect(refused.map((response) => response.status)).toEqual([409, 409, 409]);
    expect(refused.map((response) => response.body.code)).toEqual(Array(3).fill('department_in_use'));
    expect(deleted.status).toBe(204);
    expect(after.status).toBe(404);
    const { rows } = await platform.db.query(
      `select envelope->'data' as data from platform.outbox
        where type = 'department.deleted' and envelope->'data'->>'departmentId' = $1`,
      [empty.id],
    );
    expect(rows.map((row) => row.data)).toEqual([{ departmentId: empty.id, name: empty.name }]);
  });

  it("answers 404 for another tenant's department and refuses writes without org:write (403)", async () => {
    const acme = await department({ name: unique('Private') });

    const read = await platform.request('GET', `/v1/qultrix/departments/${acme.id}`, {
      headers: globexOwner.headers('globex'),
    });
    const change = await platform.request('PATCH', `/v1/qultrix/departments/${acme.id}`, {
      headers: globexOwner.headers('globex'),
      body: { name: 'Stolen', version: 1 },
    });
    const asGlobexParent = await platform.request('POST', '/v1/qultrix/departments', {
      headers: globexOwner.headers('globex'),
      body: { name: unique('Globex child'), parentId: acme.id },
    });
    const memberWrite = await call(member, 'POST', '/departments', { name: unique('Nope') });

    expect(read.status).toBe(404);
    expect(change.status).toBe(404);
    expect(asGlobexParent.status).toBe(422);
    expect(memberWrite.status).toBe(403);
  });
});

describe('positions', () => {
  it('creates, lists, changes and deletes a position; a title another has is a 409; held ones are not deleted', async () => {
    const engineering = await department({ name: unique('Engineering') });
    const created = await call(hr, 'POST', '/positions', {
      title: unique('Engineer'),
      departmentId: engineering.id,
    });
    const duplicate = await call(hr, 'POST', '/positions', { title: created.body.title.toUpperCase() });
    const badDepartment = await call(hr, 'POST', '/positions', {
      title: unique('Lost'),
      departmentId: randomUUID(),
    });
    const changed = await call(hr, 'PATCH', `/positions/${created.body.id}`, {
      departmentId: null,
      version: 1,
    });
    const list = await call(member, 'GET', '/positions');
    const held = await call(hr, 'POST', '/positions', { title: unique('Held') });
    await employee({ positionId: held.body.id });

    const refused = await call(hr, 'DELETE', `/positions/${held.body.id}`);
    const deleted = await call(hr, 'DELETE', `/positions/${created.body.id}`);
    const globex = await platform.request('GET', `/v1/qultrix/positions/${held.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(created.status).toBe(201);
    expect(created.body.departmentId).toBe(engineering.id);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('position_title_taken');
    expect(duplicate.body.detail).toContain(created.body.id);
    expect(badDepartment.status).toBe(422);
    expect(badDepartment.body.code).toBe('department_not_found');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ departmentId: null, version: 2 });
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('position_in_use');
    expect(deleted.status).toBe(204);
    expect(globex.status).toBe(404);
  });
});

describe('locations', () => {
  it('creates a location with a time zone, address and holiday calendar; an unknown zone is a 400', async () => {
    const calendar = await call(hr, 'POST', '/holiday-calendars', { name: unique('Calendar') });

    const created = await call(hr, 'POST', '/locations', {
      name: unique('Berlin'),
      timeZone: 'Europe/Berlin',
      holidayCalendarId: calendar.body.id,
      address: { line1: 'Unter den Linden 1', city: 'Berlin', country: 'DE' },
    });
    const defaults = await call(hr, 'POST', '/locations', { name: unique('Anywhere') });
    const badZone = await call(hr, 'POST', '/locations', {
      name: unique('Atlantis'),
      timeZone: 'Atlantis/Lost',
    });
    const badCountry = await call(hr, 'POST', '/locations', {
      name: unique('Nowhere'),
      address: { line1: 'x', city: 'y', country: 'Germany' },
    });
    const badCalendar = await call(hr, 'POST', '/locations', {
      name: unique('Cal'),
      holidayCalendarId: randomUUID(),
    });
    const duplicate = await call(hr, 'POST', '/locations', { name: created.body.name.toLowerCase() });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      holidayCalendarId: calendar.body.id,
      address: { city: 'Berlin', country: 'DE' },
      version: 1,
    });
    expect(defaults.body).toMatchObject({ timeZone: 'UTC', holidayCalendarId: null, address: null });
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors[0].field).toBe('body.timeZone');
    expect(badCountry.status).toBe(400);
    expect(badCalendar.status).toBe(422);
    expect(badCalendar.body.code).toBe('holiday_calendar_not_found');
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('location_name_taken');
  });

  it('changes a location with its version; deletes it only while nobody works there; 404 across tenants', async () => {
    const created = await call(hr, 'POST', '/locations', { name: unique('Lisbon') });
    const changed = await call(hr, 'PATCH', `/locations/${created.body.id}`, {
      timeZone: 'Europe/Lisbon',
      version: 1,
    });
    const stale = await call(hr, 'PATCH', `/locations/${created.body.id}`, { timeZone: 'UTC', version: 1 });
    const badZone = await call(hr, 'PATCH', `/locations/${created.body.id}`, {
      timeZone: 'Mars/Base',
      version: 2,
    });
    const staffed = await call(hr, 'POST', '/locations', { name: unique('Staffed') });
    await employee({ locationId: staffed.body.id });

    const refused = await call(hr, 'DELETE', `/locations/${staffed.body.id}`);
    const globex = await platform.request('DELETE', `/v1/qultrix/locations/${created.body.id}`, {
      headers: globexOwner.headers('globex'),
    });
    const deleted = await call(hr, 'DELETE', `/locations/${created.body.id}`);

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ timeZone: 'Europe/Lisbon', version: 2 });
    expect(stale.status).toBe(409);
    expect(badZone.status).toBe(400);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('location_in_use');
    expect(globex.status).toBe(404);
    expect(deleted.status).toBe(204);
  });
});
