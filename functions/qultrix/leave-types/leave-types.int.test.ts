import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let hr: Session;
let employee: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, employee, viewer, globexOwner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('employee@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const path = '/v1/qultrix/leave-types';
// Unique per run: demo data may hold types with the usual names.
const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;
const create = (as: Session, body: Record<string, unknown>, tenant = 'acme') =>
  platform.request('POST', path, { headers: as.headers(tenant), body });

describe('leave types', () => {
  it('creates a type with defaults, Location and ETag, and reads it back', async () => {
    const name = unique('Annual leave');

    const response = await create(hr, { name, kind: 'annual', attachmentAfterDays: '3', color: '#2f80ed' });

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${path}/${response.body.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({
      name,
      kind: 'annual',
      paid: true,
      unit: 'days',
      attachmentAfterDays: '3',
      approval: 'manager',
      tracksBalance: true,
      color: '#2f80ed',
      archived: false,
      version: 1,
    });
    const read = await platform.request('GET', `${path}/${response.body.id}`, {
      headers: employee.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
    const audit = await platform.db.query(
      `select action from platform.audit_log where target_id = $1 and action = 'leave_type.created'`,
      [response.body.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('does not limit unpaid leave by a balance unless told to', async () => {
    const response = await create(hr, { name: unique('Unpaid'), kind: 'unpaid', paid: false });

    expect(response.status).toBe(201);
    expect(response.body.tracksBalance).toBe(false);
  });

  it('refuses a second type of the same name, whatever the case (409)', async () => {
    const name = unique('Sick leave');
    expect((await create(hr, { name, kind: 'sick' })).status).toBe(201);

    const duplicate = await create(hr, { name: name.toUpperCase(), kind: 'sick' });

    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('name_taken');
  });

  it('answers bad bodies with 400 naming the field', async () => {
    const responses = await Promise.all([
      create(hr, { name: unique('Bad'), kind: 'holiday' }),
      create(hr, { name: 'x'.repeat(61), kind: 'custom' }),
      create(hr, { name: unique('Bad'), kind: 'custom', color: 'red' }),
      create(hr, { name: unique('Bad'), kind: 'custom', attachmentAfterDays: '1.25' }),
      create(hr, { name: unique('Bad'), kind: 'custom', surprise: true }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400]);
    expect(responses[0]?.body.errors[0].field).toBe('body.kind');
  });

  it('lets employees read but not write types; viewers neither', async () => {
    expect((await platform.request('GET', path, { headers: employee.headers('acme') })).status).toBe(200);
    expect((await create(employee, { name: unique('Mine'), kind: 'custom' })).status).toBe(403);
    expect((await platform.request('GET', path, { headers: viewer.headers('acme') })).status).toBe(403);
  });

  it('lists by name, pages with a cursor and filters archived ones', async () => {
    const prefix = unique('Zz list');
    const [first, second] = [
      await create(hr, { name: `${prefix} a`, kind: 'custom' }),
      await create(hr, { name: `${prefix} b`, kind: 'custom' }),
    ];
    await platform.request('PATCH', `${path}/${second.body.id}`, {
      headers: hr.headers('acme'),
      body: { version: 1, archived: true },
    });

    const current = await platform.request('GET', `${path}?archived=false&limit=100`, {
      headers: hr.headers('acme'),
    });
    const archived = await platform.request('GET', `${path}?archived=true&limit=100`, {
      headers: hr.headers('acme'),
    });
    const page = await platform.request('GET', `${path}?limit=1`, { headers: hr.headers('acme') });
    const next = await platform.request('GET', `${path}?limit=1&cursor=${page.body.nextCursor}`, {
      headers: hr.headers('acme'),
    });

    const ids = (response: { body: { items: { id: string }[] } }) =>
      response.body.items.map((item) => item.id);
    expect(ids(current)).toContain(first.body.id);
    expect(ids(current)).not.toContain(second.body.id);
    expect(ids(archived)).toContain(second.body.id);
    expect(page.body.items).toHaveLength(1);
    expect(next.status).toBe(200);
    expect(ids(next)).not.toContain(page.body.items[0].id);
  });

  it('changes a type with its version, and refuses a stale one (409)', async () => {
    const created = await create(hr, { name: unique('Study'), kind: 'custom' });
    const url = `${path}/${created.body.id}`;

    const changed = await platform.request('PATCH', url, {
      headers: { ...hr.headers('acme'), 'if-match': '"1"' },
      body: { approval: 'manager_then_hr', unit: 'hours' },
    });
    const stale = await platform.request('PATCH', url, {
      headers: hr.headers('acme'),
      body: { version: 1, paid: false },
    });
    const empty = await platform.request('PATCH', url, { headers: hr.headers('acme'), body: { version: 2 } });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ approval: 'manager_then_hr', unit: 'hours', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(empty.status).toBe(400);
  });

  it('deletes an unused type, but a used one only archives (409 leave_type_in_use)', async () => {
    const unused = await create(hr, { name: unique('Unused'), kind: 'custom' });
    const used = await create(hr, { name: unique('Used'), kind: 'annual' });
    const policy = await platform.request('POST', '/v1/qultrix/leave-policies', {
      headers: hr.headers('acme'),
      body: { leaveTypeId: used.body.id, name: 'Standard', yearlyEntitlement: '25' },
    });
    expect(policy.status).toBe(201);

    const deleted = await platform.request('DELETE', `${path}/${unused.body.id}`, {
      headers: hr.headers('acme'),
    });
    const refused = await platform.request('DELETE', `${path}/${used.body.id}`, {
      headers: hr.headers('acme'),
    });

    expect(deleted.status).toBe(204);
    expect(
      (await platform.request('GET', `${path}/${unused.body.id}`, { headers: hr.headers('acme') })).status,
    ).toBe(404);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('leave_type_in_use');
    const unit = await platform.request('PATCH', `${path}/${used.body.id}`, {
      headers: hr.headers('acme'),
      body: { version: 1, unit: 'hours' },
    });
    expect(unit.status).toBe(409);
    expect(unit.body.code).toBe('leave_type_in_use');
  });

  it("treats another tenant's type as missing (404)", async () => {
    const acme = await create(hr, { name: unique('Private'), kind: 'custom' });
    const url = `${path}/${acme.body.id}`;

    const responses = await Promise.all([
      platform.request('GET', url, { headers: globexOwner.headers('globex') }),
      platform.request('PATCH', url, {
        headers: globexOwner.headers('globex'),
        body: { version: 1, paid: false },
      }),
      platform.request('DELETE', url, { headers: globexOwner.headers('globex') }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
    const still = await platform.request('GET', url, { headers: hr.headers('acme') });
    expect(still.body).toMatchObject({ paid: true, version: 1 });
  });
});
