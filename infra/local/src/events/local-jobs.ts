import type { EventPublisher } from '@halooid/shared/events/publisher';
import { createLogger } from '@halooid/shared/observability';
import type { LocalJob, LocalJobFactory, ProductManifest, ScheduledJob } from '@halooid/shared/product';

/** A test's or bench's change to one job: how often it runs, and the settings its local runner reads. */
export interface LocalJobOverride {
  everyMs?: number;
  settings?: Readonly<Record<string, number | undefined>>;
}

export interface LocalJobs {
  /** Function names (`platform-outbox-relay`) of the jobs running. */
  names: readonly string[];
  /** Runs one job once now, and waits for what it started (tests). */
  run(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `task` every `intervalMs`, never two at once; `stop` waits for the current run. */
function every(intervalMs: number, task: () => Promise<unknown>, onError: (error: Error) => void) {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= task()
      .then(
        () => {},
        (error: Error) => onError(error),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Loads a file named relative to a product folder. */
export type ModuleLoader = (product: string, file: string) => Promise<Record<string, unknown>>;

/** `due-soon/handler.ts` of taskodex → `@halooid/functions/taskodex/due-soon/handler`. */
const importFromFunctions: ModuleLoader = (product, file) =>
  import(`@halooid/functions/${product}/${file.replace(/\.ts$/, '')}`);

async function localJob(
  product: ProductManifest,
  job: ScheduledJob,
  context: Parameters<LocalJobFactory>[0],
  load: ModuleLoader,
): Promise<LocalJob> {
  if (job.local) {
    const { createLocalJob } = (await load(product.key, job.local)) as { createLocalJob: LocalJobFactory };
    return createLocalJob(context);
  }
  // No local runner: the Lambda entry itself, as EventBridge Scheduler would call it.
  const { handler } = (await load(product.key, job.handler)) as { handler: () => Promise<unknown> };
  return { run: () => handler() };
}

/**
 * Every product's scheduled jobs (EventBridge Scheduler in AWS) on timers:
 * each runs once at start, then every `localEveryMs` (or its override),
 * never two runs of one job at once. A failed run is logged; the next tick
 * is the retry, as in AWS.
 */
export async function startLocalJobs(
  products: readonly ProductManifest[],
  publisher: EventPublisher,
  overrides: Readonly<Record<string, LocalJobOverride>> = {},
  load: ModuleLoader = importFromFunctions,
): Promise<LocalJobs> {
  const logger = createLogger('local-jobs');
  const all = products.flatMap((product) =>
    (product.schedules ?? []).map((job) => ({ name: `${product.key}-${job.name}`, product, job })),
  );
  const unknown = Object.keys(overrides).filter((name) => !all.some((job) => job.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `No scheduled job ${unknown.join(', ')} (known: ${all.map((job) => job.name).join(', ')})`,
    );
  }

  const running = new Map<string, { job: LocalJob; timer: ReturnType<typeof every> }>();
  for (const { name, product, job } of all) {
    const override = overrides[name] ?? {};
    const local = await localJob(product, job, { publisher, settings: override.settings ?? {} }, load);
    const timer = every(
      override.everyMs ?? job.localEveryMs,
      () => local.run(),
      (error) => logger.warn('A scheduled job failed', { job: name, error }),
    );
    running.set(name, { job: local, timer });
    void timer.run();
  }

  return {
    names: [...running.keys()],
    async run(name) {
      const entry = running.get(name);
      if (!entry) throw new Error(`No scheduled job ${name}`);
      await entry.timer.run();
      await entry.job.drain?.();
    },
    async stop() {
      for (const { job, timer } of running.values()) {
        await timer.stop();
        await job.drain?.();
      }
    },
  };
}
