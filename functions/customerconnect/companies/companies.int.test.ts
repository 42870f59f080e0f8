import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let viewer: Session;
let owner: Session;
let sales: Session;
let rep: Session;
let globexOwner: Session;
let acmeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, viewer, owner, sales, rep, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = member.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const BASE = '/v1/customerconnect/companies';
const create = (as: Session, body: Record<string, unknown>, tenant = 'acme') =>
  platform.request('POST', BASE, { headers: as.headers(tenant), body });
const get = (as: Session, id: string) =>
  platform.request('GET', `${BASE}/${id}`, { headers: as.headers('acme') });
const list = (as: Session, query: string) =>
  platform.request('GET', `${BASE}?${query}`, { headers: as.headers('acme') });
const patch = (
  as: Session,
  id: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) => platform.request('PATCH', `${BASE}/${id}`, { headers: { ...as.headers('acme'), ...headers }, body });
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

/** A unique domain per test, so reruns against one database never collide. */
const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}.example`;

async function eventsOf(id: string) {
  const { rows } = await platform.db.query<{ type: string; data: Record<string, unknown> }>(
    `select type, envelope->'data' as data from platform.outbox
      where envelope->>'source' = 'halooid.customerconnect'
        and (envelope->'data'->'company'->>'id' = $1 or envelope->'data'->>'survivorId' = $1
             or envelope->'data'->>'mergedId' = $1)
      order by created_at, id`,
    [id],
  );
  return rows;
}

async function setCompanyVisibility(mode: 'all' | 'team' | 'own') {
  await platform.db.query(
    `insert into customerconnect.settings (tenant_id, company_visibility) values ($1, $2)
     on conflict (tenant_id) do update set company_visibility = excluded.company_visibility`,
    [acmeId, mode],
  );
}

async function defineField(key: string, type: string, options: string[] = []) {
  await platform.db.query(
    `insert into customerconnect.field_definitions (tenant_id, id, object, key, label, type, options)
     values ($1, gen_random_uuid(), 'company', $2, $2, $3, $4::jsonb)`,
    [acmeId, key, type, JSON.stringify(options)],
  );
  await platform.db.query(
    `insert into customerconnect.settings as s (tenant_id, fields_version) values ($1, 1)
     on conflict (tenant_id) do update set fields_version = s.fields_version + 1`,
    [acmeId],
  );
}

describe('companies', () => {
  it('creates a company owned by the caller, with a normalized domain, event, timeline row and audit', async () => {
    const domain = unique('first');
    const created = await create(member, {
      name: '  First company ',
      domain: `https://WWW.${domain.toUpperCase()}/about?x=1`,
      industry: 'Software',
      size: '11-50',
      tags: ['vip', 'vip', 'partner'],
      address: { city: 'Berlin', country: 'de' },
    });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${BASE}/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'First company',
      domain,
      industry: 'Software',
      size: '11-50',
      tags: ['vip', 'partner'],
      address: { city: 'Berlin', country: 'DE' },
      ownerId: member.userId,
      createdBy: member.userId,
      mergedInto: null,
      custom: {},
      version: 1,
    });
    const read = await get(viewer, created.body.id);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-location')).toBeNull();
    expect(read.body).toEqual(created.body);
    expect((await eventsOf(created.body.id)).map((event) => event.type)).toEqual(['company.created']);
    const { rows: changes } = await platform.db.query(
      'select kind, changed_by from customerconnect.record_changes where record_id = $1',
      [created.body.id],
    );
    expect(changes).toEqual([{ kind: 'created', changed_by: member.userId }]);
    const { rows: audit } = await platform.db.query(
      'select action from platform.audit_log where target_id = $1',
      [created.body.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['company.created']);
  });

  it('takes the domain from the website when none is sent; a bad domain is a 400 on body.domain', async () => {
    const domain = unique('web');
    const fromWebsite = await create(member, { name: 'Web only', website: `https://www.${domain}/home` });
    const bad = await create(member, { name: 'Bad domain', domain: 'not a domain' });

    expect(fromWebsite.status).toBe(201);
    expect(fromWebsite.body.domain).toBe(domain);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.domain');
  });

  it('answers 409 duplicate_company naming the existing company, unless force is sent', async () => {
    const domain = unique('dup');
    const first = await create(member, { name: 'Original', domain });

    const again = await create(sales, { name: 'Copy', domain: `http://${domain.toUpperCase()}/` });
    const forced = await create(sales, { name: 'Copy', domain, force: true });

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'duplicate_company', existingId: first.body.id });
    expect(forced.status).toBe(201);
    expect(forced.body.domain).toBe(domain);
    // A PATCH onto a taken domain is refused the same way.
    const other = await create(member, { name: 'Other', domain: unique('other') });
    const moved = await patch(member, other.body.id, { version: 1, domain });
    expect(moved.status).toBe(409);
    expect(moved.body.existingId).toBe(first.body.id);
  });

  it('lists newest first, searches name and domain, filters owner, industry, size and tag, sorts by name', async () => {
    const tag = `t${Math.random().toString(36).slice(2, 8)}`;
    const a = await create(member, { name: 'Alpha Zeta', industry: 'Retail', size: '1-10', tags: [tag] });
    const b = await create(sales, {
      name: 'beta',
      domain: unique('zetadomain'),
      industry: 'retail',
      tags: [tag],
    });
    const c = await create(member, { name: 'Gamma', industry: 'Energy', size: '1-10', tags: [tag] });

    const all = await list(member, `tag=${tag}&limit=100`);
    expect(all.status).toBe(200);
    expect(ids(all)).toEqual([c.body.id, b.body.id, a.body.id]);
    expect(ids(await list(member, `tag=${tag}&q=ZETA`))).toEqual([b.body.id, a.body.id]);
    expect(ids(await list(member, `tag=${tag}&ownerId=me`))).toEqual([c.body.id, a.body.id]);
    expect(ids(await list(member, `tag=${tag}&ownerId=${sales.userId}`))).toEqual([b.body.id]);
    expect(ids(await list(member, `tag=${tag}&industry=RETAIL`))).toEqual([b.body.id, a.body.id]);
    expect(ids(await list(member, `tag=${tag}&size=1-10`))).toEqual([c.body.id, a.body.id]);
    expect(ids(await list(member, `tag=${tag}&sort=name`))).toEqual([a.body.id, b.body.id, c.body.id]);
    const firstPage = await list(member, `tag=${tag}&sort=-name&limit=2`);
    const secondPage = await list(
      member,
      `tag=${tag}&sort=-name&limit=2&cursor=${firstPage.body.nextCursor}`,
    );
    expect([...ids(firstPage), ...ids(secondPage)]).toEqual([c.body.id, b.body.id, a.body.id]);
    expect(secondPage.body.nextCursor).toBeNull();
    const badSort = await list(member, 'sort=domain');
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors[0].field).toBe('query.sort');
  });

  it('updates with optimistic concurrency; timeline, event and audit name the changed fields', async () => {
    const created = await create(member, { name: 'Before', phone: '+49 30 1' });

    const stale = await patch(member, created.body.id, { version: 2, name: 'Stale' });
    const noVersion = await patch(member, created.body.id, { name: 'No version' });
    const updated = await patch(
      member,
      created.body.id,
      { name: 'After', phone: null },
      { 'If-Match': '"1"' },
    );
    const unchanged = await patch(member, created.body.id, { version: 2, name: 'After' });

    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(noVersion.status).toBe(400);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toMatchObject({ name: 'After', phone: null, version: 2 });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.version).toBe(2);
    const { rows } = await platform.db.query(
      `select changes from customerconnect.record_changes where record_id = $1 and kind = 'updated'`,
      [created.body.id],
    );
    expect(rows).toEqual([
      {
        changes: [
          { field: 'name', from: 'Before', to: 'After' },
          { field: 'phone', from: '+49 30 1', to: null },
        ],
      },
    ]);
    const events = await eventsOf(created.body.id);
    expect(events.map((event) => event.type)).toEqual(['company.created', 'company.updated']);
    expect(events[1]?.data.changes).toEqual(['name', 'phone']);
    const { rows: audit } = await platform.db.query(
      `select details from platform.audit_log where target_id = $1 and action = 'company.updated'`,
      [created.body.id],
    );
    expect(audit).toEqual([{ details: { changes: ['name', 'phone'] } }]);
  });

  it('validates, merges, filters and sorts custom fields', async () => {
    await defineField('tier', 'select', ['gold', 'silver']);
    await defineField('seats', 'number');

    const wrong = await create(member, { name: 'Wrong tier', custom: { tier: 'bronze' } });
    const unknown = await create(member, { name: 'Unknown field', custom: { nope: 1 } });
    const gold = await create(member, { name: 'Gold co', tags: ['cf'], custom: { tier: 'gold', seats: 50 } });
    const silver = await create(member, {
      name: 'Silver co',
      tags: ['cf'],
      custom: { tier: 'silver', seats: 5 },
    });

    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('body.custom.tier');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].code).toBe('unknown_field');
    expect(gold.status).toBe(201);
    expect(ids(await list(member, 'tag=cf&custom=tier:gold'))).toEqual([gold.body.id]);
    expect(ids(await list(member, 'tag=cf&custom=seats>=10'))).toEqual([gold.body.id]);
    expect(ids(await list(member, 'tag=cf&sort=custom.seats'))).toEqual([silver.body.id, gold.body.id]);
    expect(ids(await list(member, 'tag=cf&sort=-custom.tier'))).toEqual([silver.body.id, gold.body.id]);
    const badFilter = await list(member, 'custom=colour:red');
    expect(badFilter.status).toBe(400);
    // PATCH merges custom key by key; null removes one.
    const changed = await patch(member, gold.body.id, { version: 1, custom: { seats: null } });
    expect(changed.status).toBe(200);
    expect(changed.body.custom).toEqual({ tier: 'gold' });
    const { rows } = await platform.db.query(
      `select changes from customerconnect.record_changes where record_id = $1 and kind = 'updated'`,
      [gold.body.id],
    );
    expect(rows[0]?.changes).toEqual([{ field: 'custom.seats', from: 50, to: null }]);
  });

  it('merges: contacts, deals, activities and history move; the loser answers with the survivor', async () => {
    const survivor = await create(member, { name: 'Survivor', tags: ['a'], custom: {} });
    const loserDomain = unique('loser');
    const loser = await create(member, {
      name: 'Loser',
      domain: loserDomain,
      industry: 'Retail',
      tags: ['b', 'A'],
    });
    await patch(member, loser.body.id, { version: 1, phone: '+1 555' });
    const contactId = crypto.randomUUID();
    const pipelineId = crypto.randomUUID();
    const stageId = crypto.randomUUID();
    const opportunityId = crypto.randomUUID();
    const activityId = crypto.randomUUID();
    await platform.db.query(
      `insert into customerconnect.contacts (tenant_id, id, last_name, company_id, owner_id) values ($1, $2, 'Doe', $3, $4)`,
      [acmeId, contactId, loser.body.id, member.userId],
    );
    await platform.db.query(
      `insert into customerconnect.pipelines (tenant_id, id, name) values ($1, $2, $3)`,
      [acmeId, pipelineId, `Merge ${pipelineId}`],
    );
    await platform.db.query(
      `insert into customerconnect.stages (tenant_id, id, pipeline_id, name, position, probability) values ($1, $2, $3, 'New', 1, 10)`,
      [acmeId, stageId, pipelineId],
    );
    await platform.db.query(
      `insert into customerconnect.opportunities (tenant_id, id, name, pipeline_id, stage_id, company_id) values ($1, $2, 'Deal', $3, $4, $5)`,
      [acmeId, opportunityId, pipelineId, stageId, loser.body.id],
    );
    await platform.db.query(
      `insert into customerconnect.activities (tenant_id, id, type, subject) values ($1, $2, 'note', 'Hello')`,
      [acmeId, activityId],
    );
    await platform.db.query(
      `insert into customerconnect.activity_links (tenant_id, activity_id, record_type, record_id)
       values ($1, $2, 'company', $3), ($1, $2, 'company', $4)`,
      [acmeId, activityId, loser.body.id, survivor.body.id],
    );

    const merged = await platform.request('POST', `${BASE}/${survivor.body.id}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: loser.body.id },
    });

    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: survivor.body.id,
      name: 'Survivor',
      domain: loserDomain,
      industry: 'Retail',
      phone: '+1 555',
      tags: ['a', 'b'],
      version: 2,
    });
    const { rows: contacts } = await platform.db.query(
      'select company_id from customerconnect.contacts where id = $1',
      [contactId],
    );
    expect(contacts).toEqual([{ company_id: survivor.body.id }]);
    const { rows: deals } = await platform.db.query(
      'select company_id from customerconnect.opportunities where id = $1',
      [opportunityId],
    );
    expect(deals).toEqual([{ company_id: survivor.body.id }]);
    const { rows: links } = await platform.db.query(
      'select record_id from customerconnect.activity_links where activity_id = $1',
      [activityId],
    );
    expect(links).toEqual([{ record_id: survivor.body.id }]);
    const { rows: history } = await platform.db.query(
      `select kind, changes from customerconnect.record_changes where record_id = $1 order by changed_at, id`,
      [survivor.body.id],
    );
    // The survivor's own creation, the loser's creation and update, then the merge.
    expect(history.map((row) => row.kind)).toEqual(['created', 'created', 'updated', 'merged']);
    expect(history[3]?.changes).toContainEqual({ field: 'mergedId', from: null, to: loser.body.id });
    expect(history[3]?.changes).toContainEqual({ field: 'domain', from: null, to: loserDomain });

    const tombstone = await get(viewer, loser.body.id);
    expect(tombstone.status).toBe(200);
    expect(tombstone.body.id).toBe(survivor.body.id);
    expect(tombstone.headers.get('content-location')).toBe(`${BASE}/${survivor.body.id}`);
    const { rows: loserRow } = await platform.db.query(
      'select merged_into, merged_at is not null as merged from customerconnect.companies where id = $1',
      [loser.body.id],
    );
    expect(loserRow).toEqual([{ merged_into: survivor.body.id, merged: true }]);
    expect(ids(await list(member, 'limit=100'))).not.toContain(loser.body.id);
    // The tombstone no longer holds the domain: a new company with it meets the survivor.
    const dup = await create(member, { name: 'Again', domain: loserDomain });
    expect(dup.body.existingId).toBe(survivor.body.id);
    const events = await eventsOf(loser.body.id);
    expect(events.map((event) => event.type)).toContain('company.merged');
    expect(events.find((event) => event.type === 'company.merged')?.data).toEqual({
      survivorId: survivor.body.id,
      mergedId: loser.body.id,
    });

    // A tombstone cannot merge again or be merged into; nor can a company merge into itself.
    const third = await create(member, { name: 'Third' });
    const intoTombstone = await platform.request('POST', `${BASE}/${loser.body.id}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: third.body.id },
    });
    const tombstoneIn = await platform.request('POST', `${BASE}/${third.body.id}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: loser.body.id },
    });
    const self = await platform.request('POST', `${BASE}/${third.body.id}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: third.body.id },
    });
    expect(intoTombstone.status).toBe(422);
    expect(tombstoneIn.status).toBe(422);
    expect(tombstoneIn.body.code).toBe('already_merged');
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('merge_into_itself');
    // PATCH of a tombstone: change its survivor instead.
    const patched = await patch(member, loser.body.id, { version: 2, name: 'Ghost' });
    expect(patched.status).toBe(422);
  });

  it("visibility `own`: a sales rep sees only their own companies; another's is a 404 to read, change or merge", async () => {
    const salesOwn = await create(sales, { name: 'Sales own' });
    const repOwn = await create(rep, { name: 'Rep own' });
    await setCompanyVisibility('own');
    try {
      const listed = await list(sales, 'limit=100');
      expect(listed.status).toBe(200);
      expect(ids(listed)).toContain(salesOwn.body.id);
      expect(ids(listed)).not.toContain(repOwn.body.id);
      expect(listed.body.items.every((item: { ownerId: string }) => item.ownerId === sales.userId)).toBe(
        true,
      );
      expect((await get(sales, repOwn.body.id)).status).toBe(404);
      expect((await get(sales, salesOwn.body.id)).status).toBe(200);
      // A duplicate of a company sales@ cannot see is still a 409, without naming it.
      const hiddenDomain = unique('hidden');
      await patch(rep, repOwn.body.id, { version: 1, domain: hiddenDomain });
      const hiddenDup = await create(sales, { name: 'Hidden dup', domain: hiddenDomain });
      expect(hiddenDup.status).toBe(409);
      expect(hiddenDup.body.code).toBe('duplicate_company');
      expect(hiddenDup.body).not.toHaveProperty('existingId');
      expect(hiddenDup.text).not.toContain(repOwn.body.id);
      expect((await patch(sales, repOwn.body.id, { version: 2, name: 'Mine now' })).status).toBe(404);
      const merge = await platform.request('POST', `${BASE}/${salesOwn.body.id}/merge`, {
        headers: sales.headers('acme'),
        body: { mergeId: repOwn.body.id },
      });
      expect(merge.status).toBe(404);
      const exported = await platform.request('GET', `${BASE}/export`, { headers: sales.headers('acme') });
      expect(exported.status).toBe(200);
      expect(exported.text).toContain('Sales own');
      expect(exported.text).not.toContain('Rep own');
      // The Owner holds customerconnect:record:admin: every company.
      expect((await get(owner, repOwn.body.id)).status).toBe(200);
    } finally {
      await setCompanyVisibility('all');
    }
  });

  it('exports the filtered list as formula-safe CSV with owner emails', async () => {
    const tag = `x${Math.random().toString(36).slice(2, 8)}`;
    await create(member, { name: '=HYPERLINK("http://evil")', tags: [tag], industry: 'Media' });
    await create(member, { name: 'Plain export', tags: [tag, 'second'] });

    const exported = await platform.request('GET', `${BASE}/export?tag=${tag}&sort=name`, {
      headers: member.headers('acme'),
    });

    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const lines = exported.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^"name","domain","industry","size","phone","website","owner","tags",/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(lines[2]).toContain(`"${tag}; second"`);
    expect(lines[2]).toContain('"member@acme.example"');
  });

  it('imports CSV: HubSpot-style headers, dedupe by domain (skip, update, in-file), per-row report, export round trip', async () => {
    const existingDomain = unique('imp-existing');
    const newDomain = unique('imp-new');
    const existing = await create(member, { name: 'Existing import', domain: existingDomain, tags: ['old'] });
    const csv = [
      'Company Name,Company Domain Name,Number of Employees,Owner,Tags,custom.tier,Record ID',
      `New import co,https://www.${newDomain}/,42,sales@acme.example,a;b,gold,123`,
      `Existing renamed,${existingDomain},,,new,,124`,
      `New import twice,${newDomain.toUpperCase()},,,,,125`,
      'Bad size co,,lots,,,,126',
      'Bad owner co,,,nobody@acme.example,,bronze,127',
      ',,,,,,128',
    ].join('\r\n');

    const skipped = await platform.request('POST', `${BASE}/import`, {
      headers: member.headers('acme'),
      body: { csv },
    });

    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ imported: 1, updated: 0, ignoredColumns: ['Record ID'] });
    const created = await list(member, `q=${newDomain}`);
    expect(created.body.items).toEqual([
      expect.objectContaining({
        name: 'New import co',
        domain: newDomain,
        size: '11-50',
        ownerId: sales.userId,
        tags: ['a', 'b'],
        custom: { tier: 'gold' },
      }),
    ]);
    expect(skipped.body.skipped).toEqual([
      { row: 3, matchedId: existing.body.id },
      { row: 4, matchedId: created.body.items[0].id },
    ]);
    expect(skipped.body.failed.map((failure: { row: number }) => failure.row)).toEqual([5, 6, 7]);
    expect(skipped.body.failed[0].errors[0].column).toBe('Number of Employees');
    expect(skipped.body.failed[1].errors.map((error: { column: string }) => error.column).sort()).toEqual([
      'Owner',
      'custom.tier',
    ]);
    expect(skipped.body.failed[2].errors[0].column).toBe('Company Name');

    // dedupe=update as text/csv: the match changes with the non-empty cells, tags are added.
    const updated = await platform.request('POST', `${BASE}/import?dedupe=update`, {
      headers: { ...member.headers('acme'), 'content-type': 'text/csv' },
      rawBody: `name,domain,industry,tags\r\nExisting renamed,${existingDomain},Energy,new\r\n`,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ imported: 0, updated: 1, failed: [] });
    const changed = await get(member, existing.body.id);
    expect(changed.body).toMatchObject({
      name: 'Existing renamed',
      industry: 'Energy',
      tags: ['old', 'new'],
      version: 2,
    });

    // The export imports back: every row matches itself and is skipped.
    const exported = await platform.request('GET', `${BASE}/export?q=imp-`, {
      headers: member.headers('acme'),
    });
    const again = await platform.request('POST', `${BASE}/import`, {
      headers: member.headers('acme'),
      body: { csv: exported.text.replace(/^\uFEFF/, '') },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, updated: 0, failed: [] });
    expect(again.body.skipped).toHaveLength(2);

    const noName = await platform.request('POST', `${BASE}/import`, {
      headers: member.headers('acme'),
      body: { csv: 'domain\r\nacme.com\r\n' },
    });
    expect(noName.status).toBe(400);
    const byViewer = await platform.request('POST', `${BASE}/import`, {
      headers: viewer.headers('acme'),
      body: { csv },
    });
    expect(byViewer.status).toBe(403);
  });

  it('keeps companies inside their tenant: another tenant lists none of them and gets 404 by id', async () => {
    const mine = await create(member, { name: 'Acme only' });

    const other = await platform.request('GET', `${BASE}?limit=100`, {
      headers: globexOwner.headers('globex'),
    });
    const read = await platform.request('GET', `${BASE}/${mine.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(other.status).toBe(200);
    expect(ids(other)).not.toContain(mine.body.id);
    expect(read.status).toBe(404);
  });

  it('answers 400 for a bad name or unknown field, 403 to a viewer creating and 401 without a token', async () => {
    const tooLong = await create(member, { name: 'x'.repeat(201) });
    const extra = await create(member, { name: 'Extra', tenantId: acmeId });
    const byViewer = await create(viewer, { name: 'Not allowed' });
    const anonymous = await platform.request('GET', BASE);
    const badOwner = await create(member, { name: 'Nobody owns', ownerId: globexOwner.userId });

    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('body.name');
    expect(extra.status).toBe(400);
    expect(byViewer.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.code).toBe('unknown_owner');
  });
});
