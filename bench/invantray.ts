import { randomUUID } from 'node:crypto';
import { lambdaContext, proxyEvent } from '@halooid/local/api-gateway-events';
import { encodeGrants } from '@halooid/shared/auth/principal';
import type pg from 'pg';
import { bulkLoad } from './bulk-load';
import { incoming } from './events';
import { fixedId, fixedIdSql, handlerOf, inProcessGet, versusLookup } from './in-process';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { formatUs, measureInterleaved, result } from './stats';

export interface InvantraySizes {
  /** Items of the tenant the writers spread over. */
  items: number;
  /** Rows of the ledger the at-date lookup reads past. */
  ledgerRows: number;
  /** Concurrent writers. */
  writers: number;
  /** Moves each writer posts per contender. */
  movesPerWriter: number;
}

const NO_LOT = '00000000-0000-0000-0000-000000000000';
/** Ledger items (fixed ids past the writers' ones), each with ledgerRows / LEDGER_ITEMS moves. */
const LEDGER_ITEMS = 10_000;

/**
 * Invantray at scale. Stock moves per second under concurrent writers, on one
 * hot item (every writer issues from the same balance row: the per-item lock
 * and the conditional update serialize them) and spread over 1,000 items
 * (they rarely meet); the ratio says what contention costs. And on-hand at a
 * date in a tenant whose ledger holds 10M moves, beside the current on-hand
 * lookup of the same item: the at-date figure must not grow with the ledger.
 * The real stock handler runs in process: kernel, tenant transaction, SQL.
 */
export async function benchInvantray(options: {
  quick: boolean;
  bench: BenchPlatform;
  sizes: InvantraySizes;
}): Promise<Section> {
  const started = performance.now();
  const { bench, sizes } = options;
  const tenantId = randomUUID();
  const load = await loadTenant(bench.admin, tenantId, sizes);
  const stock = await handlerOf('invantray', 'stock');
  const authorizer = {
    tenantId,
    principalId: randomUUID(),
    principalType: 'user',
    grants: encodeGrants(['invantray:*:*']),
    tier: 'pro',
  };

  // Writers: each posts `movesPerWriter` issues of one unit, one request each.
  const issue = async (itemId: string) => {
    const body = JSON.stringify({
      kind: 'issue',
      lines: [{ itemId, quantity: '1', fromStockLocationId: load.locationId }],
    });
    const request = incoming('POST', '/v1/invantray/stock/moves', {
      resource: '/v1/invantray/stock/moves',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const response = await stock(proxyEvent(request, authorizer), lambdaContext('invantray-bench'));
    if (response.statusCode !== 201)
      throw new Error(`POST /stock/moves answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  };
  const writersPerSecond = async (pick: (writer: number, move: number) => string) => {
    const begun = performance.now();
    await Promise.all(
      Array.from({ length: sizes.writers }, async (_, writer) => {
        for (let move = 0; move < sizes.movesPerWriter; move++) await issue(pick(writer, move));
      }),
    );
    return (sizes.writers * sizes.movesPerWriter) / ((performance.now() - begun) / 1000);
  };
  // Warm both paths, then alternate hot and spread runs so neighbours' load lands on both.
  await issue(fixedId(1));
  await issue(fixedId(2));
  const hot: number[] = [];
  const spread: number[] = [];
  for (let round = 0; round < (options.quick ? 2 : 3); round++) {
    hot.push(await writersPerSecond(() => fixedId(1)));
    spread.push(
      await writersPerSecond((writer, move) => fixedId(1 + ((writer * 7919 + move * 104_729) % sizes.items))),
    );
  }
  const best = (values: number[]) => Math.max(...values);
  const hotRate = best(hot);
  const spreadRate = best(spread);

  // On-hand now and at a date, for one item with its share of the 10M-move ledger.
  const ledgerItem = fixedId(sizes.items + 1 + Math.floor(LEDGER_ITEMS / 2));
  const middle = new Date(Date.now() - load.ledgerDays * 43_200_000).toISOString();
  const isStock = (body: unknown) => Array.isArray((body as { items?: unknown[] }).items);
  const path = (query: string) => `/v1/invantray/stock?itemId=${ledgerItem}${query}`;
  const timings = await measureInterleaved(
    {
      lookup: inProcessGet(
        'invantray-bench',
        stock,
        authorizer,
        path(''),
        '/v1/invantray/stock',
        null,
        isStock,
      ),
      atDate: inProcessGet(
        'invantray-bench',
        stock,
        authorizer,
        path(`&at=${encodeURIComponent(middle)}`),
        '/v1/invantray/stock',
        null,
        isStock,
      ),
    },
    { iterations: options.quick ? 40 : 200, warmup: options.quick ? 10 : 30 },
  );
  const { results, ratioTo, row } = versusLookup('invantray.onhand', timings.lookup);
  const rows = sizes.ledgerRows.toLocaleString('en');
  ratioTo('at-date', timings.atDate, {
    text: `on-hand at a date over a ${rows}-move ledger within 10× of the current on-hand lookup`,
    max: 10,
  });
  results.push(
    result('invantray.moves.hot', 'moves/s', hotRate),
    result('invantray.moves.spread', 'moves/s', spreadRate),
    result('invantray.moves.hot-to-spread', 'ratio', hotRate / spreadRate, {
      goal: `${sizes.writers} writers on one hot item keep at least a third of the throughput they have over ${sizes.items.toLocaleString('en')} items`,
      check: (_ratio, value) => value >= 1 / 3,
    }),
  );

  return {
    key: 'invantray',
    title: 'Invantray at scale',
    conditions: [
      `stock moves: ${sizes.writers} concurrent writers, ${sizes.movesPerWriter} single-line issues each per run, through the invantray-stock handler in process (kernel, tenant transaction, ledger); best of ${hot.length} alternating runs`,
      `on-hand: a tenant whose ledger holds ${rows} moves over ${LEDGER_ITEMS.toLocaleString('en')} items and ${load.ledgerDays} days; the item read has ${Math.round(sizes.ledgerRows / LEDGER_ITEMS).toLocaleString('en')} of them; at-date is halfway back`,
      `rows generated in SQL (insert … select generate_series) as the database owner: ${load.seconds.toFixed(1)} s`,
    ],
    body: [
      table(
        ['writers', 'moves/s', '÷ spread'],
        [
          ['one hot item', hotRate.toFixed(0), `${(hotRate / spreadRate).toFixed(2)}×`],
          [`${sizes.items.toLocaleString('en')} items`, spreadRate.toFixed(0), '1.00×'],
        ],
      ),
      table(
        ['request', 'p50', 'p99', '÷ lookup p50'],
        [
          row('GET /stock?itemId= (current on-hand)', timings.lookup),
          row('GET /stock?itemId=&at= (on-hand at a date, from the ledger)', timings.atDate),
        ],
      ),
      `Moves: hot ${hot.map((rate) => rate.toFixed(0)).join(', ')} /s; spread ${spread.map((rate) => rate.toFixed(0)).join(', ')} /s. Lookup p50 ${formatUs(timings.lookup.p50)}.`,
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The measured tenant, generated in SQL as the owner: a warehouse with one
 * bin, `items` writer items with plenty on hand, and LEDGER_ITEMS more whose
 * ledger holds `ledgerRows` moves (receipts and issues alternating, so every
 * prefix of the ledger is non-negative) with balances equal to its sum.
 */
async function loadTenant(
  admin: pg.Pool,
  tenantId: string,
  sizes: InvantraySizes,
): Promise<{ seconds: number; locationId: string; ledgerDays: number }> {
  const warehouseId = randomUUID();
  const locationId = randomUUID();
  const ledgerDays = 365;
  const perItem = Math.max(2, Math.floor(sizes.ledgerRows / LEDGER_ITEMS));
  const totalItems = sizes.items + LEDGER_ITEMS;
  const seconds = await bulkLoad(
    admin,
    { schema: 'invantray', tables: ['items', 'stock_moves', 'stock_balances'] },
    async (client) => {
      // A real tenant row: writes are audited, and the audit log belongs to a tenant.
      await client.query(
        `insert into platform.tenants (id, name, slug, tier) values ($1, 'Bench stock', $2, 'pro')`,
        [tenantId, `bench-stock-${tenantId.slice(0, 8)}`],
      );
      await client.query(
        `insert into invantray.warehouses (tenant_id, id, code, name) values ($1, $2, 'BENCH', 'Bench warehouse')`,
        [tenantId, warehouseId],
      );
      await client.query(
        `insert into invantray.locations (tenant_id, id, warehouse_id, code, kind, barcode)
       values ($1, $2, $3, 'BIN', 'bin', 'BENCH-BIN')`,
        [tenantId, locationId, warehouseId],
      );
      await client.query(
        `insert into invantray.items (tenant_id, id, sku, name, average_cost)
       select $1, ${fixedIdSql('g')}, 'BENCH-' || g, 'Bench item ' || g, 2.5
         from generate_series(1, $2::int) g`,
        [tenantId, totalItems],
      );
      // Writers' items: a billion each, so no run empties them.
      await client.query(
        `insert into invantray.stock_balances (tenant_id, item_id, location_id, lot_key, warehouse_id, on_hand)
       select $1, ${fixedIdSql('g')}, $2, $3, $4, 1000000000 from generate_series(1, $5::int) g`,
        [tenantId, locationId, NO_LOT, warehouseId, sizes.items],
      );
      // The ledger: move m of item i is a receipt of 3 when m is even, an issue of 1 when odd, spread over the year.
      await client.query(
        `insert into invantray.stock_moves
         (tenant_id, id, kind, item_id, quantity, from_location_id, to_location_id, unit_cost, batch_id, posted_at)
       select $1, gen_random_uuid(),
              case when m % 2 = 0 then 'receipt' else 'issue' end,
              ${fixedIdSql(`(${sizes.items} + i)`)},
              case when m % 2 = 0 then 3 else 1 end,
              case when m % 2 = 0 then null else $2::uuid end,
              case when m % 2 = 0 then $2::uuid else null end,
              2.5, gen_random_uuid(),
              now() - make_interval(secs => ($3::int - m) * (${ledgerDays} * 86400.0 / $3::int))
         from generate_series(1, ${LEDGER_ITEMS}) i, generate_series(0, $3::int - 1) m`,
        [tenantId, locationId, perItem],
      );
      await client.query(
        `insert into invantray.stock_balances (tenant_id, item_id, location_id, lot_key, warehouse_id, on_hand)
       select $1, ${fixedIdSql(`(${sizes.items} + i)`)}, $2, $3, $4, (($5::int + 1) / 2) * 3 - ($5::int / 2)
         from generate_series(1, ${LEDGER_ITEMS}) i`,
        [tenantId, locationId, NO_LOT, warehouseId, perItem],
      );
    },
  );
  return { seconds, locationId, ledgerDays };
}
