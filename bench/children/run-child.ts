import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../infra/local/src/repo-root';

const INVOKE = path.join(REPO_ROOT, 'bench', 'children', 'invoke.mjs');

/** Bytes: RSS and V8 heap in use after a full collection, and the process's peak RSS so far. */
export interface Memory {
  rss: number;
  heapUsed: number;
  maxRss: number;
}

export interface ChildReport {
  scriptStart: number;
  imported: number;
  served: number;
  status: number | string;
  atCheckpoint?: Memory;
  /** Memory read after the invocations listed in `trend`. */
  trend?: (Memory & { at: number })[];
  end?: Memory;
  /** ms since process start when the last invocation finished. */
  done: number;
  /** Parent-side wall time from spawn to exit, ms. */
  wall: number;
}

/**
 * Runs bench/children/invoke.mjs on a bundle in a fresh `node` process with
 * the platform's environment (database, Cognito, DynamoDB endpoints) and the
 * settings a Lambda gets (pool of 2, silent logs, metrics off).
 */
export function runBundle(
  bundle: string,
  event: unknown,
  options: { invocations?: number; checkpoint?: number; trend?: number[]; exposeGc?: boolean } = {},
): Promise<ChildReport> {
  const { NODE_OPTIONS: _loaders, ...inherited } = process.env;
  const env = {
    ...inherited,
    BENCH_EVENT: JSON.stringify(event),
    BENCH_INVOCATIONS: String(options.invocations ?? 1),
    BENCH_CHECKPOINT: String(options.checkpoint ?? 0),
    BENCH_TREND: (options.trend ?? []).join(','),
    DB_POOL_MAX: '2',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  const args = [...(options.exposeGc ? ['--expose-gc'] : []), INVOKE, bundle];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { env, maxBuffer: 1 << 20, timeout: 300_000 },
      (error, stdout, stderr) => {
        const wall = performance.now() - started;
        const line = stdout.trim().split('\n').at(-1);
        if (error || !line) {
          reject(
            new Error(
              `${path.basename(path.dirname(bundle))}: ${error?.message ?? 'no output'} ${stderr.slice(0, 500)}`,
            ),
          );
          return;
        }
        resolve({ ...(JSON.parse(line) as Omit<ChildReport, 'wall'>), wall });
      },
    );
  });
}
