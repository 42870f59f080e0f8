import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let member: Session;
let viewer: Session;
let sales: Session;
let rep: Session;
let globexOwner: Session;
let acme = '';

const tenantId = (session: Session, slug: string) =>
  session.tenants.find((tenant) => tenant.slug === slug)?.id ?? '';
/** Unique per run, so reruns against a kept database never collide on emails. */
const run = Math.random().toString(36).slice(2, 8);
const email = (name: string) => `${name}.${run}@example.com`;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, member, viewer, sales, rep, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acme = tenantId(admin, 'acme');
});

afterAll(async () => {
  await platform?.stop();
});

const create = (as: Session, body: Record<string, unknown>, tenant = 'acme') =>
  platform.request('POST', '/v1/customerconnect/contacts', { headers: as.headers(tenant), body });
const get = (as: Session, id: string) =>
  platform.request('GET', `/v1/customerconnect/contacts/${id}`, { headers: as.headers('acme') });
const list = (as: Session, query: string) =>
  platform.request('GET', `/v1/customerconnect/contacts?${query}`, { headers: as.headers('acme') });
const ids = (page: { body: { items: { id: string }[] } }) => page.body.items.map((item) => item.id);

describe('contacts', () => {
  it('creates a contact with lower-case emails, one primary mirrored, the caller as owner, and records it', async () => {
    const created = await create(member, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [
        { email: `  ${email('Ada').toUpperCase()} `, label: 'work' },
        { email: email('ada.home'), label: 'home', primary: true },
      ],
      phones: [{ number: '+44 20 7946 0958', label: 'work' }],
      tags: ['vip', 'vip'],
    });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/customerconnect/contacts/${created.body.id}`);
    expect(created.body).toMatchObject({
      lastName: 'Lovelace',
      ownerId: member.userId,
      createdBy: member.userId,
      primaryEmail: email('ada.home'),
      emails: [
        { email: email('ada.home'), label: 'home', primary: true },
        { email: email('ada'), label: 'work', primary: false },
      ],
      phones: [{ number: '+44 20 7946 0958', label: 'work', primary: true }],
      lifecycleStage: 'lead',
      tags: ['vip'],
      version: 1,
    });
    const stored = await platform.db.query(
      'select email, is_primary from customerconnect.contact_emails where contact_id = $1 order by is_primary',
      [created.body.id],
    );
    expect(stored.rows).toEqual([
      { email: email('ada'), is_primary: false },
      { email: email('ada.home'), is_primary: true },
    ]);
    const events = await platform.db.query(
      `select type from platform.outbox where envelope->'data'->'contact'->>'id' = $1`,
      [created.body.id],
    );
    expect(events.rows).toEqual([{ type: 'contact.created' }]);
    const audit = await platform.db.query('select action from platform.audit_log where target_id = $1', [
      created.body.id,
    ]);
    expect(audit.rows).toEqual([{ action: 'contact.created' }]);
    const read = await get(viewer, created.body.id);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });

  it('answers 409 duplicate_contact naming the existing contact for an email it has, unless force', async () => {
    const first = await create(member, { lastName: 'Hopper', emails: [{ email: email('grace') }] });
    const again = await create(member, {
      lastName: 'Hopper II',
      emails: [{ email: email('other.grace') }, { email: email('GRACE') }],
    });
    const forced = await create(member, {
      lastName: 'Hopper II',
      emails: [{ email: email('grace') }],
      force: true,
    });

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'duplicate_contact',
      existingId: first.body.id,
      email: email('grace'),
    });
    expect(forced.status).toBe(201);
  });

  it('lists with filters (q on name or email, tag, lifecycle stage, owner me) and sorts by name', async () => {
    const tag = `t${run}`;
    const zed = await create(member, { firstName: 'Zed', lastName: `Zulu${run}`, tags: [tag] });
    const amy = await create(member, {
      firstName: 'Amy',
      lastName: `Alpha${run}`,
      tags: [tag],
      lifecycleStage: 'customer',
      emails: [{ email: email('amy.search') }],
    });

    expect(ids(await list(member, `tag=${tag}&sort=lastName`))).toEqual([amy.body.id, zed.body.id]);
    expect(ids(await list(member, `tag=${tag}&sort=-lastName`))).toEqual([zed.body.id, amy.body.id]);
    expect(ids(await list(member, `q=zulu${run}`))).toEqual([zed.body.id]);
    expect(ids(await list(member, `q=${encodeURIComponent(email('amy.search'))}`))).toEqual([amy.body.id]);
    expect(ids(await list(member, `tag=${tag}&lifecycleStage=customer`))).toEqual([amy.body.id]);
    expect(ids(await list(admin, `tag=${tag}&ownerId=me`))).toEqual([]);
    expect(ids(await list(member, `tag=${tag}&ownerId=me&limit=1`))).toHaveLength(1);
    expect((await list(member, 'sort=shoeSize')).status).toBe(400);
  });

  it('filters and sorts on a custom field and validates it on create', async () => {
    await platform.db.query(
      `insert into customerconnect.field_definitions (tenant_id, id, object, key, label, type, options)
       values ($1, gen_random_uuid(), 'contact', 'tier${run}', 'Tier', 'select', '["gold","silver"]')`,
      [acme],
    );
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, fields_version) values ($1, 1)
       on conflict (tenant_id) do update set fields_version = customerconnect.settings.fields_version + 1`,
      [acme],
    );
    const key = `tier${run}`;
    const gold = await create(member, { lastName: 'Gold', custom: { [key]: 'gold' } });
    const silver = await create(member, { lastName: 'Silver', custom: { [key]: 'silver' } });
    const bad = await create(member, { lastName: 'Bad', custom: { [key]: 'bronze' } });
    const unknown = await create(member, { lastName: 'Bad', custom: { nope: 1 } });

    expect(gold.status).toBe(201);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe(`body.custom.${key}`);
    expect(unknown.status).toBe(400);
    expect(ids(await list(member, `custom=${key}:gold`))).toEqual([gold.body.id]);
    const sorted = ids(await list(member, `sort=-custom.${key}&limit=100`));
    expect(sorted.indexOf(silver.body.id)).toBeLessThan(sorted.indexOf(gold.body.id));
  });

  it('changes a contact with its version: emails replace, the timeline and the event name the fields, stale is 409', async () => {
    const created = await create(member, { lastName: 'Turing', emails: [{ email: email('alan') }] });
    const id = created.body.id;
    const taken = await create(member, { lastName: 'Other', emails: [{ email: email('taken') }] });

    const changed = await platform.request('PATCH', `/v1/customerconnect/contacts/${id}`, {
      headers: member.headers('acme'),
      body: { version: 1, title: 'Mathematician', emails: [{ email: email('alan.new') }] },
    });
    const stale = await platform.request('PATCH', `/v1/customerconnect/contacts/${id}`, {
      headers: { ...member.headers('acme'), 'If-Match': '"1"' },
      body: { title: 'Late' },
    });
    const duplicate = await platform.request('PATCH', `/v1/customerconnect/contacts/${id}`, {
      headers: member.headers('acme'),
      body: { version: 2, emails: [{ email: email('taken') }] },
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: 'Mathematician',
      primaryEmail: email('alan.new'),
      version: 2,
    });
    expect(stale.status).toBe(409);
    const noVersion = await platform.request('PATCH', `/v1/customerconnect/contacts/${id}`, {
      headers: member.headers('acme'),
      body: { title: 'Unversioned' },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors[0].field).toBe('body.version');
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.existingId).toBe(taken.body.id);
    const history = await platform.db.query(
      `select kind, changes from customerconnect.record_changes where record_id = $1 order by changed_at, id`,
      [id],
    );
    expect(history.rows.map((row) => row.kind)).toEqual(['created', 'updated']);
    expect(history.rows[1].changes.map((change: { field: string }) => change.field).sort()).toEqual([
      'emails',
      'primaryEmail',
      'title',
    ]);
    const events = await platform.db.query(
      `select envelope->'data'->'changes' as changes from platform.outbox
        where type = 'contact.updated' and envelope->'data'->'contact'->>'id' = $1`,
      [id],
    );
    expect(events.rows).toHaveLength(1);
  });

  it('refuses a company the caller cannot use (422) and bad input (400), a viewer (403), another tenant (404)', async () => {
    const noCompany = await create(member, {
      lastName: 'X',
      companyId: '0195e0a0-0000-7000-8000-000000000099',
    });
    const twoPrimaries = await create(member, {
      lastName: 'X',
      emails: [
        { email: email('p1'), primary: true },
        { email: email('p2'), primary: true },
      ],
    });
    const badEmail = await create(member, { lastName: 'X', emails: [{ email: 'not-an-email' }] });
    const byViewer = await create(viewer, { lastName: 'X' });
    const mine = await create(member, { lastName: 'Acme only' });
    const fromGlobex = await platform.request('GET', `/v1/customerconnect/contacts/${mine.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(noCompany.status).toBe(422);
    expect(noCompany.body.code).toBe('company_not_found');
    expect(twoPrimaries.status).toBe(400);
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors[0].field).toBe('body.emails.0.email');
    expect(byViewer.status).toBe(403);
    expect(fromGlobex.status).toBe(404);
  });

  it('merges: emails, deal roles and activities move, the old id answers with the survivor', async () => {
    const survivor = await create(member, {
      lastName: 'Survivor',
      emails: [{ email: email('survivor') }],
      tags: ['a'],
    });
    const loser = await create(member, {
      firstName: 'Lou',
      lastName: 'Loser',
      title: 'CTO',
      emails: [{ email: email('loser') }, { email: email('loser.2') }],
      tags: ['b'],
    });
    const [s, l] = [survivor.body.id, loser.body.id];
    const { rows: pipeline } = await platform.db.query(
      `with p as (insert into customerconnect.pipelines (tenant_id, id, name) values ($1, gen_random_uuid(), $2) returning id),
            st as (insert into customerconnect.stages (tenant_id, id, pipeline_id, name, position, probability)
                   select $1, gen_random_uuid(), p.id, 'New', 0, 10 from p returning id, pipeline_id)
       select id as stage_id, pipeline_id from st`,
      [acme, `Merge ${run}`],
    );
    const { rows: deals } = await platform.db.query(
      `insert into customerconnect.opportunities (tenant_id, id, name, pipeline_id, stage_id)
       select $1, gen_random_uuid(), 'Deal ' || n, $2, $3 from generate_series(1, 2) n returning id`,
      [acme, pipeline[0].pipeline_id, pipeline[0].stage_id],
    );
    // Deal 1 has both (the survivor's role stays), deal 2 only the loser.
    await platform.db.query(
      `insert into customerconnect.opportunity_contacts (tenant_id, opportunity_id, contact_id, role)
       values ($1, $2, $3, 'champion'), ($1, $2, $4, 'user'), ($1, $5, $4, 'decision_maker')`,
      [acme, deals[0].id, s, l, deals[1].id],
    );
    const { rows: activity } = await platform.db.query(
      `insert into customerconnect.activities (tenant_id, id, type, subject) values ($1, gen_random_uuid(), 'call', 'Hi')
       returning id`,
      [acme],
    );
    await platform.db.query(
      `insert into customerconnect.activity_links (tenant_id, activity_id, record_type, record_id)
       values ($1, $2, 'contact', $3)`,
      [acme, activity[0].id, l],
    );

    const merged = await platform.request('POST', `/v1/customerconnect/contacts/${s}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: l },
    });

    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: s,
      firstName: 'Lou',
      title: 'CTO',
      primaryEmail: email('survivor'),
      tags: ['a', 'b'],
      version: 2,
    });
    expect(merged.body.emails.map((e: { email: string }) => e.email)).toEqual([
      email('survivor'),
      email('loser'),
      email('loser.2'),
    ]);
    const roles = await platform.db.query(
      `select opportunity_id, contact_id, role from customerconnect.opportunity_contacts
        where opportunity_id = any($1::uuid[]) order by role`,
      [deals.map((deal) => deal.id)],
    );
    expect(roles.rows).toEqual([
      { opportunity_id: deals[0].id, contact_id: s, role: 'champion' },
      { opportunity_id: deals[1].id, contact_id: s, role: 'decision_maker' },
    ]);
    const links = await platform.db.query(
      'select record_id from customerconnect.activity_links where activity_id = $1',
      [activity[0].id],
    );
    expect(links.rows).toEqual([{ record_id: s }]);
    const old = await get(member, l);
    expect(old.status).toBe(200);
    expect(old.body.id).toBe(s);
    expect(old.headers.get('content-location')).toBe(`/v1/customerconnect/contacts/${s}`);
    expect(ids(await list(member, `q=Loser`))).not.toContain(l);
    // The moved email now belongs to the survivor: a new contact with it names the survivor.
    const dup = await create(member, { lastName: 'Again', emails: [{ email: email('loser') }] });
    expect(dup.body.existingId).toBe(s);
    const again = await platform.request('POST', `/v1/customerconnect/contacts/${s}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: l },
    });
    const self = await platform.request('POST', `/v1/customerconnect/contacts/${s}/merge`, {
      headers: member.headers('acme'),
      body: { mergeId: s },
    });
    expect(again.status).toBe(422);
    expect(self.status).toBe(422);
    const events = await platform.db.query(
      `select envelope->'data' as data from platform.outbox where type = 'contact.merged' and envelope->'data'->>'survivorId' = $1`,
      [s],
    );
    expect(events.rows).toEqual([{ data: { survivorId: s, mergedId: l } }]);
  });

  it('under `own` visibility a rep sees only their contacts: another rep’s is 404 and missing from lists', async () => {
    const mine = await create(sales, { lastName: `Sofia${run}` });
    const theirs = await create(rep, { lastName: `Ravi${run}`, emails: [{ email: email('ravi.own') }] });
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, contact_visibility) values ($1, 'own')
       on conflict (tenant_id) do update set contact_visibility = 'own'`,
      [acme],
    );
    try {
      expect((await get(sales, theirs.body.id)).status).toBe(404);
      expect((await get(sales, mine.body.id)).status).toBe(200);
      expect(ids(await list(sales, `q=${run}&limit=100`))).toContain(mine.body.id);
      expect(ids(await list(sales, `q=${run}&limit=100`))).not.toContain(theirs.body.id);
      expect((await get(admin, theirs.body.id)).status).toBe(200);
      const merge = await platform.request('POST', `/v1/customerconnect/contacts/${mine.body.id}/merge`, {
        headers: sales.headers('acme'),
        body: { mergeId: theirs.body.id },
      });
      expect(merge.status).toBe(404);
      // A duplicate the caller cannot see is still a duplicate, but not named.
      const dup = await create(sales, { lastName: 'Dup', emails: [{ email: email('ravi.own') }] });
      expect(dup.status).toBe(409);
      expect(dup.body.existingId).toBeUndefined();
    } finally {
      await platform.db.query(
        `update customerconnect.settings set contact_visibility = 'all' where tenant_id = $1`,
        [acme],
      );
    }
  });
});
