import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SERVICES } from '@halooid/functions/registry';
import { insertTask, listTasks } from '@halooid/functions/taskodex/domain/task-repository';
import { CreateTaskBody, ListTasksQuery } from '@halooid/functions/taskodex/domain/task-schemas';
import { type AuthorizerHandler, type ProxyHandler, startGateway } from '@halooid/local/gateway';
import { RouteTable } from '@halooid/local/route-table';
import { UsagePlans, type UsageVerdict } from '@halooid/local/usage-plans';
import { serviceName } from '@halooid/shared/manifest';
import pg from 'pg';
import { REPO_ROOT } from '../infra/local/src/repo-root';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { type Result, result } from './stats';

const AUTOCANNON = path.join(REPO_ROOT, 'node_modules', 'autocannon', 'autocannon.js');
const CONNECTIONS = 50;
const LIST_PATH = '/v1/taskodex/tasks?limit=20';
const TASK_BODY = JSON.stringify({ title: 'Throughput task', priority: 'medium', labels: ['bench'] });

/** The tier throttle is a per-tenant policy (pro: 50 req/s), not a cost; measured, it would be all the benchmark sees. */
class Unthrottled extends UsagePlans {
  override take(): UsageVerdict {
    return { allowed: true };
  }
}

interface Run {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon in its own process, so the load generator does not share the server's event loop. */
function autocannon(
  url: string,
  seconds: number,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Run> {
  const args = [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(seconds)];
  if (options.method) args.push('-m', options.method);
  for (const [key, value] of Object.entries(options.headers ?? {})) args.push('-H', `${key}=${value}`);
  if (options.body) args.push('-b', options.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { maxBuffer: 16 << 20, timeout: (seconds + 60) * 1000 },
      (error, stdout) => {
        if (error) return reject(error);
        const report = JSON.parse(stdout) as {
          requests: { average: number; total: number };
          latency: { p50: number; p99: number };
          errors: number;
          timeouts: number;
          non2xx: number;
          '2xx': number;
        };
        resolve({
          requests: report.requests.total,
          rps: report['2xx'] / seconds,
          p50: report.latency.p50,
          p99: report.latency.p99,
          errors: report.errors + report.timeouts,
          non2xx: report.non2xx,
        });
      },
    );
  });
}

/**
 * The baseline: node:http + pg answering the same two requests with the same
 * SQL (the Taskodex repository's functions), as the database owner, with no
 * authorizer, no kernel, no tenant role; each request is one transaction
 * (PGlite needs one around a parameterised statement; a server does not mind).
 */
async function startBareServer(databaseUrl: string, tenantId: string, userId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // The database may go away before this pool at shutdown; a dropped socket must not crash the run.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const query = ListTasksQuery.parse({ limit: '20' });
  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const value = await work(client);
      await client.query('commit');
      return value;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer =
        req.method === 'POST'
          ? inTransaction((client) => {
              const input = CreateTaskBody.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
              return insertTask(client, {
                ...input,
                status: input.status ?? 'backlog',
                id: randomUUID(),
                tenantId,
                createdBy: userId,
                position: Date.now(),
              });
            }).then((task) => [201, task] as const)
          : inTransaction((client) => listTasks(client, tenantId, query)).then(
              (page) => [200, page] as const,
            );
      answer
        .then(([status, body]) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        })
        .catch((error: Error) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(error.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}

/** The platform's gateway (real authorizer, policy, kernel, handlers) without the tier throttle. */
async function startUnthrottledGateway() {
  const handlers = new Map<string, ProxyHandler>();
  for (const service of SERVICES) {
    const module = (await import(`@halooid/functions/${service.product}/${service.capability}/handler`)) as {
      handler: ProxyHandler;
    };
    handlers.set(serviceName(service), module.handler);
  }
  const { handler: authorizer } = (await import('@halooid/functions/platform/authorizer/handler')) as {
    handler: AuthorizerHandler;
  };
  return startGateway({
    routes: new RouteTable(SERVICES),
    handlers,
    authorizer,
    usagePlans: new Unthrottled(),
    port: 0,
    host: '127.0.0.1',
  });
}

export async function benchThroughput(options: { quick: boolean; bench: BenchPlatform }): Promise<Section> {
  const started = performance.now();
  const seconds = options.quick ? 3 : 20;
  const warmup = options.quick ? 1 : 3;
  const { bench } = options;
  const bare = await startBareServer(bench.platform.databaseUrl, bench.tenantId, bench.owner.userId);
  const gateway = await startUnthrottledGateway();
  const gatewayUrl = gateway.url.replace('localhost', '127.0.0.1');
  const auth = bench.owner.headers('acme');
  const json = { 'content-type': 'application/json' };
  const runs: Record<string, { bare: Run; gateway: Run }> = {};
  try {
    for (const [key, request] of [
      ['list', { method: 'GET' }],
      ['create', { method: 'POST', body: TASK_BODY }],
    ] as const) {
      const url = (base: string) => `${base}${key === 'list' ? LIST_PATH : '/v1/taskodex/tasks'}`;
      const bareOptions = { ...request, headers: json };
      const gatewayOptions = { ...request, headers: { ...json, ...auth } };
      await autocannon(url(bare.url), warmup, bareOptions);
      await autocannon(url(gatewayUrl), warmup, gatewayOptions);
      runs[key] = {
        bare: await autocannon(url(bare.url), seconds, bareOptions),
        gateway: await autocannon(url(gatewayUrl), seconds, gatewayOptions),
      };
    }
  } finally {
    await gateway.close();
    await bare.close();
  }

  const results: Result[] = [];
  const rows: string[][] = [];
  for (const [key, { bare: base, gateway: ours }] of Object.entries(runs)) {
    const label = key === 'list' ? `GET ${LIST_PATH}` : 'POST /v1/taskodex/tasks';
    const baseName = `throughput.${key}.bare-server.rps`;
    results.push(
      result(baseName, 'req/s', base.rps),
      result(`throughput.${key}.gateway.rps`, 'req/s', ours.rps, {
        baseline: base.rps,
        baselineName: baseName,
        goal: '≥ 0.5× the bare server, zero errors',
        check: (ratio) => ratio !== null && ratio >= 0.5 && ours.errors + ours.non2xx === 0,
      }),
      result(`throughput.${key}.gateway.p50`, 'ms', ours.p50, {
        baseline: base.p50,
        baselineName: `throughput.${key}.bare-server.p50`,
      }),
      result(`throughput.${key}.gateway.p99`, 'ms', ours.p99, {
        baseline: base.p99,
        baselineName: `throughput.${key}.bare-server.p99`,
      }),
      result(`throughput.${key}.gateway.errors`, 'count', ours.errors + ours.non2xx),
    );
    for (const [who, run] of [
      ['bare node:http + pg, no auth', base],
      ['local gateway: authorizer + kernel + handler', ours],
    ] as const) {
      rows.push([
        `${label}: ${who}`,
        run.rps.toFixed(0),
        `${run.p50} ms`,
        `${run.p99} ms`,
        String(run.errors),
        String(run.non2xx),
        `${(run.rps / base.rps).toFixed(2)}×`,
      ]);
    }
  }
  return {
    key: 'throughput',
    title: 'Throughput through the local gateway',
    conditions: [
      `autocannon ${CONNECTIONS} connections for ${seconds} s per run (after a ${warmup} s warm-up), in its own process; bare server and gateway alternate, same database, same run`,
      'gateway: the local API Gateway stand-in with the real authorizer (Bearer token of the demo owner, X-Tenant-Id), IAM policy check, kernel and Taskodex handler; the tier throttle (pro: 50 req/s per tenant) is switched off, being a policy rather than a cost',
      'bare server: node:http + pg (pool of 10, as the platform), the same repository SQL, no auth, no tenant role, no events',
      'everything (gateway, functions, database when embedded) shares one Node process and 2 cores with the load generator',
      'req/s counts 2xx answers only',
    ],
    body: [table(['request', 'req/s', 'p50', 'p99', 'errors', 'non-2xx', 'vs bare'], rows)],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}
