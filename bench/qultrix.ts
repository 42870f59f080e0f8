import { randomUUID } from 'node:crypto';
import { encodeGrants } from '@halooid/shared/auth/principal';
import type pg from 'pg';
import {
  fixedId,
  fixedIdSql,
  type GetArgs,
  type Handler,
  handlerOf,
  inProcessGet,
  versusLookup,
} from './in-process';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { measureInterleaved } from './stats';

/** Each manager has this many direct reports: 10k people are a tree 6 levels deep. */
const FANOUT = 8;
const LEAVE_TYPES = 4;

export interface QultrixSizes {
  employees: number;
  ledgerRows: number;
}

/** Employee g (1-based) has a fixed id, so managers and ledger rows can name it inside one INSERT … SELECT. */
const employeeIdSql = fixedIdSql;
const employeeId = fixedId;

/**
 * Qultrix at scale: the org chart (one recursive query over the manager
 * links) and the time-off balances (sums over the ledger) of a tenant with
 * 10k employees and 1M ledger rows, each beside a plain indexed lookup (GET
 * one employee by id) through the same stack: the real handlers in process,
 * the kernel, the tenant transaction, the SQL. The ratios are the figures.
 */
export async function benchQultrix(options: {
  quick: boolean;
  bench: BenchPlatform;
  sizes: QultrixSizes;
}): Promise<Section> {
  const started = performance.now();
  const { bench, sizes } = options;
  const iterations = options.quick ? 50 : 300;
  const warmup = options.quick ? 10 : 30;
  const tenantId = randomUUID();
  const load = await loadTenant(bench.admin, tenantId, sizes);

  const handlers = {
    employees: await handlerOf('qultrix', 'employees'),
    orgChart: await handlerOf('qultrix', 'org-chart'),
    balances: await handlerOf('qultrix', 'balances'),
  };
  const authorizer = {
    tenantId,
    principalId: randomUUID(),
    principalType: 'user',
    grants: encodeGrants(['qultrix:*:*']),
    tier: 'pro',
  };
  const call = (handler: Handler, ...get: GetArgs) =>
    inProcessGet('qultrix-bench', handler, authorizer, ...get);
  // A leaf deep in the tree and the root: the lookup and the balances read one row's worth; the charts many.
  const leaf = employeeId(sizes.employees);
  const root = employeeId(1);
  const depth3Nodes = 1 + FANOUT + FANOUT ** 2 + FANOUT ** 3;
  const nodesOf = (body: unknown) => {
    const nodes =
      (body as { nodes?: unknown[]; items?: unknown[] }).nodes ?? (body as { items?: unknown[] }).items;
    return Array.isArray(nodes) ? nodes.length : -1;
  };
  const timings = await measureInterleaved(
    {
      lookup: call(
        handlers.employees,
        `/v1/qultrix/employees/${leaf}`,
        '/v1/qultrix/employees/{employeeId}',
        { employeeId: leaf },
        (body) => (body as { id?: string }).id === leaf,
      ),
      balances: call(
        handlers.balances,
        `/v1/qultrix/employees/${leaf}/balances`,
        '/v1/qultrix/employees/{employeeId}/balances',
        { employeeId: leaf },
        (body) => JSON.stringify(body).includes('"available"'),
      ),
      orgChart3: call(
        handlers.orgChart,
        `/v1/qultrix/org-chart?rootId=${root}&depth=3`,
        '/v1/qultrix/org-chart',
        null,
        (body) => nodesOf(body) === depth3Nodes,
      ),
    },
    { iterations, warmup },
  );
  // The whole tree is a different order of work (every employee in one answer): fewer runs.
  const whole = await measureInterleaved(
    {
      orgChartAll: call(
        handlers.orgChart,
        `/v1/qultrix/org-chart?rootId=${root}&depth=10`,
        '/v1/qultrix/org-chart',
        null,
        (body) => nodesOf(body) === sizes.employees,
      ),
    },
    { iterations: options.quick ? 5 : 20, warmup: 2 },
  );

  const { results, ratioTo, row } = versusLookup('qultrix', timings.lookup);
  ratioTo('balances', timings.balances, {
    text: 'balances of 4 leave types within 2× of one lookup',
    max: 2,
  });
  ratioTo('org-chart.depth-3', timings.orgChart3, {
    text: `org chart of ${depth3Nodes} people within 10× of one lookup`,
    max: 10,
  });
  ratioTo('org-chart.all', whole.orgChartAll);

  return {
    key: 'qultrix',
    title: 'Qultrix at scale',
    conditions: [
      `one tenant with ${sizes.employees.toLocaleString('en')} employees (a manager tree, ${FANOUT} reports each) and ${sizes.ledgerRows.toLocaleString('en')} leave-ledger rows over ${LEAVE_TYPES} leave types (${Math.round(sizes.ledgerRows / sizes.employees / LEAVE_TYPES)} rows per employee and type)`,
      `through the qultrix-employees, qultrix-org-chart and qultrix-balances handlers in process, authorizer context with qultrix:*:* (HR: no row scope); ${iterations} calls per figure after ${warmup} warm-up, interleaved (the whole tree: ${options.quick ? 5 : 20} calls)`,
      `rows generated in SQL (insert … select generate_series) as the database owner: ${load.seconds.toFixed(1)} s`,
    ],
    body: [
      table(
        ['request', 'p50', 'p99', '÷ lookup p50'],
        [
          row('GET /employees/{id} (the indexed lookup)', timings.lookup),
          row(`GET /employees/{id}/balances (${LEAVE_TYPES} types)`, timings.balances),
          row(`GET /org-chart depth 3 (${depth3Nodes} people)`, timings.orgChart3),
          row(
            `GET /org-chart whole tree (${sizes.employees.toLocaleString('en')} people)`,
            whole.orgChartAll,
          ),
        ],
      ),
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The measured tenant's rows, generated in SQL; secondary indexes are rebuilt after the ledger load. */
async function loadTenant(
  admin: pg.Pool,
  tenantId: string,
  sizes: QultrixSizes,
): Promise<{ seconds: number }> {
  const started = performance.now();
  const client = await admin.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into qultrix.employees
         (tenant_id, id, given_name, family_name, work_email, status, employment_type, hire_date, manager_id)
       select $1, ${employeeIdSql('g')}, 'Given ' || g, 'Family ' || g, 'person' || g || '@bench.example',
              'active', 'full_time', date '2020-01-01' + (g % 1500),
              case when g = 1 then null else ${employeeIdSql(`((g - 2) / ${FANOUT} + 1)`)} end
         from generate_series(1, $2::int) g`,
      [tenantId, sizes.employees],
    );
    const typeIds = Array.from({ length: LEAVE_TYPES }, () => randomUUID());
    await client.query(
      `insert into qultrix.leave_types (tenant_id, id, name, kind, paid, unit)
       select $1, t.id, 'Type ' || t.n, 'custom', true, 'days' from unnest($2::uuid[]) with ordinality t(id, n)`,
      [tenantId, typeIds],
    );
    const perEmployee = Math.max(1, Math.round(sizes.ledgerRows / sizes.employees));
    await client.query(
      `insert into qultrix.leave_ledger (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date)
       select $1, gen_random_uuid(), ${employeeIdSql(`(g / ${perEmployee} + 1)`)},
              ($2::uuid[])[1 + g % ${LEAVE_TYPES}], 'adjustment', 0.5, date '2024-01-01' + (g % 700)
         from generate_series(0, $3::int - 1) g`,
      [tenantId, typeIds, sizes.employees * perEmployee],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const analyze = await admin.connect();
  try {
    await analyze.query('analyze qultrix.employees');
    await analyze.query('analyze qultrix.leave_ledger');
  } finally {
    analyze.release();
  }
  return { seconds: (performance.now() - started) / 1000 };
}
