import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

/**
 * Each start loads the platform into a fresh module graph, as a new process
 * would: function modules build their SDK clients at load time (the Lambda
 * way), so a second start in the same module graph would reuse clients aimed
 * at the first start's ports.
 */
async function freshStart(dataDir: string) {
  vi.resetModules();
  const { startTestPlatform } = await import('./testing/test-platform');
  return startTestPlatform({ dataDir, embedded: true });
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'halooid-restart-'));
let receiver: WebhookReceiver;
let url: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  url = `${receiver.base}/hook`;
});

afterAll(async () => {
  await receiver?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run dev keeps data across restarts', () => {
  it('still has a task, the users and the pool after a stop and a start on the same data dir', async () => {
    const first = await freshStart(dataDir);
    const session = await first.login('member@acme.example');
    const created = await first.request('POST', '/v1/taskodex/tasks', {
      headers: session.headers('acme'),
      body: { title: 'Survives a restart' },
    });
    expect(created.status).toBe(201);
    await first.stop();

    const second = await freshStart(dataDir);
    try {
      const again = await second.login('member@acme.example'); // same Cognito users and pool
      const read = await second.request('GET', `/v1/taskodex/tasks/${created.body.id}`, {
        headers: again.headers('acme'),
      });

      expect(second.seeded).toEqual([]); // demo data is not written twice
      expect(read.status).toBe(200);
      expect(read.body.title).toBe('Survives a restart');
    } finally {
      await second.stop();
    }
  });

  // The local data key lives in the data dir: secrets sealed before a restart open after it.
  it('a webhook created before a restart still signs its deliveries after it', async () => {
    const first = await freshStart(dataDir);
    const owner = await first.login('owner@acme.example');
    const hook = await first.request('POST', '/v1/webhooks', {
      headers: owner.headers('acme'),
      body: { url, events: ['taskodex.task.created'] },
    });
    expect(hook.status).toBe(201);
    await first.stop();

    const second = await freshStart(dataDir);
    try {
      const again = await second.login('owner@acme.example');
      const task = await second.request('POST', '/v1/taskodex/tasks', {
        headers: again.headers('acme'),
        body: { title: 'Hooked after a restart' },
      });
      expect(task.status).toBe(201);
      const deadline = Date.now() + 15_000;
      const hit = () =>
        receiver.received.find((request) => JSON.parse(request.body).data.task?.id === task.body.id);
      while (!hit() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

      const { verifySignature } = await import('@halooid/functions/platform/webhooks/signature');
      expect(hit()).toBeDefined();
      expect(
        verifySignature(hook.body.secret, hit()?.body ?? '', String(hit()?.headers['halooid-signature'])),
      ).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
