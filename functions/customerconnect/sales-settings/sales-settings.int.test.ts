import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let sales: Session;
let rep: Session;
let viewer: Session;
let globexOwner: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, sales, rep, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const call = (as: Session, method: string, path: string, body?: unknown) =>
  platform.request(method, `/v1/customerconnect${path}`, { headers: as.headers('acme'), body });
const ALL = { company: 'all', contact: 'all', lead: 'all', opportunity: 'all' };

describe('CRM settings', () => {
  it('starts at all/version 1, changes with the version, and 409s a stale one', async () => {
    const start = await call(sales, 'GET', '/settings');
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ visibility: ALL, version: 1 });

    const changed = await call(admin, 'PUT', '/settings', {
      version: 1,
      visibility: { ...ALL, lead: 'team' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ visibility: { ...ALL, lead: 'team' }, version: 2 });
    expect(changed.headers.get('etag')).toBe('"2"');
    const stale = await call(admin, 'PUT', '/settings', { version: 1, visibility: ALL });
    expect(stale.status).toBe(409);
    const partial = await call(admin, 'PUT', '/settings', { version: 2, visibility: { company: 'own' } });
    expect(partial.status).toBe(400);
    const badMode = await call(admin, 'PUT', '/settings', {
      version: 2,
      visibility: { ...ALL, lead: 'mine' },
    });
    expect(badMode.status).toBe(400);
    const back = await call(admin, 'PUT', '/settings', { version: 2, visibility: ALL });
    expect(back.status).toBe(200);

    const audit = await platform.db.query(
      `select count(*)::int as n from platform.audit_log where tenant_id = $1 and action = 'customerconnect.settings.changed'`,
      [acmeId],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('applies visibility on the next request: own hides other reps’ companies', async () => {
    // Companies owned by each rep, written directly (the companies routes are another capability's).
    const [sofias, ravis] = [randomUUID(), randomUUID()];
    await platform.db.query(
      `insert into customerconnect.companies (tenant_id, id, name, owner_id, created_by)
       values ($1, $2, 'Sofia Corp', $3, $3), ($1, $4, 'Ravi Ltd', $5, $5)`,
      [acmeId, sofias, sales.userId, ravis, rep.userId],
    );
    const namesFor = async (as: Session) => {
      const response = await call(as, 'GET', '/companies?limit=100');
      expect(response.status).toBe(200);
      return response.body.items.map((company: { name: string }) => company.name);
    };
    expect(await namesFor(sales)).toEqual(expect.arrayContaining(['Sofia Corp', 'Ravi Ltd']));

    const current = await call(admin, 'GET', '/settings');
    const own = await call(admin, 'PUT', '/settings', {
      version: current.body.version,
      visibility: { ...ALL, company: 'own' },
    });
    expect(own.status).toBe(200);
    const seen = await namesFor(sales);
    expect(seen).toContain('Sofia Corp');
    expect(seen).not.toContain('Ravi Ltd');
    expect(await namesFor(admin)).toEqual(expect.arrayContaining(['Sofia Corp', 'Ravi Ltd']));
    const hidden = await call(sales, 'GET', `/companies/${ravis}`);
    expect(hidden.status).toBe(404);

    // A team with Sofia as its manager: she sees Ravi's records again.
    const team = await call(admin, 'POST', '/teams', { name: 'Visibility North' });
    await call(admin, 'PUT', `/teams/${team.body.id}/members/${rep.userId}`, { role: 'rep' });
    await call(admin, 'PUT', `/teams/${team.body.id}/members/${sales.userId}`, { role: 'manager' });
    expect(await namesFor(sales)).toEqual(expect.arrayContaining(['Sofia Corp', 'Ravi Ltd']));
    expect(await namesFor(rep)).not.toContain('Sofia Corp');

    await call(admin, 'DELETE', `/teams/${team.body.id}`);
    const reset = await call(admin, 'GET', '/settings');
    await call(admin, 'PUT', '/settings', { version: reset.body.version, visibility: ALL });
  });

  it('answers 403 to sales reps and viewers on admin routes', async () => {
    for (const as of [sales, viewer]) {
      expect((await call(as, 'PUT', '/settings', { version: 1, visibility: ALL })).status).toBe(403);
      expect((await call(as, 'POST', '/teams', { name: 'Mine' })).status).toBe(403);
    }
    const team = await call(admin, 'POST', '/teams', { name: 'Guarded' });
    expect((await call(sales, 'PUT', `/teams/${team.body.id}/members/${sales.userId}`, {})).status).toBe(403);
    expect((await call(sales, 'DELETE', `/teams/${team.body.id}`)).status).toBe(403);
    expect((await call(sales, 'GET', `/teams/${team.body.id}`)).status).toBe(200);
  });
});

describe('teams', () => {
  it('creates, renames, and manages members with roles', async () => {
    const created = await call(admin, 'POST', '/teams', { name: 'EMEA Sales', territories: ['UK', 'DE'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'EMEA Sales',
      territories: ['UK', 'DE'],
      members: [],
      version: 1,
    });
    const id = created.body.id as string;
    expect((await call(admin, 'POST', '/teams', { name: 'emea sales' })).status).toBe(409);

    const added = await call(admin, 'PUT', `/teams/${id}/members/${rep.userId}`, { role: 'rep' });
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([
      { userId: rep.userId, role: 'rep', joinedAt: expect.stringMatching(/Z$/) },
    ]);
    const promoted = await call(admin, 'PUT', `/teams/${id}/members/${sales.userId}`, { role: 'manager' });
    expect(promoted.body.members.map((member: { role: string }) => member.role).sort()).toEqual([
      'manager',
      'rep',
    ]);

    const outsider = await call(admin, 'PUT', `/teams/${id}/members/${globexOwner.userId}`, { role: 'rep' });
    expect(outsider.status).toBe(422);
    expect(outsider.body.code).toBe('not_a_member');
    const nobody = await call(admin, 'PUT', `/teams/${id}/members/${randomUUID()}`, {});
    expect(nobody.status).toBe(422);

    const renamed = await call(admin, 'PATCH', `/teams/${id}`, {
      version: promoted.body.version,
      name: 'EMEA',
      territories: ['UK'],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'EMEA', territories: ['UK'] });
    expect((await call(admin, 'PATCH', `/teams/${id}`, { version: 1, name: 'Old' })).status).toBe(409);

    expect((await call(admin, 'DELETE', `/teams/${id}/members/${rep.userId}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/teams/${id}/members/${rep.userId}`)).status).toBe(404);
    const list = await call(sales, 'GET', '/teams?limit=100');
    const listed = list.body.items.find((team: { id: string }) => team.id === id);
    expect(listed.members).toEqual([expect.objectContaining({ userId: sales.userId, role: 'manager' })]);

    const foreign = await platform.request('GET', `/v1/customerconnect/teams/${id}`, {
      headers: globexOwner.headers('globex'),
    });
    expect(foreign.status).toBe(404);
  });

  it('keeps a team an assignment rule routes to (409) and deletes it with its members otherwise', async () => {
    const team = await call(admin, 'POST', '/teams', { name: 'Routed' });
    const id = team.body.id as string;
    await call(admin, 'PUT', `/teams/${id}/members/${rep.userId}`, {});
    const ruleId = randomUUID();
    await platform.db.query(
      `insert into customerconnect.assignment_rules (tenant_id, id, name, kind, team_id) values ($1, $2, 'RR', 'round_robin', $3)`,
      [acmeId, ruleId, id],
    );
    const refused = await call(admin, 'DELETE', `/teams/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('team_in_use');
    await platform.db.query('delete from customerconnect.assignment_rules where tenant_id = $1 and id = $2', [
      acmeId,
      ruleId,
    ]);
    expect((await call(admin, 'DELETE', `/teams/${id}`)).status).toBe(204);
    const members = await platform.db.query(
      'select 1 from customerconnect.team_members where tenant_id = $1 and team_id = $2',
      [acmeId, id],
    );
    expect(members.rowCount).toBe(0);
    expect((await call(admin, 'GET', `/teams/${id}`)).status).toBe(404);
  });
});

describe('saved views', () => {
  it('lists own and shared views; only the owner or an admin edits', async () => {
    const mine = await call(sales, 'POST', '/saved-views', {
      object: 'lead',
      name: 'My hot leads',
      query: { status: 'new', custom: 'tier:gold', sort: '-createdAt' },
    });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      object: 'lead',
      ownerId: sales.userId,
      shared: false,
      query: { status: 'new', custom: 'tier:gold', sort: '-createdAt' },
      version: 1,
    });
    const shared = await call(sales, 'POST', '/saved-views', {
      object: 'company',
      name: 'Big accounts',
      shared: true,
    });
    expect(shared.status).toBe(201);

    const names = async (as: Session, query = '') =>
      (await call(as, 'GET', `/saved-views?limit=100${query}`)).body.items.map(
        (view: { name: string }) => view.name,
      );
    expect(await names(sales)).toEqual(expect.arrayContaining(['My hot leads', 'Big accounts']));
    expect(await names(rep)).toContain('Big accounts');
    expect(await names(rep)).not.toContain('My hot leads');
    expect(await names(sales, '&object=company')).not.toContain('My hot leads');
    expect((await call(rep, 'GET', `/saved-views/${mine.body.id}`)).status).toBe(404);

    expect(
      (await call(rep, 'PATCH', `/saved-views/${shared.body.id}`, { version: 1, name: 'Taken' })).status,
    ).toBe(403);
    expect((await call(rep, 'DELETE', `/saved-views/${shared.body.id}`)).status).toBe(403);
    const byOwner = await call(sales, 'PATCH', `/saved-views/${mine.body.id}`, {
      version: 1,
      query: { status: 'contacted' },
      shared: true,
    });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toMatchObject({ version: 2, shared: true, query: { status: 'contacted' } });
    expect(
      (await call(sales, 'PATCH', `/saved-views/${mine.body.id}`, { version: 1, name: 'x' })).status,
    ).toBe(409);
    const byAdmin = await call(admin, 'PATCH', `/saved-views/${shared.body.id}`, {
      version: 1,
      name: 'Key accounts',
    });
    expect(byAdmin.status).toBe(200);
    expect((await call(admin, 'DELETE', `/saved-views/${mine.body.id}`)).status).toBe(204);
    expect((await call(sales, 'GET', `/saved-views/${mine.body.id}`)).status).toBe(404);
  });

  it('refuses query values that are not strings and unknown body fields', async () => {
    const nonString = await call(sales, 'POST', '/saved-views', {
      object: 'lead',
      name: 'x',
      query: { limit: 5 },
    });
    expect(nonString.status).toBe(400);
    const extra = await call(sales, 'POST', '/saved-views', {
      object: 'lead',
      name: 'x',
      owner: admin.userId,
    });
    expect(extra.status).toBe(400);
  });
});
