import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { startWebhookReceiver, type WebhookReceiver } from '@halooid/local/testing/webhook-receiver';
import { dataKeyring } from '@halooid/shared/crypto/data-keys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resealStaleSecrets } from './secrets';
import { verifySignature } from './signature';

/** Signing secrets are stored sealed (AES-256-GCM with the row as AAD) and still sign deliveries. */
let platform: TestPlatform;
let owner: Session;
let receiver: WebhookReceiver;
let base: string;
const created: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  owner = await platform.login('owner@acme.example');
  receiver = await startWebhookReceiver();
  base = receiver.base;
});

afterEach(async () => {
  for (const id of created.splice(0))
    await platform.request('DELETE', `/v1/webhooks/${id}`, { headers: owner.headers('acme') });
});

afterAll(async () => {
  await receiver?.close();
  await platform?.stop();
});

async function createWebhook(path: string) {
  const response = await platform.request('POST', '/v1/webhooks', {
    headers: owner.headers('acme'),
    body: { url: `${base}${path}`, events: ['taskodex.task.created'] },
  });
  expect(response.status).toBe(201);
  created.push(response.body.id);
  return response.body as { id: string; secret: string };
}

const storedSecret = async (id: string): Promise<string> =>
  (await platform.db.query('select secret from platform.webhooks where id = $1', [id])).rows[0].secret;

async function deliveriesOf(webhookId: string, taskId: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await platform.request('GET', `/v1/webhooks/${webhookId}/deliveries`, {
      headers: owner.headers('acme'),
    });
    const done = (response.body.items as { status: string; attempts: number }[]).filter(
      (item) => item.status !== 'pending' || item.attempts > 0,
    );
    const hits = receiver.received.filter((request) => JSON.parse(request.body).data.task?.id === taskId);
    if (done.length > 0 || Date.now() > deadline) return { log: response.body.items, hits };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const createTask = async (title: string): Promise<string> => {
  const response = await platform.request('POST', '/v1/taskodex/tasks', {
    headers: owner.headers('acme'),
    body: { title },
  });
  expect(response.status).toBe(201);
  return response.body.id;
};

describe('webhook signing secrets at rest', () => {
  it('stores the secret sealed, never shows it on reads, and signs deliveries with it', async () => {
    const hook = await createWebhook('/sealed');

    const stored = await storedSecret(hook.id);
    expect(stored).toMatch(/^v1:k1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain(hook.secret);
    expect(stored).not.toContain(hook.secret.replace(/^whsec_/, ''));
    const listed = await platform.request('GET', '/v1/webhooks', { headers: owner.headers('acme') });
    expect(listed.text).not.toContain(hook.secret);
    expect(listed.text).not.toContain('v1:k1:');

    const taskId = await createTask('Signed with a sealed secret');
    const { log, hits } = await deliveriesOf(hook.id, taskId);

    expect(log[0]).toMatchObject({ status: 'succeeded', responseCode: 200 });
    const hit = hits.find((request) => request.path === '/sealed');
    expect(hit).toBeDefined();
    expect(verifySignature(hook.secret, hit?.body ?? '', String(hit?.headers['halooid-signature']))).toBe(
      true,
    );
  });

  it('a sealed secret copied into another webhook row does not open there: nothing is sent', async () => {
    const [a, b] = [await createWebhook('/a'), await createWebhook('/b')];
    await platform.db.query('update platform.webhooks set secret = $2 where id = $1', [
      b.id,
      await storedSecret(a.id),
    ]);

    const taskId = await createTask('Copied secret');
    const { log, hits } = await deliveriesOf(b.id, taskId);

    expect(log[0]).toMatchObject({ responseCode: null, error: 'The signing secret could not be read.' });
    expect(hits.filter((request) => request.path === '/b')).toHaveLength(0);
  });

  it('re-encrypts a plain-text secret from before encryption; deliveries stay signed with it', async () => {
    const hook = await createWebhook('/legacy');
    const legacy = 'whsec_written_before_encryption_existed';
    await platform.db.query('update platform.webhooks set secret = $2 where id = $1', [hook.id, legacy]);

    const resealed = await resealStaleSecrets(await dataKeyring());

    expect(resealed).toBe(1);
    const stored = await storedSecret(hook.id);
    expect(stored).toMatch(/^v1:k1:/);
    expect(stored).not.toContain(legacy);
    expect(await resealStaleSecrets(await dataKeyring())).toBe(0);
    const taskId = await createTask('Signed with a re-encrypted legacy secret');
    const { hits } = await deliveriesOf(hook.id, taskId);
    const hit = hits.find((request) => request.path === '/legacy');
    expect(verifySignature(legacy, hit?.body ?? '', String(hit?.headers['halooid-signature']))).toBe(true);
  });
});
