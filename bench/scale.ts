import { randomUUID } from 'node:crypto';
import { DEFAULT_TASK_SORT, TASK_SORTS } from '@halooid/functions/taskodex/domain/task-repository';
import { lambdaContext, proxyEvent } from '@halooid/local/api-gateway-events';
import { encodeGrants } from '@halooid/shared/auth/principal';
import { encodeCursor, orderBy, parseSort, sortValuesSelect } from '@halooid/shared/db/pagination';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type pg from 'pg';
import { incoming } from './events';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { formatUs, measureInterleaved, type Result, result, type Summary } from './stats';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const LIMIT = 20;
const OTHER_TENANTS = 99;

export interface ScaleSizes {
  /** Rows of the 99 other tenants in the small and the large table. */
  small: number;
  large: number;
  /** How many full pages lie before the deep page. */
  deepPages: number;
}

/**
 * Scale: list-tasks page 1 and a page far down, for one tenant, with a small
 * and a large table around it. The measured tenant owns the same rows in both
 * (enough for the deep page); the other 99 tenants' rows make up the table
 * size, so the only thing that changes between the two is how big the table
 * is. Measured through the real taskodex-tasks handler (kernel, listTasks use
 * case, tenant transaction, keyset SQL), in process, one request at a time.
 */
export async function benchScale(options: {
  quick: boolean;
  bench: BenchPlatform;
  sizes: ScaleSizes;
  sizeNote?: string;
}): Promise<Section> {
  const started = performance.now();
  const { bench, sizes } = options;
  const iterations = options.quick ? 100 : 500;
  const warmup = options.quick ? 20 : 50;
  const { handler } = (await import('@halooid/functions/taskodex/tasks/handler')) as { handler: Handler };

  const tenants = Array.from({ length: OTHER_TENANTS }, () => randomUUID());
  const measured = randomUUID();
  const userId = randomUUID();
  const ownRows = (sizes.deepPages + 1) * LIMIT;
  const authorizer = {
    tenantId: measured,
    principalId: userId,
    principalType: 'user',
    grants: encodeGrants(['taskodex:*:*']),
    tier: 'pro',
  };
  const client = await bench.admin.connect();
  const loads: { rows: number; seconds: number }[] = [];
  const figures: { table: number; page1: Summary; deep: Summary }[] = [];
  try {
    const hasSequence = await columnExists(client, 'sequence');
    let loaded = 0;
    loads.push(await load(client, { tenantIds: [measured], from: 1, to: ownRows, hasSequence }));
    for (const size of [sizes.small, sizes.large]) {
      loads.push(await load(client, { tenantIds: tenants, from: loaded + 1, to: size, hasSequence }));
      loaded = size;
      const cursor = await cursorAt(client, measured, sizes.deepPages * LIMIT - 1);
      const list = (query: string) => async () => {
        const response = await handler(
          proxyEvent(
            incoming('GET', `/v1/taskodex/tasks?${query}`, { resource: '/v1/taskodex/tasks' }),
            authorizer,
          ),
          lambdaContext('taskodex-tasks'),
        );
        const body = JSON.parse(response.body) as { items?: unknown[] };
        if (response.statusCode !== 200 || body.items?.length !== LIMIT)
          throw new Error(
            `list answered ${response.statusCode} with ${body.items?.length} items: ${response.body.slice(0, 300)}`,
          );
      };
      const timings = await measureInterleaved(
        { page1: list(`limit=${LIMIT}`), deep: list(`limit=${LIMIT}&cursor=${encodeURIComponent(cursor)}`) },
        { iterations, warmup },
      );
      figures.push({ table: size + ownRows, ...timings });
    }
  } finally {
    client.release();
  }

  const [small, large] = figures as [(typeof figures)[0], (typeof figures)[0]];
  const label = (rows: number) =>
    rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${Math.round(rows / 1_000)}k`;
  const s = label(sizes.small);
  const l = label(sizes.large);
  const results: Result[] = [];
  for (const [which, figure] of [
    [s, small],
    [l, large],
  ] as const) {
    for (const p of ['p50', 'p99'] as const) {
      results.push(result(`scale.${which}.page-1.${p}`, 'µs', figure.page1[p]));
      results.push(
        result(`scale.${which}.page-${sizes.deepPages + 1}.${p}`, 'µs', figure.deep[p], {
          baseline: figure.page1[p],
          baselineName: `scale.${which}.page-1.${p}`,
          ...(which === l && p === 'p50'
            ? {
                goal: 'deep page as fast as page 1 (≤ 1.3×)',
                check: (ratio: number | null) => ratio !== null && ratio <= 1.3,
              }
            : {}),
        }),
      );
    }
  }
  for (const p of ['p50', 'p99'] as const) {
    results.push(
      result(`scale.${l}-vs-${s}.page-1.${p}`, 'µs', large.page1[p], {
        baseline: small.page1[p],
        baselineName: `scale.${s}.page-1.${p}`,
        goal: `${l} within 1.3× of ${s}`,
        check: (ratio) => ratio !== null && ratio <= 1.3,
      }),
    );
  }
  results.push(
    result(`scale.${l}-vs-${s}.page-${sizes.deepPages + 1}.p50`, 'µs', large.deep.p50, {
      baseline: small.deep.p50,
      baselineName: `scale.${s}.page-${sizes.deepPages + 1}.p50`,
      goal: `${l} within 1.3× of ${s}`,
      check: (ratio) => ratio !== null && ratio <= 1.3,
    }),
  );

  return {
    key: 'scale',
    title: 'Scale',
    conditions: [
      `GET /v1/taskodex/tasks?limit=${LIMIT} (default sort -createdAt) through the taskodex-tasks handler in process, authorizer context present; ${iterations} calls per figure after ${warmup} warm-up, page 1 and the deep page interleaved`,
      `the measured tenant owns ${ownRows.toLocaleString('en')} tasks in both tables: page 1 and page ${sizes.deepPages + 1} (after ${sizes.deepPages.toLocaleString('en')} full pages, cursor computed from the row at offset ${(sizes.deepPages * LIMIT - 1).toLocaleString('en')})`,
      `the table size comes from ${OTHER_TENANTS} other tenants: ${sizes.small.toLocaleString('en')} then ${sizes.large.toLocaleString('en')} tasks (100 tenants in all)`,
      `rows generated in SQL (insert … select generate_series) as the database owner; secondary indexes dropped and rebuilt around loads over 100k rows, then analyze. Loads: ${loads.map((entry) => `${entry.rows.toLocaleString('en')} rows in ${entry.seconds.toFixed(1)} s`).join(', ')}`,
      ...(options.sizeNote ? [options.sizeNote] : []),
    ],
    body: [
      table(
        [
          'table',
          'page 1 p50',
          'page 1 p99',
          `page ${sizes.deepPages + 1} p50`,
          `page ${sizes.deepPages + 1} p99`,
          'deep / page 1',
        ],
        figures.map((figure) => [
          `${figure.table.toLocaleString('en')} tasks`,
          formatUs(figure.page1.p50),
          formatUs(figure.page1.p99),
          formatUs(figure.deep.p50),
          formatUs(figure.deep.p99),
          `${(figure.deep.p50 / figure.page1.p50).toFixed(2)}×`,
        ]),
      ),
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}

async function columnExists(client: pg.PoolClient, column: string): Promise<boolean> {
  const { rows } = await client.query(
    `select 1 from information_schema.columns where table_schema = 'taskodex' and table_name = 'tasks' and column_name = '${column}'`,
  );
  return rows.length > 0;
}

/**
 * Inserts tasks numbered `from`..`to`, spread over `tenantIds` (row g goes to
 * tenant g mod n). Rows carry their own per-tenant number when the table has
 * one, so the numbering trigger need not take a counter lock per row.
 */
export async function load(
  client: pg.PoolClient,
  options: { tenantIds: string[]; from: number; to: number; hasSequence: boolean },
): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const rows = options.to - options.from + 1;
  if (rows <= 0) return { rows: 0, seconds: 0 };
  const bulk = rows > 100_000;
  await client.query('begin');
  try {
    const indexes = bulk
      ? (
          await client.query<{ name: string; definition: string }>(
            `select indexname as name, indexdef as definition from pg_indexes i
              where schemaname = 'taskodex' and tablename = 'tasks'
                and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
          )
        ).rows
      : [];
    for (const index of indexes) await client.query(`drop index taskodex."${index.name}"`);
    const n = options.tenantIds.length;
    await client.query(
      `insert into taskodex.tasks
         (tenant_id, id, title, description, status, priority, labels, created_by, created_at, updated_at${options.hasSequence ? ', sequence' : ''})
       select ($1::uuid[])[1 + g % ${n}], gen_random_uuid(), 'Task ' || g, 'Generated for the scale benchmark',
              (array['backlog', 'todo', 'in_progress', 'done'])[1 + g % 4],
              (array['urgent', 'high', 'medium', 'low', 'none'])[1 + g % 5],
              array['bench'], $2::uuid,
              timestamptz '2026-01-01' + g * interval '1 second', timestamptz '2026-01-01' + g * interval '1 second'
              ${options.hasSequence ? `, g / ${n} + 1` : ''}
         from generate_series($3::int, $4::int) g`,
      [options.tenantIds, randomUUID(), options.from, options.to],
    );
    if (bulk) await client.query(`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.definition);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
  await client.query('analyze taskodex.tasks');
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** The cursor the API would hand out after the row at `offset` of the default order, computed in one query. */
export async function cursorAt(client: pg.PoolClient, tenantId: string, offset: number): Promise<string> {
  const terms = parseSort(undefined, TASK_SORTS, DEFAULT_TASK_SORT);
  await client.query('begin');
  try {
    const { rows } = await client.query<Record<string, unknown>>(
      `select ${sortValuesSelect(terms)} from taskodex.tasks t
        where tenant_id = $1 and deleted_at is null
        order by ${orderBy(terms)} offset $2 limit 1`,
      [tenantId, offset],
    );
    await client.query('commit');
    if (!rows[0]) throw new Error(`no task at offset ${offset}`);
    return encodeCursor(terms, rows[0]);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
