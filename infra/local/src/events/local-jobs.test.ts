import type { EventPublisher } from '@halooid/shared/events/publisher';
import { defineProduct, type LocalJobContext } from '@halooid/shared/product';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalJobs, type ModuleLoader, startLocalJobs } from './local-jobs';

const publisher: EventPublisher = { publish: async () => ({ failed: [] }) } as unknown as EventPublisher;

const product = defineProduct({
  key: 'fakeco',
  displayName: 'FakeCo',
  description: 'Test-only product',
  capabilities: [],
  schedules: [
    {
      name: 'plain',
      description: 'Runs its Lambda entry locally',
      schedule: 'rate(1 hour)',
      handler: 'plain/handler.ts',
      resources: {},
      localEveryMs: 3_600_000,
    },
    {
      name: 'pooled',
      description: 'Has a local runner',
      schedule: 'rate(1 minute)',
      handler: 'pooled/handler.ts',
      local: 'pooled/local.ts',
      resources: {},
      localEveryMs: 3_600_000,
    },
  ],
});

/** Fake modules that record what the runtime does with them. */
function fakeModules() {
  const calls: string[] = [];
  const contexts: LocalJobContext[] = [];
  const load: ModuleLoader = async (key, file) => {
    calls.push(`load ${key}/${file}`);
    if (file === 'plain/handler.ts') return { handler: async () => calls.push('plain ran') };
    if (file === 'pooled/local.ts') {
      return {
        createLocalJob: (context: LocalJobContext) => {
          contexts.push(context);
          return {
            run: async () => calls.push('pooled ran'),
            drain: async () => calls.push('pooled drained'),
          };
        },
      };
    }
    throw new Error(`unexpected module ${file}`);
  };
  return { calls, contexts, load };
}

let jobs: LocalJobs | undefined;
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
});

describe('startLocalJobs', () => {
  it("runs every product's jobs once at start: the Lambda entry, or the local runner with its settings", async () => {
    const modules = fakeModules();

    jobs = await startLocalJobs(
      [product],
      publisher,
      { 'fakeco-pooled': { settings: { minAgeMs: 5 } } },
      modules.load,
    );
    await jobs.run('fakeco-plain');

    expect(jobs.names).toEqual(['fakeco-plain', 'fakeco-pooled']);
    expect(modules.calls).toEqual(
      expect.arrayContaining([
        'load fakeco/plain/handler.ts',
        'load fakeco/pooled/local.ts',
        'plain ran',
        'pooled ran',
      ]),
    );
    expect(modules.calls).not.toContain('load fakeco/pooled/handler.ts');
    expect(modules.contexts).toEqual([{ publisher, settings: { minAgeMs: 5 } }]);
  });

  it('drains a local runner when asked to run it and at stop', async () => {
    const modules = fakeModules();
    jobs = await startLocalJobs([product], publisher, {}, modules.load);

    await jobs.run('fakeco-pooled');
    await jobs.stop();
    jobs = undefined;

    expect(modules.calls.filter((call) => call === 'pooled drained')).toHaveLength(2);
  });

  it('runs a job again at its override interval', async () => {
    const modules = fakeModules();

    jobs = await startLocalJobs([product], publisher, { 'fakeco-plain': { everyMs: 5 } }, modules.load);

    await expect
      .poll(() => modules.calls.filter((call) => call === 'plain ran').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
  });

  it('refuses an override for a job that does not exist, so a typo never passes silently', async () => {
    const modules = fakeModules();

    await expect(
      startLocalJobs([product], publisher, { 'fakeco-nope': { everyMs: 1 } }, modules.load),
    ).rejects.toThrow(/No scheduled job fakeco-nope \(known: fakeco-plain, fakeco-pooled\)/);
    expect(modules.calls).toEqual([]);
  });
});
