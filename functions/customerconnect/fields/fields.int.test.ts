import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let sales: Session;
let viewer: Session;
let globexOwner: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, sales, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const BASE = '/v1/customerconnect/fields';
const create = (as: Session, body: Record<string, unknown>) =>
  platform.request('POST', BASE, { headers: as.headers('acme'), body });
const patch = (as: Session, id: string, body: Record<string, unknown>) =>
  platform.request('PATCH', `${BASE}/${id}`, { headers: as.headers('acme'), body });
const fieldsVersion = async () =>
  (
    await platform.db.query<{ fields_version: number }>(
      'select fields_version from customerconnect.settings where tenant_id = $1',
      [acmeId],
    )
  ).rows[0]?.fields_version ?? 0;

describe('custom field definitions', () => {
  it('lets an admin define a field, bumps the definitions version and audits it', async () => {
    const before = await fieldsVersion();
    const response = await create(admin, {
      object: 'company',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver'],
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${BASE}/${response.body.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({
      object: 'company',
      key: 'tier',
      type: 'select',
      options: ['gold', 'silver'],
      required: false,
      archived: false,
      version: 1,
    });
    expect(await fieldsVersion()).toBe(before + 1);
    const audit = await platform.db.query(
      `select action from platform.audit_log where tenant_id = $1 and target_id = $2`,
      [acmeId, response.body.id],
    );
    expect(audit.rows).toEqual([{ action: 'customerconnect.field.created' }]);

    const list = await platform.request('GET', `${BASE}?object=company&limit=100`, {
      headers: sales.headers('acme'),
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((field: { key: string }) => field.key)).toContain('tier');
  });

  it('refuses bad definitions with 400, a taken key with 409', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ object: 'company', key: 'Bad-Key', label: 'x', type: 'text' }, 'body.key'],
      [{ object: 'company', key: 'kind', label: 'x', type: 'select' }, 'body.options'],
      [{ object: 'company', key: 'kind', label: 'x', type: 'select', options: [] }, 'body.options'],
      [{ object: 'company', key: 'kind', label: 'x', type: 'select', options: ['a', 'a'] }, 'body.options'],
      [{ object: 'company', key: 'kind', label: 'x', type: 'number', options: ['a'] }, 'body.options'],
      [{ object: 'company', key: 'kind', label: 'x', type: 'colour' }, 'body.type'],
      [{ object: 'task', key: 'kind', label: 'x', type: 'text' }, 'body.object'],
    ];
    for (const [body, field] of cases) {
      const response = await create(admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    await create(admin, { object: 'lead', key: 'budget', label: 'Budget', type: 'currency' });
    const again = await create(admin, { object: 'lead', key: 'budget', label: 'Budget 2', type: 'number' });
    expect(again.status).toBe(409);
    const otherObject = await create(admin, {
      object: 'contact',
      key: 'budget',
      label: 'Budget',
      type: 'number',
    });
    expect(otherObject.status).toBe(201);
  });

  it('keeps key and type fixed, checks versions, and refuses removing an option in use with its count', async () => {
    const field = await create(admin, {
      object: 'contact',
      key: 'interests',
      label: 'Interests',
      type: 'multi_select',
      options: ['golf', 'sailing', 'chess'],
    });
    const id = field.body.id as string;
    const fixed = await patch(admin, id, { version: 1, type: 'text' });
    expect(fixed.status).toBe(400);
    const renamedKey = await patch(admin, id, { version: 1, key: 'hobbies' });
    expect(renamedKey.status).toBe(400);

    const contactId = '0195e0a0-0000-7000-8000-00000000c001';
    await platform.db.query(
      `insert into customerconnect.contacts (tenant_id, id, last_name, custom) values ($1, $2, 'Ng', $3)`,
      [acmeId, contactId, JSON.stringify({ interests: ['golf', 'chess'] })],
    );
    const inUse = await patch(admin, id, { version: 1, options: ['sailing', 'chess'] });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('option_in_use');
    expect(inUse.body.detail).toContain('"golf" (1)');

    const renamed = await patch(admin, id, {
      version: 1,
      options: ['golf', 'chess', 'tennis'],
      label: 'Hobbies',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      version: 2,
      label: 'Hobbies',
      options: ['golf', 'chess', 'tennis'],
    });
    const stale = await patch(admin, id, { version: 1, required: true });
    expect(stale.status).toBe(409);
    const ifMatch = await platform.request('PATCH', `${BASE}/${id}`, {
      headers: { ...admin.headers('acme'), 'If-Match': '"2"' },
      body: { position: 7 },
    });
    expect(ifMatch.status).toBe(200);
    expect(ifMatch.body.position).toBe(7);
  });

  it('archives on DELETE (hidden from the list, key reserved) and restores with PATCH', async () => {
    const field = await create(admin, {
      object: 'opportunity',
      key: 'legacyCode',
      label: 'Legacy',
      type: 'text',
    });
    const id = field.body.id as string;
    const removed = await platform.request('DELETE', `${BASE}/${id}`, { headers: admin.headers('acme') });
    expect(removed.status).toBe(204);
    const again = await platform.request('DELETE', `${BASE}/${id}`, { headers: admin.headers('acme') });
    expect(again.status).toBe(204);
    const keys = async (query: string) =>
      (
        await platform.request('GET', `${BASE}?object=opportunity&limit=100${query}`, {
          headers: admin.headers('acme'),
        })
      ).body.items.map((item: { key: string }) => item.key);
    expect(await keys('')).not.toContain('legacyCode');
    expect(await keys('&archived=true')).toContain('legacyCode');
    expect(
      (await create(admin, { object: 'opportunity', key: 'legacyCode', label: 'L', type: 'text' })).status,
    ).toBe(409);
    const restored = await patch(admin, id, { version: 2, archived: false });
    expect(restored.status).toBe(200);
    expect(await keys('')).toContain('legacyCode');
  });

  it('validates record writes with the definitions of the moment: a new option works on the next request', async () => {
    const field = await create(admin, {
      object: 'company',
      key: 'segment',
      label: 'Segment',
      type: 'select',
      options: ['smb', 'mid'],
    });
    expect(field.status).toBe(201);
    const company = (custom: Record<string, unknown>) =>
      platform.request('POST', '/v1/customerconnect/companies', {
        headers: sales.headers('acme'),
        body: { name: `Segmented ${Math.random()}`, custom },
      });

    const outside = await company({ segment: 'enterprise' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'body.custom.segment' })]);
    const unknown = await company({ sgement: 'smb' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'body.custom.sgement', code: 'unknown_field' }),
    ]);

    const widened = await patch(admin, field.body.id, { version: 1, options: ['smb', 'mid', 'enterprise'] });
    expect(widened.status).toBe(200);
    const inside = await company({ segment: 'enterprise' });
    expect(inside.status).toBe(201);
    expect(inside.body.custom).toEqual({ segment: 'enterprise' });

    // Now a record holds "enterprise": removing it is refused, naming the count.
    const narrowed = await patch(admin, field.body.id, { version: 2, options: ['smb', 'mid'] });
    expect(narrowed.status).toBe(409);
    expect(narrowed.body.detail).toContain('"enterprise" (1)');

    const archived = await platform.request('DELETE', `${BASE}/${field.body.id}`, {
      headers: admin.headers('acme'),
    });
    expect(archived.status).toBe(204);
    const afterArchive = await company({ segment: 'smb' });
    expect(afterArchive.status).toBe(400);
  });

  it('limits a tenant to 100 active fields per object (422)', async () => {
    await platform.db.query(
      `insert into customerconnect.field_definitions (tenant_id, id, object, key, label, type, position)
       select $1, gen_random_uuid(), 'lead', 'bulk' || n, 'Bulk ' || n, 'text', 100 + n from generate_series(1, 99) n`,
      [acmeId],
    );
    const over = await create(admin, { object: 'lead', key: 'oneTooMany', label: 'x', type: 'text' });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('too_many_fields');
  });

  it('answers 403 to a sales rep and a viewer on admin routes, 404 across tenants', async () => {
    for (const as of [sales, viewer]) {
      const response = await create(as, { object: 'company', key: 'mine', label: 'Mine', type: 'text' });
      expect(response.status).toBe(403);
    }
    const field = await create(admin, { object: 'company', key: 'region', label: 'Region', type: 'text' });
    const salesPatch = await patch(sales, field.body.id, { version: 1, label: 'R' });
    expect(salesPatch.status).toBe(403);
    const salesDelete = await platform.request('DELETE', `${BASE}/${field.body.id}`, {
      headers: sales.headers('acme'),
    });
    expect(salesDelete.status).toBe(403);
    const read = await platform.request('GET', `${BASE}/${field.body.id}`, {
      headers: sales.headers('acme'),
    });
    expect(read.status).toBe(200);
    const otherTenant = await platform.request('GET', `${BASE}/${field.body.id}`, {
      headers: globexOwner.headers('globex'),
    });
    expect(otherTenant.status).toBe(404);
  });
});
