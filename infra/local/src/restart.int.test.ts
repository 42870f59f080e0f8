import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshStart } from './testing/fresh-start';

const dataDir = await mkdtemp(path.join(tmpdir(), 'halooid-restart-'));

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run dev keeps data across restarts', () => {
  // Two whole starts of the platform, each migrating and seeding every product's demo data the first time.
  it('still has a task, the users and the pool after a stop and a start on the same data dir', {
    timeout: 120_000,
  }, async () => {
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
