import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** A fresh module graph per start, as in restart.int.test.ts: a restart is a new process. */
async function freshStart(dataDir: string) {
  vi.resetModules();
  const { startTestPlatform } = await import('./testing/test-platform');
  return startTestPlatform({ dataDir, embedded: true });
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'halooid-key-restart-'));
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local data key survives restarts', () => {
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
      const hit = () => received.find((request) => JSON.parse(request.body).data.task?.id === task.body.id);
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
