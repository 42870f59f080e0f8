import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let sofia: Session;
let ravi: Session;
let viewer: Session;
let acme = '';

interface StageBody {
  id: string;
  name: string;
  kind: string;
  probability: string;
}
let pipeline: { id: string; name: string; stages: StageBody[] };
const TEMPLATE = '0195f0a4-1111-7000-8000-00000000aaaa';
const stage = (name: string) => pipeline.stages.find((each) => each.name === name)?.id ?? '';

const call = (as: Session, method: string, path: string, body?: Record<string, unknown>) =>
  platform.request(method, `/v1/customerconnect${path}`, {
    headers: as.headers('acme'),
    ...(body ? { body } : {}),
  });
const create = (as: Session, body: Record<string, unknown>) => call(as, 'POST', '/opportunities', body);
const move = (as: Session, id: string, body: Record<string, unknown>) =>
  call(as, 'POST', `/opportunities/${id}/stage`, body);
const events = async (id: string) =>
  (
    await platform.db.query(
      `select type, envelope->'data' as data from platform.outbox
        where envelope->>'source' = 'halooid.customerconnect' and envelope->'data'->'opportunity'->>'id' = $1
        order by created_at, id`,
      [id],
    )
  ).rows as { type: string; data: Record<string, unknown> }[];

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, sofia, ravi, viewer] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('viewer@acme.example'),
  ]);
  acme = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

describe('pipelines', () => {
  it('creates the first pipeline as the default, with won 100 and lost 0 filled in; reps and viewers read it', async () => {
    const created = await call(admin, 'POST', '/pipelines', {
      name: 'Enterprise',
      projectTemplateId: TEMPLATE,
      stages: [
        { name: 'Qualify', probability: 10 },
        { name: 'Propose', probability: '33.33' },
        { name: 'Negotiate', probability: '75.5' },
        { name: 'Closed won', kind: 'won' },
        { name: 'Closed lost', kind: 'lost' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Enterprise',
      isDefault: true,
      projectTemplateId: TEMPLATE,
      version: 1,
    });
    expect(created.body.stages.map((each: StageBody) => [each.name, each.kind, each.probability])).toEqual([
      ['Qualify', 'open', '10.00'],
      ['Propose', 'open', '33.33'],
      ['Negotiate', 'open', '75.50'],
      ['Closed won', 'won', '100.00'],
      ['Closed lost', 'lost', '0.00'],
    ]);
    pipeline = created.body;

    const read = await call(viewer, 'GET', `/pipelines/${pipeline.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    const list = await call(sofia, 'GET', '/pipelines');
    expect(list.body.items.map((each: { id: string }) => each.id)).toContain(pipeline.id);
  });

  it('refuses reps (403), bad stage lists (400 with paths) and a taken name (409)', async () => {
    const stages = [
      { name: 'A', probability: 10 },
      { name: 'W', kind: 'won' },
      { name: 'L', kind: 'lost' },
    ];
    expect((await call(sofia, 'POST', '/pipelines', { name: 'Mine', stages })).status).toBe(403);
    const invalid = await call(admin, 'POST', '/pipelines', {
      name: 'Broken',
      stages: [{ name: 'A' }, { name: 'W', kind: 'won', probability: 90 }, { name: 'B', probability: 5 }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.stages.0.probability',
      'body.stages.1.probability',
      'body.stages',
    ]);
    expect((await call(admin, 'POST', '/pipelines', { name: 'enterprise', stages })).status).toBe(409);
  });
});

describe('opportunities', () => {
  let dealId = '';

  it('creates a deal in the default pipeline’s first open stage, owned by its creator, with its whole trace', async () => {
    const response = await create(sofia, {
      name: 'Acme renewal',
      amount: '1000.1',
      currency: 'EUR',
      expectedCloseDate: '2026-11-15',
      tags: ['renewal'],
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/v1/customerconnect/opportunities/${response.body.id}`);
    expect(response.body).toMatchObject({
      name: 'Acme renewal',
      pipelineId: pipeline.id,
      stageId: stage('Qualify'),
      stage: { name: 'Qualify', kind: 'open', probability: '10.00' },
      status: 'open',
      amount: '1000.10',
      currency: 'EUR',
      expectedCloseDate: '2026-11-15',
      ownerId: sofia.userId,
      closedAt: null,
      contacts: [],
      version: 1,
    });
    dealId = response.body.id;
    expect((await events(dealId)).map((event) => event.type)).toEqual(['opportunity.created']);
    const { rows: history } = await platform.db.query(
      'select from_stage_id, to_stage_id, seconds_in_from_stage from customerconnect.stage_history where opportunity_id = $1',
      [dealId],
    );
    expect(history).toEqual([
      { from_stage_id: null, to_stage_id: stage('Qualify'), seconds_in_from_stage: null },
    ]);
    const { rows: audit } = await platform.db.query(
      'select action from platform.audit_log where target_id = $1',
      [dealId],
    );
    expect(audit.map((row) => row.action)).toEqual(['opportunity.created']);
    const read = await call(viewer, 'GET', `/opportunities/${dealId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
  });

  it('answers bad money with 400, unknown references with 422, another tenant’s id with 404', async () => {
    const money = await create(sofia, { name: 'No currency', amount: '10.00' });
    expect(money.status).toBe(400);
    expect(money.body.errors[0].field).toBe('body.currency');
    expect((await create(sofia, { name: 'Three places', amount: '1.005', currency: 'EUR' })).status).toBe(
      400,
    );
    expect((await create(sofia, { name: 'Float', amount: 10.5, currency: 'EUR' })).status).toBe(400);
    expect((await create(sofia, { name: 'Made-up code', amount: '1.00', currency: 'ABC' })).status).toBe(400);
    const company = await create(sofia, { name: 'Ghost', companyId: '0195f0a4-0000-7000-8000-000000000123' });
    expect(company.status).toBe(422);
    expect(company.body.errors[0].field).toBe('body.companyId');
    const otherStage = await create(sofia, {
      name: 'Elsewhere',
      pipelineId: pipeline.id,
      stageId: '0195f0a4-0000-7000-8000-000000000124',
    });
    expect(otherStage.status).toBe(422);
    const globex = await platform.login('owner@globex.example');
    const foreign = await platform.request('GET', `/v1/customerconnect/opportunities/${dealId}`, {
      headers: globex.headers('globex'),
    });
    expect(foreign.status).toBe(404);
  });

  it('PATCHes with the version, records before and after on the timeline, and 409s a stale version', async () => {
    const patched = await call(sofia, 'PATCH', `/opportunities/${dealId}`, {
      version: 1,
      amount: '2500',
      name: 'Acme renewal 2027',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ amount: '2500.00', name: 'Acme renewal 2027', version: 2 });
    const { rows } = await platform.db.query(
      `select changes from customerconnect.record_changes where record_id = $1 and kind = 'updated'`,
      [dealId],
    );
    expect(rows[0]?.changes).toEqual([
      { field: 'name', from: 'Acme renewal', to: 'Acme renewal 2027' },
      { field: 'amount', from: '1000.10', to: '2500.00' },
    ]);
    const stale = await call(sofia, 'PATCH', `/opportunities/${dealId}`, { version: 1, name: 'Late' });
    expect(stale.status).toBe(409);
    const same = await call(sofia, 'PATCH', `/opportunities/${dealId}`, { version: 2, amount: '2500.0' });
    expect(same.body.version).toBe(2);
    const orphan = await call(sofia, 'PATCH', `/opportunities/${dealId}`, { version: 2, currency: null });
    expect(orphan.status).toBe(400);
  });

  it('moves stages: history holds the seconds spent in the stage left, won closes once with the template, reopening clears', async () => {
    await platform.db.query(
      `update customerconnect.opportunities set stage_entered_at = now() - interval '3 hours' where id = $1`,
      [dealId],
    );
    const moved = await move(sofia, dealId, { stageId: stage('Propose') });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageId: stage('Propose'), status: 'open', version: 3 });
    const history = await call(sofia, 'GET', `/opportunities/${dealId}/stage-history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      fromStageId: stage('Qualify'),
      fromStageName: 'Qualify',
      toStageId: stage('Propose'),
      changedBy: sofia.userId,
    });
    expect(history.body.items[0].secondsInFromStage).toBeGreaterThanOrEqual(3 * 3600);
    expect(history.body.items[0].secondsInFromStage).toBeLessThan(3 * 3600 + 120);

    const won = await move(sofia, dealId, { stageId: stage('Closed won'), reason: 'Best price', version: 3 });
    expect(won.body).toMatchObject({ status: 'won', closeReason: 'Best price' });
    expect(won.body.closedAt).not.toBeNull();
    // A stale version is refused; a reorder inside the won stage closes nothing again.
    expect((await move(sofia, dealId, { stageId: stage('Qualify'), version: 3 })).status).toBe(409);
    await move(sofia, dealId, { stageId: stage('Closed won'), rank: '7' });
    const all = await events(dealId);
    const wonEvents = all.filter((event) => event.type === 'opportunity.won');
    expect(wonEvents).toHaveLength(1);
    expect(wonEvents[0]?.data).toMatchObject({
      reason: 'Best price',
      pipelineName: 'Enterprise',
      projectTemplateId: TEMPLATE,
      opportunity: { id: dealId, status: 'won', amount: '2500.00' },
    });
    const changed = all.filter((event) => event.type === 'opportunity.stage_changed');
    expect(changed[0]?.data).toMatchObject({ fromStageId: stage('Qualify'), toStageId: stage('Propose') });
    expect(changed[0]?.data.secondsInFromStage as number).toBeGreaterThanOrEqual(3 * 3600);

    const reopened = await move(sofia, dealId, { stageId: stage('Negotiate') });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, closeReason: null });
    const lost = await move(sofia, dealId, { stageId: stage('Closed lost'), reason: 'Budget cut' });
    expect(lost.body).toMatchObject({ status: 'lost', closeReason: 'Budget cut' });
    expect((await events(dealId)).map((event) => event.type)).toEqual([
      'opportunity.created',
      'opportunity.updated',
      'opportunity.stage_changed',
      'opportunity.stage_changed',
      'opportunity.won',
      'opportunity.stage_changed',
      'opportunity.stage_changed',
      'opportunity.lost',
    ]);
    expect((await move(sofia, dealId, { stageId: '0195f0a4-0000-7000-8000-000000000125' })).status).toBe(422);
  });

  it('reorders within a stage by writing only the moved card', async () => {
    const ids: string[] = [];
    for (const name of ['Card A', 'Card B', 'Card C'])
      ids.push((await create(sofia, { name, stageId: stage('Negotiate') })).body.id);
    const [a = '', b = '', c = ''] = ids;
    const versions = async () =>
      (
        await platform.db.query(
          'select id, version from customerconnect.opportunities where id = any($1::uuid[])',
          [[a, b, c]],
        )
      ).rows.reduce((map: Record<string, number>, row) => Object.assign(map, { [row.id]: row.version }), {});
    const before = await versions();
    const moved = await move(sofia, c, { stageId: stage('Negotiate'), afterId: a });
    expect(moved.status).toBe(200);
    const after = await versions();
    expect(after[a]).toBe(before[a]);
    expect(after[b]).toBe(before[b]);
    expect(after[c]).toBe((before[c] ?? 0) + 1);
    const column = await call(sofia, 'GET', `/opportunities?stageId=${stage('Negotiate')}&sort=rank&limit=2`);
    expect(column.body.items.map((item: { id: string }) => item.id)).toEqual([a, c]);
    const rest = await call(
      sofia,
      'GET',
      `/opportunities?stageId=${stage('Negotiate')}&sort=rank&limit=2&cursor=${column.body.nextCursor}`,
    );
    expect(rest.body.items.map((item: { id: string }) => item.id)).toEqual([b]);
    const before2 = await move(sofia, b, { stageId: stage('Negotiate'), beforeId: a });
    expect(before2.status).toBe(200);
    const board = await call(sofia, 'GET', `/board?pipelineId=${pipeline.id}&limit=2`);
    expect(board.status).toBe(200);
    const negotiate = board.body.stages.find((each: { id: string }) => each.id === stage('Negotiate'));
    expect(negotiate.count).toBe(3);
    expect(negotiate.cards.map((card: { id: string }) => card.id)).toEqual([b, a]);
    const more = await call(
      sofia,
      'GET',
      `/opportunities?pipelineId=${pipeline.id}&stageId=${stage('Negotiate')}&sort=rank&cursor=${negotiate.nextCursor}`,
    );
    expect(more.body.items.map((item: { id: string }) => item.id)).toEqual([c]);
    const notHere = await move(sofia, c, { stageId: stage('Qualify'), afterId: a });
    expect(notHere.status).toBe(422);
  });

  it('will not remove or re-kind a stage that holds deals (409 naming the count); renames, reorders and adds', async () => {
    const current = await call(admin, 'GET', `/pipelines/${pipeline.id}`);
    const stages = current.body.stages.map(({ id, name, probability, kind }: StageBody) => ({
      id,
      name,
      probability,
      kind,
    }));
    const withoutNegotiate = stages.filter((each: StageBody) => each.name !== 'Negotiate');
    const removing = await call(admin, 'PATCH', `/pipelines/${pipeline.id}`, {
      version: current.body.version,
      stages: withoutNegotiate,
    });
    expect(removing.status).toBe(409);
    expect(removing.body.detail).toContain('Stage "Negotiate" still has 3 opportunities');
    const reordered = [
      { ...stages[1], name: 'Proposal', probability: 40 },
      stages[0],
      stages[2],
      { name: 'Contract', probability: '90' },
      stages[3],
      stages[4],
    ];
    const changed = await call(admin, 'PATCH', `/pipelines/${pipeline.id}`, {
      version: current.body.version,
      stages: reordered,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(current.body.version + 1);
    expect(changed.body.stages.map((each: StageBody) => `${each.name} ${each.probability}`)).toEqual([
      'Proposal 40.00',
      'Qualify 10.00',
      'Negotiate 75.50',
      'Contract 90.00',
      'Closed won 100.00',
      'Closed lost 0.00',
    ]);
    pipeline = changed.body;
    expect((await call(sofia, 'PATCH', `/pipelines/${pipeline.id}`, { version: 2, name: 'X' })).status).toBe(
      403,
    );
    expect((await call(admin, 'DELETE', `/pipelines/${pipeline.id}`)).status).toBe(409);
  });

  it('keeps a rep to their own deals under `own` visibility: list, get, board and forecast', async () => {
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, opportunity_visibility) values ($1, 'own')
       on conflict (tenant_id) do update set opportunity_visibility = 'own'`,
      [acme],
    );
    try {
      const ravis = await create(ravi, {
        name: 'Ravi only',
        amount: '700.00',
        currency: 'EUR',
        expectedCloseDate: '2026-11-20',
        stageId: stage('Negotiate'),
      });
      expect(ravis.status).toBe(201);
      expect((await call(sofia, 'GET', `/opportunities/${ravis.body.id}`)).status).toBe(404);
      expect((await move(sofia, ravis.body.id, { stageId: stage('Qualify') })).status).toBe(404);
      const sofiasList = await call(sofia, 'GET', '/opportunities?limit=100');
      const listed = sofiasList.body.items.map((item: { id: string; ownerId: string }) => item);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((item: { ownerId: string }) => item.ownerId === sofia.userId)).toBe(true);
      const ravisList = await call(ravi, 'GET', '/opportunities?limit=100');
      expect(ravisList.body.items.map((item: { id: string }) => item.id)).toEqual([ravis.body.id]);
      const board = await call(ravi, 'GET', '/board');
      const negotiate = board.body.stages.find((each: { id: string }) => each.id === stage('Negotiate'));
      expect(negotiate).toMatchObject({ count: 1, totals: [{ currency: 'EUR', total: '700.00' }] });
      const sofiaBoard = await call(sofia, 'GET', '/board');
      expect(
        sofiaBoard.body.stages.find((each: { id: string }) => each.id === stage('Negotiate')).count,
      ).toBe(3);
      const forecast = await call(sofia, 'GET', '/forecast?period=2026-Q4&groupBy=owner');
      expect(forecast.status).toBe(200);
      expect(forecast.body.groups.map((group: { key: string }) => group.key)).toEqual([sofia.userId]);
      const ravisForecast = await call(ravi, 'GET', '/forecast?period=2026-11');
      expect(ravisForecast.body.totals).toEqual([
        {
          currency: 'EUR',
          count: 1,
          total: '700.00',
          weighted: '528.50',
          open: { count: 1, total: '700.00', weighted: '528.50' },
          won: { count: 0, total: '0.00' },
          lost: { count: 0, total: '0.00' },
        },
      ]);
      // An admin (customerconnect:record:admin) sees both.
      const all = await call(admin, 'GET', `/opportunities?ownerId=${ravi.userId}`);
      expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([ravis.body.id]);
    } finally {
      await platform.db.query(
        `update customerconnect.settings set opportunity_visibility = 'all' where tenant_id = $1`,
        [acme],
      );
    }
  });
  it('exports the filtered list as CSV with exact amounts and owner emails', async () => {
    const response = await platform.request(
      'GET',
      '/v1/customerconnect/opportunities/export?q=ravi&sort=name',
      {
        headers: { ...admin.headers('acme'), accept: 'text/csv' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual([
      'id',
      'name',
      'pipeline',
      'stage',
      'status',
      'amount',
      'currency',
      'expected close date',
      'company',
      'owner',
      'tags',
      'close reason',
      'closed at',
      'created at',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(1, 11)).toEqual([
      'Ravi only',
      'Enterprise',
      'Negotiate',
      'open',
      '700.00',
      'EUR',
      '2026-11-20',
      '',
      'rep@acme.example',
      '',
    ]);
    const bad = await call(admin, 'GET', '/opportunities/export?sort=nope');
    expect(bad.status).toBe(400);
  });
  it('imports CSV rows through the create rules, naming stage, company and owner, and reports bad rows', async () => {
    const csv = [
      'Deal Name,Amount,Currency,Close Date,Company,Deal Stage,Owner,Tags',
      'Imported one,1200.50,EUR,2026-12-01,,proposal,sales@acme.example,a;b',
      'Imported two,12.345,EUR,,,,,',
      'Imported three,,,,Nowhere Inc,Nope,nobody@example.com,',
    ].join('\r\n');
    const response = await call(admin, 'POST', '/opportunities/import', { csv });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ imported: 1, updated: 0, skipped: [] });
    expect(
      response.body.failed.map((row: { row: number; errors: { column: string | null }[] }) => [
        row.row,
        row.errors.map((error) => error.column),
      ]),
    ).toEqual([
      [3, ['Amount']],
      [4, ['Owner', 'Company', 'Deal Stage']],
    ]);
    const imported = await call(admin, 'GET', '/opportunities?q=imported');
    expect(imported.body.items).toHaveLength(1);
    expect(imported.body.items[0]).toMatchObject({
      name: 'Imported one',
      amount: '1200.50',
      currency: 'EUR',
      stage: { name: 'Proposal' },
      ownerId: sofia.userId,
      tags: ['a', 'b'],
    });
  });
  it('gives a tenant without pipelines the standard one once, even to two concurrent first deals', async () => {
    const globex = await platform.login('owner@globex.example');
    const first = (name: string) =>
      platform.request('POST', '/v1/customerconnect/opportunities', {
        headers: globex.headers('globex'),
        body: { name },
      });
    const created = await Promise.all([first('Globex one'), first('Globex two')]);
    expect(created.map((response) => response.status)).toEqual([201, 201]);
    expect(created.map((response) => response.body.stage.name)).toEqual(['Qualification', 'Qualification']);
    const pipelines = await platform.request('GET', '/v1/customerconnect/pipelines', {
      headers: globex.headers('globex'),
    });
    expect(
      pipelines.body.items.map((each: { name: string; isDefault: boolean }) => [each.name, each.isDefault]),
    ).toEqual([['Sales', true]]);
  });
  it('validates, filters and sorts by custom fields', async () => {
    await platform.db.query(
      `insert into customerconnect.field_definitions (tenant_id, id, object, key, label, type, options)
       values ($1, gen_random_uuid(), 'opportunity', 'tier', 'Tier', 'select', '["gold","silver"]')`,
      [acme],
    );
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, fields_version) values ($1, 1)
       on conflict (tenant_id) do update set fields_version = customerconnect.settings.fields_version + 1`,
      [acme],
    );
    const bad = await create(sofia, { name: 'Tin deal', custom: { tier: 'tin' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.custom.tier');
    const gold = await create(sofia, { name: 'Gold deal', custom: { tier: 'gold' } });
    const silver = await create(sofia, { name: 'Silver deal', custom: { tier: 'silver' } });
    expect(gold.body.custom).toEqual({ tier: 'gold' });
    const filtered = await call(sofia, 'GET', '/opportunities?custom=tier:gold');
    expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual([gold.body.id]);
    const sorted = await call(sofia, 'GET', '/opportunities?q=deal&sort=-custom.tier');
    expect(sorted.body.items.map((item: { id: string }) => item.id).slice(0, 2)).toEqual([
      silver.body.id,
      gold.body.id,
    ]);
    const cleared = await call(sofia, 'PATCH', `/opportunities/${gold.body.id}`, {
      version: 1,
      custom: { tier: null },
    });
    expect(cleared.body.custom).toEqual({});
    const { rows } = await platform.db.query(
      `select changes from customerconnect.record_changes where record_id = $1 and kind = 'updated'`,
      [gold.body.id],
    );
    expect(rows[0]?.changes).toEqual([{ field: 'custom.tier', from: 'gold', to: null }]);
  });
});
