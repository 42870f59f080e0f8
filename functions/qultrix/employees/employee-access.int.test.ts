import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Row scope and self-service through the local gateway: `qultrix:employee:read`
 * sees the caller's own record and their reports, `:write` changes only the
 * caller's own contact fields, `:admin` (HR) sees and changes everything.
 *
 *   Boss (member@)        Outsider (no user)
 *    └─ Mid (viewer@)
 *        └─ Leaf (employee@)
 */
let platform: TestPlatform;
let hr: Session;
let member: Session;
let viewer: Session;
let employee: Session;
let owner: Session;
const tree = { boss: '', mid: '', leaf: '', outsider: '' };

const create = (body: Record<string, unknown>) =>
  platform.request('POST', '/v1/qultrix/employees', { headers: hr.headers('acme'), body });
const headersOf = (as: Session | Record<string, string>): Record<string, string> =>
  typeof as.headers === 'function' ? as.headers('acme') : (as as Record<string, string>);
const get = (as: Session | Record<string, string>, path: string) =>
  platform.request('GET', path, { headers: headersOf(as) });
const patch = (as: Session, id: string, body: Record<string, unknown>) =>
  platform.request('PATCH', `/v1/qultrix/employees/${id}`, { headers: as.headers('acme'), body });
const listed = async (as: Session | Record<string, string>) => {
  const response = await get(as, '/v1/qultrix/employees?limit=100');
  expect(response.status).toBe(200);
  return response.body.items.map((item: { id: string }) => item.id).sort();
};
const person = (given: string, extra: Record<string, unknown> = {}) => ({
  legalName: { given, family: 'Scope' },
  hireDate: '2026-01-05',
  status: 'active',
  ...extra,
});
async function apiKey(scopes: string[]): Promise<Record<string, string>> {
  const response = await platform.request('POST', '/v1/api-keys', {
    headers: owner.headers('acme'),
    body: { name: `scope ${scopes.join(' ')}`, scopes },
  });
  expect(response.status).toBe(201);
  return { authorization: `ApiKey ${response.body.key}` };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, member, viewer, employee, owner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('employee@acme.example'),
    platform.login('owner@acme.example'),
  ]);
  tree.boss = (await create(person('Boss', { userId: member.userId }))).body.id;
  tree.mid = (await create(person('Mid', { userId: viewer.userId, managerId: tree.boss }))).body.id;
  tree.leaf = (await create(person('Leaf', { userId: employee.userId, managerId: tree.mid }))).body.id;
  tree.outsider = (await create(person('Outsider'))).body.id;
});

afterAll(async () => {
  await platform?.stop();
});

describe('employee row scope', () => {
  it('a manager sees their own record and their direct and indirect reports, and nobody else', async () => {
    const mine = await listed(member);
    const leaf = await get(member, `/v1/qultrix/employees/${tree.leaf}`);
    const outsider = await get(member, `/v1/qultrix/employees/${tree.outsider}`);
    const searched = await get(member, '/v1/qultrix/employees?q=outsider');

    expect(mine).toEqual([tree.boss, tree.mid, tree.leaf].sort());
    expect(leaf.status).toBe(200);
    expect(leaf.body.legalName.given).toBe('Leaf');
    expect(outsider.status).toBe(404);
    expect(searched.body.items).toEqual([]);
  });

  it('a middle manager sees down, never up; an employee sees only their own record', async () => {
    expect(await listed(viewer)).toEqual([tree.mid, tree.leaf].sort());
    expect((await get(viewer, `/v1/qultrix/employees/${tree.boss}`)).status).toBe(404);
    expect(await listed(employee)).toEqual([tree.leaf]);
    expect((await get(employee, `/v1/qultrix/employees/${tree.mid}`)).status).toBe(404);
  });

  it('HR (qultrix:employee:admin) sees every record', async () => {
    const all = await listed(hr);

    expect(all).toEqual(expect.arrayContaining(Object.values(tree)));
    expect((await get(hr, `/v1/qultrix/employees/${tree.outsider}`)).status).toBe(200);
  });

  it('GET /employees/me is the caller’s own record, or 404 not_an_employee', async () => {
    const mine = await get(employee, '/v1/qultrix/employees/me');
    const none = await get(owner, '/v1/qultrix/employees/me');

    expect(mine.status).toBe(200);
    expect(mine.body.id).toBe(tree.leaf);
    expect(mine.headers.get('etag')).toBe(`"${mine.body.version}"`);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('not_an_employee');
  });

  it('an API key sees no record with :read alone (it has no record of its own) and every one with :admin', async () => {
    const reader = await apiKey(['qultrix:employee:read']);
    const admin = await apiKey(['qultrix:employee:read', 'qultrix:employee:admin']);

    expect(await listed(reader)).toEqual([]);
    expect((await get(reader, `/v1/qultrix/employees/${tree.leaf}`)).status).toBe(404);
    expect((await get(reader, '/v1/qultrix/employees/me')).status).toBe(404);
    expect(await listed(admin)).toEqual(expect.arrayContaining(Object.values(tree)));
  });
});

describe('employee self-service', () => {
  it('an employee changes their own phone and emergency contacts', async () => {
    const before = await get(employee, '/v1/qultrix/employees/me');

    const changed = await patch(employee, tree.leaf, {
      phones: [{ type: 'mobile', number: '+49 30 1234567' }],
      emergencyContacts: [{ name: 'Erin Employee', phone: '+49 30 7654321' }],
      version: before.body.version,
    });

    expect(changed.status).toBe(200);
    expect(changed.body.phones).toEqual([{ type: 'mobile', number: '+49 30 1234567' }]);
    const { rows } = await platform.db.query(
      `select details from platform.audit_log where target_id = $1 and action = 'employee.updated'`,
      [tree.leaf],
    );
    expect(rows.at(-1)?.details).toEqual({ changes: ['phones', 'emergencyContacts'] });
  });

  it('an employee cannot change their manager or job: 403 naming each such field, nothing written', async () => {
    const before = await get(employee, '/v1/qultrix/employees/me');

    const refused = await patch(employee, tree.leaf, {
      managerId: tree.boss,
      hoursPerDay: '6',
      phones: [],
      version: before.body.version,
    });
    const after = await get(employee, '/v1/qultrix/employees/me');

    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('self_service_only');
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.managerId',
      'body.hoursPerDay',
    ]);
    expect(after.body).toEqual(before.body);
  });

  it('sending an unchanged HR field back with a contact change is accepted (changed fields are judged)', async () => {
    const before = await get(employee, '/v1/qultrix/employees/me');

    const changed = await patch(employee, tree.leaf, {
      managerId: tree.mid,
      preferredName: 'Lee',
      version: before.body.version,
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ preferredName: 'Lee', managerId: tree.mid });
  });

  it("a manager cannot change a report's record (403); a record outside the scope is a 404", async () => {
    const report = await patch(member, tree.leaf, { preferredName: 'Boss says', version: 1 });
    const outside = await patch(member, tree.outsider, { preferredName: 'Nope', version: 1 });

    expect(report.status).toBe(403);
    expect(report.body.code).toBe('not_own_record');
    expect(outside.status).toBe(404);
  });

  it('only HR creates employees and sets the numbering', async () => {
    const byMember = await platform.request('POST', '/v1/qultrix/employees', {
      headers: member.headers('acme'),
      body: person('Self', {}),
    });
    const numbering = await platform.request('PUT', '/v1/qultrix/employee-numbering', {
      headers: employee.headers('acme'),
      body: { prefix: 'X-', digits: 3 },
    });
    const current = await get(hr, `/v1/qultrix/employees/${tree.leaf}`);
    const byHr = await patch(hr, tree.leaf, { hoursPerDay: '6', version: current.body.version });

    expect(byMember.status).toBe(403);
    expect(numbering.status).toBe(403);
    expect(byHr.status).toBe(200);
    expect(byHr.body.hoursPerDay).toBe('6');
  });
});
