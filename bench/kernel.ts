import { randomUUID } from 'node:crypto';
import { lambdaContext, proxyEvent } from '@halooid/local/api-gateway-events';
import { resetConfig } from '@halooid/shared/config';
import { getPool } from '@halooid/shared/db/pool';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { expressHandler } from './kernel/express';
import { findItem, ITEMS_DDL, insertItem, SAMPLE_ITEM, SELECT_ITEM } from './kernel/items';
import { oursHandler } from './kernel/ours';
import { powertoolsHandler } from './kernel/powertools';
import { adminQuery, type BenchPlatform } from './platform';
import { type Section, table } from './report';
import { formatUs, measureInterleaved, type Result, result, type Summary } from './stats';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * Kernel overhead against peers: one route implemented on our kernel,
 * Express (serverless-express) and Powertools' Router, over the same pg pool
 * and tenant transaction, invoked in process with identical API Gateway
 * REST proxy events that already carry the authorizer's context. The floor
 * is the raw `pg` query on a pooled connection.
 */
export async function benchKernel(options: { quick: boolean; bench: BenchPlatform }): Promise<Section> {
  const started = performance.now();
  const { bench } = options;
  const iterations = options.quick ? 400 : 3_000;
  const warmup = options.quick ? 100 : 300;
  await adminQuery(bench.admin, ITEMS_DDL);

  // Our kernel as deployed to prod: response validation is a non-prod safety net.
  const savedStage = process.env.STAGE;
  process.env.STAGE = 'prod';
  resetConfig();
  const ours = oursHandler();
  const oursNoDatabase = oursHandler({ database: false });
  process.env.STAGE = savedStage;
  resetConfig();
  const handlers: Record<'ours' | 'oursNoDatabase' | 'express' | 'powertools', Handler> = {
    ours: ours as unknown as Handler,
    oursNoDatabase: oursNoDatabase as unknown as Handler,
    express: expressHandler(),
    powertools: powertoolsHandler(),
  };

  const { tenantId } = bench;
  const seeded = await withTenantTransaction({ tenantId }, (tx) =>
    insertItem(tx, tenantId, randomUUID(), SAMPLE_ITEM),
  );
  const body = JSON.stringify(SAMPLE_ITEM);
  const event = (method: 'GET' | 'POST'): APIGatewayProxyEvent =>
    proxyEvent(
      {
        method,
        path: method === 'GET' ? `/v1/bench/items/${seeded.id}` : '/v1/bench/items',
        resource: method === 'GET' ? '/v1/bench/items/{itemId}' : '/v1/bench/items',
        headers: {
          host: 'localhost',
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': 'bench',
          ...(method === 'POST' ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
        query: new URLSearchParams(),
        pathParameters: method === 'GET' ? { itemId: seeded.id } : null,
        body: method === 'POST' ? body : null,
        sourceIp: '127.0.0.1',
        requestId: randomUUID(),
      },
      bench.authorizer,
    );
  const call = (name: keyof typeof handlers, method: 'GET' | 'POST', expected: number) => async () => {
    const response = await handlers[name](event(method), lambdaContext(`bench-${name}`));
    if (response.statusCode !== expected)
      throw new Error(`${name} ${method} answered ${response.statusCode}: ${response.body}`);
  };

  // The floor: the statement alone on a pooled connection, no transaction, no framework.
  const pool = getPool();
  const rawGet = async () => {
    const client = await pool.connect();
    try {
      await client.query(SELECT_ITEM, [tenantId, seeded.id]);
    } finally {
      client.release();
    }
  };
  const rawInsert = async () => {
    const client = await pool.connect();
    try {
      await insertItem(client, tenantId, randomUUID(), SAMPLE_ITEM);
    } finally {
      client.release();
    }
  };
  // The security floor every implementation pays: the tenant transaction around the statement.
  const txGet = () => withTenantTransaction({ tenantId }, (tx) => findItem(tx, tenantId, seeded.id));
  const txInsert = () =>
    withTenantTransaction({ tenantId }, (tx) => insertItem(tx, tenantId, randomUUID(), SAMPLE_ITEM));

  const get = await measureInterleaved(
    {
      raw: rawGet,
      tx: txGet,
      ours: call('ours', 'GET', 200),
      oursNoDatabase: call('oursNoDatabase', 'GET', 200),
      express: call('express', 'GET', 200),
      powertools: call('powertools', 'GET', 200),
    },
    { iterations, warmup },
  );
  const post = await measureInterleaved(
    {
      raw: rawInsert,
      tx: txInsert,
      ours: call('ours', 'POST', 201),
      oursNoDatabase: call('oursNoDatabase', 'POST', 201),
      express: call('express', 'POST', 201),
      powertools: call('powertools', 'POST', 201),
    },
    { iterations, warmup },
  );

  const results: Result[] = [];
  for (const [route, s] of [
    ['get-by-id', get],
    ['create', post],
  ] as const) {
    const floor = `kernel.${route}.raw-query.p50`;
    results.push(
      result(floor, 'µs', s.raw.p50),
      result(`kernel.${route}.raw-query.p99`, 'µs', s.raw.p99),
      result(`kernel.${route}.tenant-transaction.p50`, 'µs', s.tx.p50, {
        baseline: s.raw.p50,
        baselineName: floor,
      }),
      result(`kernel.${route}.ours.p50`, 'µs', s.ours.p50, { baseline: s.raw.p50, baselineName: floor }),
      result(`kernel.${route}.ours.p99`, 'µs', s.ours.p99, {
        baseline: s.raw.p99,
        baselineName: `kernel.${route}.raw-query.p99`,
      }),
      result(`kernel.${route}.ours-without-database.p50`, 'µs', s.oursNoDatabase.p50),
      result(`kernel.${route}.express.p50`, 'µs', s.express.p50, {
        baseline: s.raw.p50,
        baselineName: floor,
      }),
      result(`kernel.${route}.powertools.p50`, 'µs', s.powertools.p50, {
        baseline: s.raw.p50,
        baselineName: floor,
      }),
    );
    if (route === 'get-by-id')
      results.push(
        result(`kernel.${route}.ours.overhead.p50`, 'µs', s.ours.p50 - s.raw.p50, {
          baseline: s.raw.p50,
          baselineName: floor,
          goal: 'overhead above the raw query ≤ 1.5× the floor (tenant transaction included)',
          check: (ratio) => ratio !== null && ratio <= 1.5,
        }),
      );
    for (const peer of ['express', 'powertools'] as const)
      results.push(
        result(`kernel.${route}.ours-vs-${peer}.p50`, 'µs', s.ours.p50, {
          baseline: s[peer].p50,
          baselineName: `kernel.${route}.${peer}.p50`,
          goal: `faster than ${peer} (ratio < 1)`,
          check: (ratio) => ratio !== null && ratio < 1,
        }),
      );
  }

  const rows = (s: Record<'raw' | 'tx' | 'ours' | 'oursNoDatabase' | 'express' | 'powertools', Summary>) =>
    (
      [
        ['raw pg query (floor)', s.raw],
        ['tenant transaction + query, no framework', s.tx],
        ['our kernel (createHttpHandler)', s.ours],
        ['our kernel, answering from memory (no database)', s.oursNoDatabase],
        ['Express + serverless-express', s.express],
        ['Powertools event-handler Router', s.powertools],
      ] as const
    ).map(([label, summary]) => [
      label,
      formatUs(summary.p50),
      formatUs(summary.p99),
      `${(summary.p50 / s.raw.p50).toFixed(2)}×`,
      formatUs(summary.p50 - s.raw.p50),
      `${(summary.p50 / s.ours.p50).toFixed(2)}×`,
    ]);
  const headers = (route: string) => [route, 'p50', 'p99', 'p50 / floor', 'above floor', 'p50 / ours'];
  return {
    key: 'kernel',
    title: 'Kernel overhead against peers',
    conditions: [
      `in process, one request at a time, ${iterations} calls per contender after ${warmup} warm-up calls, contenders interleaved in 10 rounds`,
      'identical API Gateway REST proxy events built by infra/local/src/api-gateway-events.ts, authorizer context already present (no authorizer call)',
      'every implementation: permission re-check from the authorizer context, zod validation of the 10-field body or the path parameter, one statement in withTenantTransaction (three round trips: begin + set local role + set_config as one string; the statement; commit) on the same pg pool, JSON response',
      'our kernel runs with STAGE=prod (no response-schema validation, as deployed); Powertools metrics are disabled as in the local runtime',
      'floor: the same statement alone on a pooled connection as the database owner (no transaction, no RLS role)',
    ],
    body: [table(headers('GET by id'), rows(get)), table(headers('POST (create)'), rows(post))],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}
