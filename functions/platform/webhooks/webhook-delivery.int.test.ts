import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Session,
  startTestPlatform,
  TEST_EVENT_OPTIONS,
  type TestPlatform,
} from '@halooid/local/testing/test-platform';
import { startWebhookReceiver, type WebhookReceiver } from '@halooid/local/testing/webhook-receiver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookDeliveryPool, runDeliveryWorker } from './delivery-worker';
import { refuseUrl, urlPolicyFor } from './url-guard';

/**
 * The delivery worker against the real platform: fairness between tenants,
 * DNS rebinding at send time, and the tier's cap on webhooks. The platform's
 * own worker timer is parked (an hour) so each test drives the worker itself,
 * with its own timeouts and resolver.
 */
let platform: TestPlatform;
let acmeOwner: Session;
let globexOwner: Session;
let fast: WebhookReceiver;

beforeAll(async () => {
  platform = await startTestPlatform({
    events: {
      ...TEST_EVENT_OPTIONS,
      jobs: {
        ...TEST_EVENT_OPTIONS.jobs,
        'platform-webhooks-worker': {
          ...TEST_EVENT_OPTIONS.jobs['platform-webhooks-worker'],
          everyMs: 3_600_000,
        },
      },
    },
  });
  [acmeOwner, globexOwner] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  fast = await startWebhookReceiver();
});

afterEach(async () => {
  await platform.db.query('delete from platform.webhooks');
  fast.received.length = 0;
});

afterAll(async () => {
  await fast?.close();
  await platform?.stop();
});

const local = urlPolicyFor('local');
const POLL_MS = 15_000;

/** Polls `check` until it returns something, or fails after 15 s. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + POLL_MS;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function createWebhook(session: Session, slug: string, url: string): Promise<string> {
  const response = await platform.request('POST', '/v1/webhooks', {
    headers: session.headers(slug),
    body: { url, events: ['taskodex.task.created'] },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function createTask(session: Session, slug: string, title: string): Promise<void> {
  const response = await platform.request('POST', '/v1/taskodex/tasks', {
    headers: session.headers(slug),
    body: { title },
  });
  expect(response.status).toBe(201);
}

const deliveriesOf = async (webhookId: string) =>
  (
    await platform.db.query<{ status: string; last_error: string | null; attempts: number }>(
      'select status, last_error, attempts from platform.webhook_deliveries where webhook_id = $1',
      [webhookId],
    )
  ).rows;

/** A receiver that holds every request open until `release()`: a customer's slow endpoint. */
async function startHoldingReceiver() {
  const held: http.ServerResponse[] = [];
  const state = { received: 0, answered: 0, abandoned: 0 };
  let released = false;
  const server = http.createServer((request, response) => {
    state.received++;
    request.resume();
    // The sender gave up (its timeout) before we answered.
    response.on('close', () => {
      if (!response.writableEnded) state.abandoned++;
    });
    const answer = () => {
      state.answered++;
      response.writeHead(200).end('ok');
    };
    if (released) answer();
    else held.push(Object.assign(response, { answer }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    release() {
      released = true;
      for (const response of held.splice(0)) (response as http.ServerResponse & { answer(): void }).answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhook delivery fairness', () => {
  it("a tenant's slow receiver holds only its own slots: another tenant's delivery goes out while it is in flight", async () => {
    const slow = await startHoldingReceiver();
    // A scaled-down worker: 4 slots, 2 per tenant, an 8 s timeout that the test never reaches.
    const pool = createWebhookDeliveryPool({
      concurrency: 4,
      perTenantConcurrency: 2,
      timeoutMs: 8_000,
      retryDelaysMs: [],
      urlPolicy: local,
    });
    const timer = setInterval(() => void pool.fill().catch(() => {}), 25);
    try {
      const hookA = await createWebhook(acmeOwner, 'acme', `${slow.base}/a`);
      const hookB = await createWebhook(globexOwner, 'globex', `${fast.base}/b`);
      for (let index = 1; index <= 6; index++) await createTask(acmeOwner, 'acme', `Slow ${index}`);
      await waitFor('A to fill its two slots', () => (slow.state.received >= 2 ? true : undefined));

      await createTask(globexOwner, 'globex', 'Fast');
      await waitFor("B's delivery", () =>
        fast.received.some((hit) => hit.path === '/b') ? true : undefined,
      );

      // B arrived while A's first two were still open: not answered, not given up on.
      expect(slow.state).toEqual({ received: 2, answered: 0, abandoned: 0 });
      expect((await deliveriesOf(hookA)).filter((row) => row.status === 'pending')).toHaveLength(6);
      expect(
        await waitFor('B recorded', async () => {
          const rows = await deliveriesOf(hookB);
          return rows[0]?.status === 'succeeded' ? rows : undefined;
        }),
      ).toEqual([{ status: 'succeeded', last_error: null, attempts: 1 }]);

      slow.release();
      const all = await waitFor("all of A's deliveries", async () => {
        const rows = await deliveriesOf(hookA);
        return rows.length === 6 && rows.every((row) => row.status === 'succeeded') ? rows : undefined;
      });
      expect(all).toHaveLength(6);
      expect(slow.state).toEqual({ received: 6, answered: 6, abandoned: 0 });
    } finally {
      clearInterval(timer);
      slow.release();
      await pool.drain();
      await slow.close();
    }
  });
});

describe('DNS rebinding at send time', () => {
  it('a name that was public when checked and private when sent is never connected to; the delivery fails with the reason', async () => {
    const hook = await createWebhook(acmeOwner, 'acme', `${fast.base}/rebound`);
    const port = new URL(fast.base).port;
    const url = `http://hooks.rebind.example:${port}/rebound`;
    // Public for the check (as the API's check would have seen it), the receiver's loopback address afterwards.
    const answers = [['93.184.216.34']];
    const rebinding = async () => answers.shift() ?? ['127.0.0.1'];
    expect(await refuseUrl(url, local, rebinding)).toBeUndefined();
    await platform.db.query('update platform.webhooks set url = $2 where id = $1', [hook, url]);
    await createTask(acmeOwner, 'acme', 'Rebound');
    await waitFor('the delivery row', async () => ((await deliveriesOf(hook)).length > 0 ? true : undefined));

    // The Lambda entry's loop, for a short budget: it drains what it started before returning.
    const attempted = await runDeliveryWorker(300, {
      resolve: rebinding,
      retryDelaysMs: [],
      urlPolicy: local,
      pollMs: 50,
    });

    expect(attempted).toBe(1);

    const rows = await deliveriesOf(hook);
    expect(rows).toEqual([
      {
        status: 'failed',
        attempts: 1,
        last_error: expect.stringMatching(
          /^The host hooks\.rebind\.example resolves to 127\.0\.0\.1, a loopback address, which webhooks may not target\./,
        ),
      },
    ]);
    expect(fast.received.filter((hit) => hit.path === '/rebound')).toEqual([]);
  });
});

describe('webhook URLs through the API', () => {
  it('refuses the addresses an SSRF probe got accepted, on create and on change', async () => {
    const port = new URL(fast.base).port;
    const probe = [
      `http://[::ffff:169.254.169.254]:${port}/`,
      `http://[::ffff:10.0.0.1]:${port}/`,
      `http://[::ffff:192.168.1.1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://[::a9fe:a9fe]:${port}/`,
      `http://[64:ff9b::a9fe:a9fe]:${port}/`,
      `http://[2002:a9fe:a9fe::1]:${port}/`,
      `http://[fec0::1]:${port}/`,
      `http://2852039166:${port}/`,
      `http://127.1:${port}/`,
      `http://evil.example@127.0.0.1:${port}/`,
      `http://127.0.0.1:${port}#@evil.example`,
    ];
    const hook = await createWebhook(acmeOwner, 'acme', `${fast.base}/kept`);

    for (const url of probe) {
      const created = await platform.request('POST', '/v1/webhooks', {
        headers: acmeOwner.headers('acme'),
        body: { url, events: ['*'] },
      });
      const changed = await platform.request('PATCH', `/v1/webhooks/${hook}`, {
        headers: acmeOwner.headers('acme'),
        body: { url },
      });

      expect([url, created.status, created.body.errors?.[0]?.code]).toEqual([url, 400, 'url_refused']);
      expect([url, changed.status, changed.body.errors?.[0]?.code]).toEqual([url, 400, 'url_refused']);
    }
    const { rows } = await platform.db.query('select url from platform.webhooks');
    expect(rows).toEqual([{ url: `${fast.base}/kept` }]);
  });
});

describe('webhooks per tenant', () => {
  it("creating one more webhook than the tier allows is a 422; the cap follows the tenant's tier", async () => {
    const globexId = globexOwner.tenants.find((tenant) => tenant.slug === 'globex')?.id;
    await platform.db.query(`update platform.tenants set tier = 'free' where id = $1`, [globexId]);
    for (let index = 0; index < 5; index++)
      await createWebhook(globexOwner, 'globex', `${fast.base}/cap${index}`);

    const sixth = await platform.request('POST', '/v1/webhooks', {
      headers: globexOwner.headers('globex'),
      body: { url: `${fast.base}/cap5`, events: ['*'] },
    });

    expect(sixth.status).toBe(422);
    expect(sixth.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(sixth.body).toMatchObject({ status: 422, code: 'webhook_limit_reached' });
    expect(sixth.body.detail).toMatch(/free plan allows 5 webhooks/);
    const { rows } = await platform.db.query(
      'select count(*)::int as n from platform.webhooks where tenant_id = $1',
      [globexId],
    );
    expect(rows[0].n).toBe(5);

    await platform.db.query(`update platform.tenants set tier = 'pro' where id = $1`, [globexId]);
    await createWebhook(globexOwner, 'globex', `${fast.base}/cap5`);
    await platform.db.query(`update platform.tenants set tier = 'free' where id = $1`, [globexId]);
  });
});
