import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let member: Session;
let sofia: Session;
let ravi: Session;
let tenantId: string;
let captureKey: string;

const CAPTURE = '/v1/customerconnect/public/leads';

async function newCaptureKey(name: string): Promise<string> {
  const key = await platform.request('POST', '/v1/api-keys', {
    headers: admin.headers('acme'),
    body: { name, scopes: ['customerconnect:lead:capture'] },
  });
  expect(key.status, key.text).toBe(201);
  return key.body.key as string;
}

const capture = (key: string, body: Record<string, unknown>, idempotencyKey?: string) =>
  platform.request('POST', CAPTURE, {
    headers: {
      authorization: `ApiKey ${key}`,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body,
  });

/** Polls until `probe` finds something or `ms` pass (the notification relay runs every 200 ms in tests). */
async function waitFor<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, member, sofia, ravi] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  const team = crypto.randomUUID();
  await platform.db.query(
    `insert into customerconnect.teams (tenant_id, id, name) values ($1, $2, 'Web inbound')`,
    [tenantId, team],
  );
  await platform.db.query(
    `insert into customerconnect.team_members (tenant_id, team_id, user_id, role)
     values ($1, $2, $3, 'rep'), ($1, $2, $4, 'rep')`,
    [tenantId, team, sofia.userId, ravi.userId],
  );
  const rule = await platform.request('POST', '/v1/customerconnect/assignment-rules', {
    headers: admin.headers('acme'),
    body: { name: 'Web leads', kind: 'round_robin', teamId: team, sources: ['web'] },
  });
  expect(rule.status, rule.text).toBe(201);
  captureKey = await newCaptureKey('website form');
});

afterAll(async () => {
  await platform?.stop();
});

describe('web-to-lead', () => {
  it('creates leads from a capture-only key, dealt round-robin, and the owner hears of it', async () => {
    const first = await capture(captureKey, {
      name: 'Ana María Pérez',
      email: 'Ana@Example.com',
      company: 'Pérez SL',
      message: 'Call me',
    });
    const second = await capture(captureKey, { name: 'Zhou', email: 'zhou@example.com' });

    expect(first.status, first.text).toBe(202);
    expect(second.status).toBe(202);
    expect(first.body).toEqual({ id: expect.any(String), status: 'accepted' });
    const { rows } = await platform.db.query(
      `select id, first_name, last_name, email, company_name, source, owner_id, created_by
         from customerconnect.leads where id = any($1::uuid[]) order by created_at`,
      [[first.body.id, second.body.id]],
    );
    expect(rows[0]).toMatchObject({
      first_name: 'Ana María',
      last_name: 'Pérez',
      email: 'ana@example.com',
      company_name: 'Pérez SL',
      source: 'web',
      created_by: null,
    });
    expect(rows[1]).toMatchObject({ first_name: null, last_name: 'Zhou' });
    expect(new Set(rows.map((row) => row.owner_id))).toEqual(new Set([sofia.userId, ravi.userId]));
    const ownerOfFirst = rows[0].owner_id === sofia.userId ? sofia : ravi;
    const notice = await waitFor(15_000, async () => {
      const response = await platform.request('GET', '/v1/notifications?unread=true&limit=100', {
        headers: ownerOfFirst.headers('acme'),
      });
      return (response.body.items as { type: string; title: string; resource?: { id: string } }[]).find(
        (item) => item.type === 'customerconnect.lead.assigned' && item.resource?.id === first.body.id,
      );
    });
    expect(notice?.title).toBe('Lead assigned to you: Ana María Pérez (Pérez SL)');
  });

  it('gives the capture-only key a 403 on every other route, and a user without the grant a 403 here', async () => {
    const asKey = { authorization: `ApiKey ${captureKey}` };
    const list = await platform.request('GET', '/v1/customerconnect/leads', { headers: asKey });
    const create = await platform.request('POST', '/v1/customerconnect/leads', {
      headers: asKey,
      body: { lastName: 'Sneaky' },
    });
    const companies = await platform.request('GET', '/v1/customerconnect/companies', { headers: asKey });
    const byMember = await platform.request('POST', CAPTURE, {
      headers: member.headers('acme'),
      body: { name: 'Member', email: 'm@example.com' },
    });

    expect(list.status).toBe(403);
    expect(create.status).toBe(403);
    expect(companies.status).toBe(403);
    expect(byMember.status).toBe(403);
  });

  // Each case below has its own key: the per-key limit (5 a second) is not what they test.
  it('accepts a filled honeypot like any submission but discards it', async () => {
    const key = await newCaptureKey('honeypot');
    const before = await platform.db.query('select count(*)::int as n from customerconnect.leads');
    const bot = await capture(
      key,
      { name: 'Cheap Pills', email: 'bot@spam.example', website: 'http://spam.example' },
      'bot-1',
    );
    const again = await capture(
      key,
      { name: 'Cheap Pills', email: 'bot@spam.example', website: 'http://spam.example' },
      'bot-1',
    );
    const after = await platform.db.query('select count(*)::int as n from customerconnect.leads');

    expect(bot.status).toBe(202);
    expect(bot.body).toEqual({ id: expect.any(String), status: 'accepted' });
    expect(again.body.id).toBe(bot.body.id);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const { rows } = await platform.db.query(
      `select lead_id, discarded from customerconnect.lead_captures where idempotency_key = 'bot-1'`,
    );
    expect(rows).toEqual([{ lead_id: null, discarded: true }]);
  });

  it('answers a replayed Idempotency-Key with the same lead and creates one row', async () => {
    const key = await newCaptureKey('retries');
    const body = { name: 'Retry Person', email: 'retry@example.com' };
    const first = await capture(key, body, 'form-submission-42');
    const replay = await capture(key, body, 'form-submission-42');
    const badKey = await capture(key, body, 'has a space');

    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(badKey.status).toBe(400);
    const { rows } = await platform.db.query(
      `select count(*)::int as n from customerconnect.leads where email = 'retry@example.com'`,
    );
    expect(rows[0].n).toBe(1);
    const captures = await platform.db.query(
      `select lead_id from customerconnect.lead_captures where idempotency_key = 'form-submission-42'`,
    );
    expect(captures.rows).toEqual([{ lead_id: first.body.id }]);
  });

  it('answers a burst over the per-key limit with 429 and Retry-After', async () => {
    const burstKey = await newCaptureKey('burst');
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        capture(burstKey, { name: `Burst ${index}`, email: `burst${index}@example.com` }),
      ),
    );
    const limited = responses.filter((response) => response.status === 429);

    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(responses.every((response) => response.status === 202 || response.status === 429)).toBe(true);
  });

  it('rejects a bad body with 400 naming the field', async () => {
    const key = await newCaptureKey('bad bodies');
    const noEmail = await capture(key, { name: 'No Email' });
    const extra = await capture(key, { name: 'X', email: 'x@example.com', admin: true });

    expect(noEmail.status).toBe(400);
    expect(noEmail.body.errors[0].field).toBe('body.email');
    expect(extra.status).toBe(400);
  });
});
