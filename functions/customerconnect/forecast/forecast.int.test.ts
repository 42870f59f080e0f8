import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let sofia: Session;
let pipelineId = '';
const stages: Record<string, string> = {};

const call = (as: Session, method: string, path: string, body?: Record<string, unknown>) =>
  platform.request(method, `/v1/customerconnect${path}`, {
    headers: as.headers('acme'),
    ...(body ? { body } : {}),
  });

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, sofia] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('sales@acme.example'),
  ]);
  const created = await call(admin, 'POST', '/pipelines', {
    name: 'Forecasting',
    stages: [
      { name: 'Third', probability: '33.33' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  pipelineId = created.body.id;
  for (const stage of created.body.stages) stages[stage.name] = stage.id;
  const deal = (name: string, stage: string, amount: string | null, currency: string | null, date: string) =>
    call(sofia, 'POST', '/opportunities', {
      name,
      pipelineId,
      stageId: stages[stage],
      ...(amount ? { amount, currency } : {}),
      expectedCloseDate: date,
    });
  for (const [index, date] of ['2026-11-01', '2026-11-15', '2026-11-30'].entries())
    expect((await deal(`Third ${index}`, 'Third', '1000.10', 'EUR', date)).status).toBe(201);
  await deal('Dollars', 'Third', '500.00', 'USD', '2026-12-31');
  await deal('Signed', 'Won', '200.00', 'EUR', '2026-10-01');
  await deal('Gone', 'Lost', '300.00', 'EUR', '2026-10-02');
  await deal('Next year', 'Third', '999.00', 'EUR', '2027-01-01');
  await deal('Last year', 'Third', '999.00', 'EUR', '2026-09-30');
  await deal('No amount', 'Third', null, null, '2026-11-02');
});

afterAll(async () => {
  await platform?.stop();
});

describe('forecast', () => {
  it('sums per currency exactly: weighted is Σ amount × probability / 100 (3 × 1000.10 @ 33.33 % = 999.99999)', async () => {
    const response = await call(
      sofia,
      'GET',
      `/forecast?period=2026-Q4&pipelineId=${pipelineId}&groupBy=month`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      period: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      groupBy: 'month',
    });
    expect(response.body.totals).toEqual([
      {
        currency: 'EUR',
        count: 5,
        total: '3500.30',
        weighted: '1199.99999',
        open: { count: 3, total: '3000.30', weighted: '999.99999' },
        won: { count: 1, total: '200.00' },
        lost: { count: 1, total: '300.00' },
      },
      {
        currency: 'USD',
        count: 1,
        total: '500.00',
        weighted: '166.65',
        open: { count: 1, total: '500.00', weighted: '166.65' },
        won: { count: 0, total: '0.00' },
        lost: { count: 0, total: '0.00' },
      },
    ]);
    expect(
      response.body.groups.map(
        (group: { key: string; currencies: { currency: string; weighted: string }[] }) => [
          group.key,
          group.currencies.map((each) => `${each.currency} ${each.weighted}`),
        ],
      ),
    ).toEqual([
      ['2026-10', ['EUR 200.00']],
      ['2026-11', ['EUR 999.99999']],
      ['2026-12', ['USD 166.65']],
    ]);
  });

  it('groups by stage in pipeline order and by owner; a month and a year are periods too', async () => {
    const byStage = await call(sofia, 'GET', `/forecast?period=2026&pipelineId=${pipelineId}&groupBy=stage`);
    expect(byStage.body.groups.map((group: { label: string }) => group.label)).toEqual([
      'Third',
      'Won',
      'Lost',
    ]);
    const november = await call(sofia, 'GET', `/forecast?period=2026-11&pipelineId=${pipelineId}&ownerId=me`);
    expect(november.body.groups).toHaveLength(1);
    expect(november.body.groups[0].key).toBe(sofia.userId);
    expect(november.body.totals[0]).toMatchObject({ currency: 'EUR', count: 3, total: '3000.30' });
    const nobody = await call(admin, 'GET', `/forecast?period=2026-11&pipelineId=${pipelineId}&ownerId=me`);
    expect(nobody.body).toMatchObject({ groups: [], totals: [] });
  });

  it('answers a period it cannot read with 400 on query.period', async () => {
    for (const period of ['2026-Q5', '2026-13', 'Q4', '26'])
      expect((await call(sofia, 'GET', `/forecast?period=${period}`)).body.errors?.[0]?.field).toBe(
        'query.period',
      );
  });

  it('reads deals of the period through opportunities_close_idx', async () => {
    // One simple-protocol round trip, so the planner setting stays on one connection and inside one transaction.
    const tenant = admin.tenants.find((each) => each.slug === 'acme')?.id ?? '';
    expect(tenant).toMatch(/^[0-9a-f-]{36}$/);
    const results = (await platform.db.query(
      `begin; set local enable_seqscan = off;
       explain select count(*) from customerconnect.opportunities o
        where o.tenant_id = '${tenant}' and o.expected_close_date >= '2026-10-01' and o.expected_close_date < '2027-01-01';
       commit;`,
    )) as unknown as { rows: Record<string, unknown>[] }[];
    const rows = results[2]?.rows ?? [];
    expect(rows.map((row) => Object.values(row)[0]).join('\n')).toContain('opportunities_close_idx');
  });
});
