import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStart } from './testing/fresh-start';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';

// Its own file (one process, two starts), as restart.int.test.ts: each file's platform starts stay few.
const dataDir = await mkdtemp(path.join(tmpdir(), 'halooid-key-restart-'));
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

describe('the local data key survives restarts', () => {
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
