import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let member: Session;
let viewer: Session;
let sofia: Session;
let ravi: Session;
let globexOwner: Session;
let tenantId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, member, viewer, sofia, ravi, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const create = (as: Session, body: Record<string, unknown>, tenant = 'acme') =>
  platform.request('POST', '/v1/customerconnect/leads', { headers: as.headers(tenant), body });
const get = (as: Session, path: string, tenant = 'acme') =>
  platform.request('GET', path, { headers: as.headers(tenant) });
const patch = (
  as: Session,
  id: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  platform.request('PATCH', `/v1/customerconnect/leads/${id}`, {
    headers: { ...as.headers('acme'), ...headers },
    body,
  });
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

describe('leads', () => {
  it('creates a lead owned by its creator, reads and lists it with filters, and records it', async () => {
    const created = await create(member, {
      firstName: 'Ana',
      lastName: 'Pérez',
      email: 'Ana@Example.COM',
      companyName: 'Globant Labs',
      source: 'referral',
      tags: ['vip'],
    });

    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/customerconnect/leads/${created.body.id}`);
    expect(created.body).toMatchObject({
      firstName: 'Ana',
      lastName: 'Pérez',
      email: 'ana@example.com',
      source: 'referral',
      status: 'new',
      score: 0,
      ownerId: member.userId,
      createdBy: member.userId,
      version: 1,
      convertedAt: null,
    });
    const read = await get(viewer, `/v1/customerconnect/leads/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    for (const query of ['q=globant', 'source=referral', 'tag=VIP', 'status=new', 'ownerId=me']) {
      const list = await get(member, `/v1/customerconnect/leads?limit=100&${query}`);
      expect(list.status, query).toBe(200);
      expect(ids(list), query).toContain(created.body.id);
    }
    const mineOfViewer = await get(viewer, '/v1/customerconnect/leads?limit=100&ownerId=me');
    expect(ids(mineOfViewer)).not.toContain(created.body.id);
    const { rows: changes } = await platform.db.query(
      `select kind from customerconnect.record_changes where record_type = 'lead' and record_id = $1`,
      [created.body.id],
    );
    expect(changes).toEqual([{ kind: 'created' }]);
    const { rows: events } = await platform.db.query(
      `select type from platform.outbox where envelope->'data'->'lead'->>'id' = $1 order by created_at`,
      [created.body.id],
    );
    expect(events.map((row) => row.type)).toEqual(['lead.created']);
  });

  it('changes a lead at its version: 409 when stale, 422 for converted, timeline and events', async () => {
    const created = await create(member, { lastName: 'Okafor', status: 'contacted' });
    const id = created.body.id as string;

    const changed = await patch(
      member,
      id,
      { status: 'qualified', title: 'CTO', ownerId: sofia.userId },
      {
        'if-match': '"1"',
      },
    );
    const stale = await patch(member, id, { version: 1, title: 'CEO' });
    const converted = await patch(member, id, { version: 2, status: 'converted' });
    const strangeOwner = await patch(member, id, { version: 2, ownerId: globexOwner.userId });
    const unknownField = await patch(member, id, { version: 2, nickname: 'x' });

    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      status: 'qualified',
      title: 'CTO',
      ownerId: sofia.userId,
      version: 2,
    });
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(409);
    expect(converted.status).toBe(422);
    expect(converted.body.code).toBe('lead_convert_required');
    expect(strangeOwner.status).toBe(400);
    expect(strangeOwner.body.errors[0].field).toBe('body.ownerId');
    expect(unknownField.status).toBe(400);
    const { rows } = await platform.db.query(
      `select changes from customerconnect.record_changes where record_id = $1 and kind = 'updated'`,
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'contacted', to: 'qualified' },
        { field: 'title', from: null, to: 'CTO' },
        { field: 'ownerId', from: member.userId, to: sofia.userId },
      ]),
    );
    const { rows: events } = await platform.db.query(
      `select type, envelope->'data' as data from platform.outbox
        where envelope->'data'->'lead'->>'id' = $1 order by created_at, id`,
      [id],
    );
    expect(events.map((row) => row.type)).toEqual(['lead.created', 'lead.updated', 'lead.assigned']);
    expect(events[2].data).toMatchObject({
      ownerId: sofia.userId,
      previousOwnerId: member.userId,
      ruleId: null,
    });
  });

  it('follows the lead visibility setting: under `own` a rep sees only their leads and gets 404 for others', async () => {
    const sofias = await create(sofia, { lastName: 'SofiaOwned' });
    const ravis = await create(ravi, { lastName: 'RaviOwned' });
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, lead_visibility) values ($1, 'own')
       on conflict (tenant_id) do update set lead_visibility = 'own'`,
      [tenantId],
    );
    try {
      const list = await get(sofia, '/v1/customerconnect/leads?limit=100');
      const other = await get(sofia, `/v1/customerconnect/leads/${ravis.body.id}`);
      const otherPatch = await patch(sofia, ravis.body.id, { version: 1, title: 'x' });
      const adminList = await get(admin, '/v1/customerconnect/leads?limit=100');

      expect(ids(list)).toContain(sofias.body.id);
      expect(ids(list)).not.toContain(ravis.body.id);
      expect(other.status).toBe(404);
      expect(otherPatch.status).toBe(404);
      expect(ids(adminList)).toEqual(expect.arrayContaining([sofias.body.id, ravis.body.id]));
    } finally {
      await platform.db.query(
        `update customerconnect.settings set lead_visibility = 'all' where tenant_id = $1`,
        [tenantId],
      );
    }
  });

  it('keeps leads inside their tenant and answers 403 to a viewer writing, 400 to a bad body', async () => {
    const mine = await create(member, { lastName: 'AcmeOnly' });
    const fromGlobex = await get(globexOwner, `/v1/customerconnect/leads/${mine.body.id}`, 'globex');
    const byViewer = await create(viewer, { lastName: 'Nope' });
    const noName = await create(member, { firstName: 'Only' });
    const badSort = await get(member, '/v1/customerconnect/leads?sort=password');

    expect(fromGlobex.status).toBe(404);
    expect(byViewer.status).toBe(403);
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].field).toBe('body.lastName');
    expect(badSort.status).toBe(400);
  });
});

describe('lead scoring', () => {
  it('scores field and activity rules, rescoring every lead when the rules change; sorts by score', async () => {
    const hot = await create(member, {
      lastName: 'Hot',
      email: 'hot@bigco.com',
      source: 'event',
      tags: ['Enterprise'],
    });
    const cold = await create(member, { lastName: 'Cold', source: 'other' });
    const rule = (body: Record<string, unknown>) =>
      platform.request('POST', '/v1/customerconnect/lead-scoring-rules', {
        headers: admin.headers('acme'),
        body,
      });

    const bySource = await rule({ kind: 'field', field: 'source', value: 'EVENT', points: 10 });
    const byEmail = await rule({ kind: 'field', field: 'email', points: 5 });
    const byTag = await rule({ kind: 'field', field: 'tags', value: 'enterprise', points: 7 });
    const byDomain = await rule({ kind: 'field', field: 'emailDomain', value: 'bigco.com', points: 3 });
    const byMember = await platform.request('POST', '/v1/customerconnect/lead-scoring-rules', {
      headers: member.headers('acme'),
      body: { kind: 'field', field: 'source', points: 1 },
    });
    const badField = await rule({ kind: 'field', field: 'password', points: 1 });
    const unknownCustom = await rule({ kind: 'field', field: 'custom.nothing', points: 1 });

    expect(bySource.status, bySource.text).toBe(201);
    expect(byEmail.status).toBe(201);
    expect(byTag.status).toBe(201);
    expect(byDomain.status).toBe(201);
    expect(byMember.status).toBe(403);
    expect(badField.status).toBe(400);
    expect(unknownCustom.status).toBe(400);
    const scoreOf = async (id: string) => (await get(member, `/v1/customerconnect/leads/${id}`)).body.score;
    expect(await scoreOf(hot.body.id)).toBe(25);
    expect(await scoreOf(cold.body.id)).toBe(0);

    // Two calls linked to the hot lead, then an activity rule: 2 × 4 more.
    for (const activityId of [crypto.randomUUID(), crypto.randomUUID()]) {
      await platform.db.query(
        `insert into customerconnect.activities (tenant_id, id, type, subject) values ($1, $2, 'call', 'x')`,
        [tenantId, activityId],
      );
      await platform.db.query(
        `insert into customerconnect.activity_links (tenant_id, activity_id, record_type, record_id)
         values ($1, $2, 'lead', $3)`,
        [tenantId, activityId, hot.body.id],
      );
    }
    const byCalls = await rule({ kind: 'activity', activityType: 'call', points: 4 });
    expect(byCalls.status).toBe(201);
    expect(await scoreOf(hot.body.id)).toBe(33);

    // A change rescored on write; the version the client holds is not bumped by rescoring.
    const changed = await patch(member, cold.body.id, { version: 1, source: 'event' });
    expect(changed.body).toMatchObject({ score: 10, version: 2 });
    const sorted = await get(member, '/v1/customerconnect/leads?limit=100&sort=-score');
    const scores = sorted.body.items.map((item: { score: number }) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(sorted.body.items[0].id).toBe(hot.body.id);

    const list = await get(viewer, '/v1/customerconnect/lead-scoring-rules');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(5);
    for (const item of list.body.items) {
      const removed = await platform.request('DELETE', `/v1/customerconnect/lead-scoring-rules/${item.id}`, {
        headers: admin.headers('acme'),
      });
      expect(removed.status).toBe(204);
    }
    expect(await scoreOf(hot.body.id)).toBe(0);
  });
});

describe('assignment rules', () => {
  it('deals leads without an owner round-robin among a team’s reps, and by territory first', async () => {
    const team = crypto.randomUUID();
    const emea = crypto.randomUUID();
    await platform.db.query(
      `insert into customerconnect.teams (tenant_id, id, name) values ($1, $2, 'Inside sales')`,
      [tenantId, team],
    );
    await platform.db.query(
      `insert into customerconnect.teams (tenant_id, id, name, territories) values ($1, $2, 'EMEA', '{EMEA,UK}')`,
      [tenantId, emea],
    );
    await platform.db.query(
      `insert into customerconnect.team_members (tenant_id, team_id, user_id, role)
       values ($1, $2, $3, 'rep'), ($1, $2, $4, 'rep'), ($1, $2, $5, 'manager'), ($1, $6, $5, 'rep')`,
      [tenantId, team, sofia.userId, ravi.userId, admin.userId, emea],
    );
    const rule = (body: Record<string, unknown>) =>
      platform.request('POST', '/v1/customerconnect/assignment-rules', {
        headers: admin.headers('acme'),
        body,
      });
    const roundRobin = await rule({ name: 'Everyone', kind: 'round_robin', teamId: team });
    const territory = await rule({ name: 'EMEA', kind: 'territory', teamId: emea, position: 0 });
    const noTeam = await rule({ name: 'Ghost', kind: 'round_robin', teamId: crypto.randomUUID() });
    expect(roundRobin.status, roundRobin.text).toBe(201);
    expect(territory.status).toBe(201);
    expect(noTeam.status).toBe(400);
    const moved = await platform.request(
      'PATCH',
      `/v1/customerconnect/assignment-rules/${roundRobin.body.id}`,
      {
        headers: admin.headers('acme'),
        body: { version: 1, position: 1 },
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ position: 1, version: 2 });

    const owners = [];
    for (const name of ['One', 'Two', 'Three']) {
      const lead = await create(member, { lastName: name, ownerId: null });
      owners.push(lead.body.ownerId);
    }
    const uk = await create(member, { lastName: 'Londoner', territory: 'uk', ownerId: null });

    expect(new Set(owners.slice(0, 2))).toEqual(new Set([sofia.userId, ravi.userId]));
    expect(owners[2]).toBe(owners[0]);
    expect(uk.body.ownerId).toBe(admin.userId);
    const { rows } = await platform.db.query(
      `select envelope->'data'->>'ruleId' as rule_id from platform.outbox
        where type = 'lead.assigned' and envelope->'data'->'lead'->>'id' = $1`,
      [uk.body.id],
    );
    expect(rows).toEqual([{ rule_id: territory.body.id }]);

    // Concurrent leads take turns: the rule row is locked while its cursor moves.
    const concurrent = await Promise.all(
      ['C1', 'C2', 'C3', 'C4'].map((name) => create(member, { lastName: name, ownerId: null })),
    );
    const dealt = concurrent.map((response) => response.body.ownerId);
    expect(dealt.filter((owner) => owner === sofia.userId)).toHaveLength(2);
    expect(dealt.filter((owner) => owner === ravi.userId)).toHaveLength(2);

    for (const id of [roundRobin.body.id, territory.body.id]) {
      const removed = await platform.request('DELETE', `/v1/customerconnect/assignment-rules/${id}`, {
        headers: admin.headers('acme'),
      });
      expect(removed.status).toBe(204);
    }
  });
});

describe('convert', () => {
  const convert = (id: string, body: Record<string, unknown>, as: Session = member) =>
    platform.request('POST', `/v1/customerconnect/leads/${id}/convert`, {
      headers: as.headers('acme'),
      body,
    });
  const counts = async () => {
    const { rows } = await platform.db.query(
      `select (select count(*)::int from customerconnect.contacts) as contacts,
              (select count(*)::int from customerconnect.companies) as companies,
              (select count(*)::int from customerconnect.opportunities) as opportunities,
              (select count(*)::int from customerconnect.record_changes) as changes`,
    );
    return rows[0];
  };

  it('creates contact, company and opportunity in one go and marks the lead converted', async () => {
    const lead = await create(member, {
      firstName: 'Ines',
      lastName: 'Navarro',
      email: 'ines@newco.io',
      phone: '+34 600 000 000',
      companyName: 'NewCo',
      title: 'COO',
      ownerId: sofia.userId,
    });

    const converted = await convert(lead.body.id, {
      opportunity: {
        name: 'NewCo pilot',
        amount: '1200.50',
        currency: 'EUR',
        expectedCloseDate: '2026-12-31',
      },
    });

    expect(converted.status, converted.text).toBe(200);
    expect(converted.body).toMatchObject({ contactCreated: true, companyCreated: true });
    expect(converted.body.lead).toMatchObject({
      status: 'converted',
      convertedContactId: converted.body.contactId,
      convertedCompanyId: converted.body.companyId,
      convertedOpportunityId: converted.body.opportunityId,
      convertedBy: member.userId,
      version: 2,
    });
    const { rows: contacts } = await platform.db.query(
      'select first_name, last_name, primary_email, company_id, owner_id, lifecycle_stage from customerconnect.contacts where id = $1',
      [converted.body.contactId],
    );
    expect(contacts[0]).toEqual({
      first_name: 'Ines',
      last_name: 'Navarro',
      primary_email: 'ines@newco.io',
      company_id: converted.body.companyId,
      owner_id: sofia.userId,
      lifecycle_stage: 'opportunity',
    });
    const { rows: companies } = await platform.db.query(
      'select name, domain, owner_id from customerconnect.companies where id = $1',
      [converted.body.companyId],
    );
    expect(companies[0]).toEqual({ name: 'NewCo', domain: 'newco.io', owner_id: sofia.userId });
    const { rows: deals } = await platform.db.query(
      `select o.amount::text as amount, o.currency, o.lead_id, o.company_id, s.kind, s.position = (
                select min(position) from customerconnect.stages where pipeline_id = o.pipeline_id and kind = 'open'
              ) as first_open
         from customerconnect.opportunities o join customerconnect.stages s on s.id = o.stage_id
        where o.id = $1`,
      [converted.body.opportunityId],
    );
    expect(deals[0]).toEqual({
      amount: '1200.50',
      currency: 'EUR',
      lead_id: lead.body.id,
      company_id: converted.body.companyId,
      kind: 'open',
      first_open: true,
    });
    const { rows: timeline } = await platform.db.query(
      `select kind from customerconnect.record_changes where record_type = 'lead' and record_id = $1 order by changed_at`,
      [lead.body.id],
    );
    expect(timeline.map((row) => row.kind)).toEqual(['created', 'converted']);
    const { rows: events } = await platform.db.query(
      `select envelope->'data' as data from platform.outbox where type = 'lead.converted' and envelope->'data'->>'leadId' = $1`,
      [lead.body.id],
    );
    expect(events).toEqual([
      {
        data: {
          leadId: lead.body.id,
          contactId: converted.body.contactId,
          companyId: converted.body.companyId,
          opportunityId: converted.body.opportunityId,
        },
      },
    ]);

    const again = await convert(lead.body.id, {});
    const reopen = await patch(member, lead.body.id, { version: 2, status: 'new' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('lead_already_converted');
    expect(reopen.status).toBe(422);
    expect(reopen.body.code).toBe('lead_converted');
  });

  it('matches the contact by email and the company by domain instead of creating them', async () => {
    const company = await platform.request('POST', '/v1/customerconnect/companies', {
      headers: member.headers('acme'),
      body: { name: 'MatchCo', domain: 'matchco.com' },
    });
    const contact = await platform.request('POST', '/v1/customerconnect/contacts', {
      headers: member.headers('acme'),
      body: { lastName: 'Bo', emails: [{ email: 'bo@matchco.com' }] },
    });
    expect(company.status, company.text).toBe(201);
    expect(contact.status, contact.text).toBe(201);
    const lead = await create(member, {
      lastName: 'Bo',
      email: 'BO@matchco.com',
      companyName: 'Match Company',
    });
    const before = await counts();

    const converted = await convert(lead.body.id, {});

    expect(converted.status, converted.text).toBe(200);
    expect(converted.body).toMatchObject({
      contactId: contact.body.id,
      contactCreated: false,
      companyId: company.body.id,
      companyCreated: false,
      opportunityId: null,
    });
    const after = await counts();
    expect(after).toEqual({ ...before, changes: before.changes + 1 });
  });

  it('leaves nothing behind when a step fails (a pipeline that is not the tenant’s)', async () => {
    const lead = await create(member, { lastName: 'Failing', email: 'f@failco.com', companyName: 'FailCo' });
    const before = await counts();
    const { rows: outboxBefore } = await platform.db.query('select count(*)::int as n from platform.outbox');

    const failed = await convert(lead.body.id, {
      opportunity: { name: 'Never', pipelineId: crypto.randomUUID() },
    });

    expect(failed.status).toBe(422);
    expect(failed.body.errors[0].field).toBe('body.opportunity.pipelineId');
    expect(await counts()).toEqual(before);
    const { rows: outboxAfter } = await platform.db.query('select count(*)::int as n from platform.outbox');
    expect(outboxAfter[0].n).toBe(outboxBefore[0].n);
    const { rows } = await platform.db.query(
      "select count(*)::int as n from customerconnect.companies where domain = 'failco.com'",
    );
    expect(rows[0].n).toBe(0);
    const still = await get(member, `/v1/customerconnect/leads/${lead.body.id}`);
    expect(still.body).toMatchObject({ status: 'new', version: 1, convertedContactId: null });
  });
});

describe('export', () => {
  it('exports the filtered list the caller may see as CSV, formulas defused', async () => {
    const lead = await create(member, {
      lastName: '=HYPERLINK("x")',
      email: 'csv@example.com',
      tags: ['csv-export'],
    });
    await create(member, { lastName: 'Not exported' });

    const response = await get(member, '/v1/customerconnect/leads/export?tag=csv-export');
    const byViewerOfAnotherTenant = await get(
      globexOwner,
      '/v1/customerconnect/leads/export?tag=csv-export',
      'globex',
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^"first name","last name","email","phone","company name",/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`'=HYPERLINK(""x"")`);
    expect(lines[1]).toContain(lead.body.id);
    expect(lines[1]).toContain('member@acme.example');
    expect(byViewerOfAnotherTenant.text).not.toContain(lead.body.id);
  });
});

describe('import', () => {
  it('imports rows through the create rules, reports bad rows by number, skips or updates matches by email', async () => {
    const csv = [
      'First Name,Last Name,E-mail,Lead Source,Owner,Tags',
      'Ana,Imported,ana.import@example.com,event,sales@acme.example,a;b',
      'Bad,,bad.import@example.com,,,',
      'Dup,Again,ANA.IMPORT@example.com,,,',
      'Zed,Rows,zed.import@example.com,nope,,',
    ].join('\n');
    const imported = await platform.request('POST', '/v1/customerconnect/leads/import', {
      headers: member.headers('acme'),
      body: { csv },
    });

    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({ imported: 1, updated: 0 });
    expect(imported.body.failed.map((failure: { row: number }) => failure.row)).toEqual([3, 5]);
    expect(imported.body.skipped).toEqual([{ row: 4, matchedId: expect.any(String) }]);
    const { rows } = await platform.db.query(
      `select id, first_name, source, owner_id, tags from customerconnect.leads where email = 'ana.import@example.com'`,
    );
    expect(rows).toEqual([
      {
        id: imported.body.skipped[0].matchedId,
        first_name: 'Ana',
        source: 'event',
        owner_id: sofia.userId,
        tags: ['a', 'b'],
      },
    ]);

    const updated = await platform.request('POST', '/v1/customerconnect/leads/import', {
      headers: member.headers('acme'),
      body: {
        csv: 'Email,First Name,Last Name,Tags\nana.import@example.com,Anabel,Imported,c',
        dedupe: 'update',
      },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ imported: 0, updated: 1 });
    const after = await get(member, `/v1/customerconnect/leads/${rows[0].id}`);
    expect(after.body).toMatchObject({
      firstName: 'Anabel',
      lastName: 'Imported',
      tags: ['a', 'b', 'c'],
      version: 2,
    });
  });
});
