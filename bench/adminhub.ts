import { randomUUID } from 'node:crypto';
import { encodeGrants } from '@halooid/shared/auth/principal';
import type pg from 'pg';
import { bulkLoad } from './bulk-load';
import { fixedId, fixedIdSql, type Handler, handlerOf, inProcessGet, versusLookup } from './in-process';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { measureInterleaved } from './stats';

export interface AdminHubSizes {
  auditRows: number;
}

const ACTORS = 50;
/**
 * What a busy tenant's audit log holds, by weight: product changes dominate,
 * the administrators' actions are rare (the ones someone searches for).
 */
const ACTIONS: readonly (readonly [string, number])[] = [
  ['taskodex.task.updated', 30],
  ['taskodex.task.created', 10],
  ['invantray.stock.moved', 20],
  ['invantray.purchase-order.approved', 4],
  ['customerconnect.contact.updated', 15],
  ['qultrix.employee.updated', 6],
  ['qultrix.compensation.read', 5],
  ['platform.member.invited', 3],
  ['platform.api-key.created', 3],
  ['adminhub.policy.updated', 2],
  ['platform.role.updated', 1],
  ['adminhub.user.disabled', 1],
];
const ACTION_WHEEL = ACTIONS.flatMap(([action, weight]) => Array.from({ length: weight }, () => action));

/**
 * AdminHub at scale: the audit log console over a year of one tenant's audit
 * rows (1M; quick 100k), every filter a person uses beside the unfiltered
 * first page through the same handler in process: the kernel, the tenant
 * transaction, the SQL and the actor-name join. The filters walk indexes led
 * by the tenant (adminhub 0003); free text is bounded to 90 days.
 */
export async function benchAdminHub(options: {
  quick: boolean;
  bench: BenchPlatform;
  sizes: AdminHubSizes;
}): Promise<Section> {
  const started = performance.now();
  const { bench, sizes } = options;
  const iterations = options.quick ? 40 : 200;
  const warmup = options.quick ? 10 : 30;
  const tenantId = randomUUID();
  const loadSeconds = await loadAuditLog(bench.admin, tenantId, sizes.auditRows);

  const audit = await handlerOf('adminhub', 'audit');
  const authorizer = {
    tenantId,
    principalId: fixedId(1),
    principalType: 'user',
    grants: encodeGrants(['adminhub:*:*']),
    tier: 'enterprise',
  };
  const nonEmpty = (body: unknown) => {
    const items = (body as { items?: unknown[] }).items;
    return Array.isArray(items) && items.length > 0;
  };
  const get = (query: string) =>
    inProcessGet(
      'adminhub-audit-bench',
      audit as Handler,
      authorizer,
      `/v1/adminhub/audit?limit=50${query}`,
      '/v1/adminhub/audit',
      null,
      nonEmpty,
    );
  const actor = fixedId(7);
  // Targets cycle through 2,000 ids and 5 types together: ids ≡ 1 (mod 5) are members.
  const member = fixedId(ACTORS + 1 + 6);
  const month = new Date(Date.now() - 200 * 86_400_000).toISOString();
  const monthEnd = new Date(Date.now() - 170 * 86_400_000).toISOString();
  const timings = await measureInterleaved(
    {
      lookup: get(''),
      actor: get(`&actor=${actor}`),
      prefix: get('&action=invantray.*'),
      rare: get('&action=platform.role.updated'),
      target: get(`&target=member:${member}`),
      window: get(`&from=${month}&to=${monthEnd}&action=qultrix.compensation.read`),
      text: get(`&q=${encodeURIComponent('bench-needle-42')}`),
    },
    { iterations, warmup },
  );

  const { results, ratioTo, row } = versusLookup('adminhub', timings.lookup);
  const rows = sizes.auditRows.toLocaleString('en');
  const goal = (what: string, max: number) => ({
    text: `${what} over ${rows} audit rows within ${max}× of the first page`,
    max,
  });
  ratioTo('audit.actor', timings.actor, goal('one actor', 5));
  ratioTo('audit.prefix', timings.prefix, goal('an action prefix', 5));
  ratioTo('audit.rare', timings.rare, goal('a rare action', 5));
  ratioTo('audit.target', timings.target, goal("one target's history", 5));
  ratioTo('audit.window', timings.window, goal('an action in a month half a year back', 5));
  ratioTo('audit.text', timings.text, goal('free text (90 days)', 100));

  return {
    key: 'adminhub',
    title: 'AdminHub at scale',
    conditions: [
      `one tenant with ${rows} audit rows over 365 days from ${ACTORS} people, ${ACTIONS.length} actions weighted as a busy tenant's (administrators' actions 1–3 %), a rare needle in details every 5,000 rows`,
      `through the adminhub-audit handler in process (GET /v1/adminhub/audit, 50 a page, with the actor-name join); ${iterations} calls per figure after ${warmup} warm-up, interleaved`,
      `rows generated in SQL (insert … select generate_series) as the database owner: ${loadSeconds.toFixed(1)} s`,
    ],
    body: [
      table(
        ['request', 'p50', 'p99', '÷ first page p50'],
        [
          row('GET /audit (the first page, no filter)', timings.lookup),
          row('… ?actor=<one of 50>', timings.actor),
          row('… ?action=invantray.* (prefix)', timings.prefix),
          row('… ?action=platform.role.updated (1 %)', timings.rare),
          row('… ?target=member:<id>', timings.target),
          row('… ?from&to (a month, 200 days back) &action', timings.window),
          row('… ?q=bench-needle-42 (free text, 90 days)', timings.text),
        ],
      ),
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A year of audit rows for one tenant, newest at g = 1, generated in one statement. */
async function loadAuditLog(admin: pg.Pool, tenantId: string, count: number): Promise<number> {
  return bulkLoad(admin, { schema: 'platform', tables: ['audit_log'] }, async (client) => {
    await client.query(
      `insert into platform.tenants (id, name, slug, tier) values ($1, 'Bench audit', $2, 'enterprise')`,
      [tenantId, `bench-audit-${tenantId.slice(0, 8)}`],
    );
    await client.query(
      `insert into platform.users (id, email, name)
       select ${fixedIdSql('g')}, 'bench-actor-' || g || '-' || $1 || '@example.com', 'Actor ' || g
         from generate_series(1, $2::int) g
       on conflict do nothing`,
      [tenantId.slice(0, 8), ACTORS],
    );
    await client.query(
      `insert into platform.audit_log
         (tenant_id, id, actor_id, actor_type, action, target_type, target_id, ip, details, occurred_at)
       select $1, gen_random_uuid(), ${fixedIdSql(`1 + g % ${ACTORS}`)}::text, 'user',
              ($2::text[])[1 + g % ${ACTION_WHEEL.length}],
              (array['task', 'member', 'item', 'contact', 'employee'])[1 + g % 5],
              ${fixedIdSql(`${ACTORS} + 1 + g % 2000`)}::text,
              '10.0.' || (g % 250) || '.' || (g % 200),
              case when g % 5000 = 0 then jsonb_build_object('note', 'bench-needle-42', 'g', g)
                   else jsonb_build_object('changes', jsonb_build_array('status', 'title'), 'g', g) end,
              now() - make_interval(secs => (g::double precision * 31536000 / $3::int))
         from generate_series(1, $3::int) g`,
      [tenantId, ACTION_WHEEL, count],
    );
  });
}
