import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

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

afterAll(async () => {
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
});
