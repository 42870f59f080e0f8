import { auditRecords } from '@halooid/local/testing/audit';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveInput } from '../domain/stock-ledger';
import { type Arrange, arrangeIn } from '../testing/arrange';
import { runReorderJob } from './reorder-job';

let platform: TestPlatform;
let buyer: Session;
let warehouse: Session;
let tenantId: string;
let given: Arrange;
let mainId: string;
let mainBin: string;
let dollars: string;
let euros: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [buyer, warehouse] = await Promise.all([
    platform.login('buyer@acme.example'),
    platform.login('warehouse@acme.example'),
  ]);
  tenantId = buyer.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
  given = arrangeIn(platform, tenantId);
  mainId = (await given.warehouse({ code: 'RMAIN' })).id;
  mainBin = await given.location(mainId, { code: 'BIN' });
  dollars = await supplier('RS-USD', 'USD', 7);
  euros = await supplier('RS-EUR', 'EUR', 21);
});

afterAll(async () => {
  await platform?.stop();
});

const supplier = (code: string, currency: string, leadTimeDays: number) =>
  given.supplier({ code, name: code, currency, leadTimeDays });

/** An item with reorder settings in the main warehouse (point, quantity) and, optionally, a default supplier. */
async function item(
  sku: string,
  options: { supplierId?: string; point: string; quantity: string; averageCost?: string },
): Promise<string> {
  const { id } = await given.item({
    sku,
    name: sku,
    defaultSupplierId: options.supplierId ?? null,
    averageCost: options.averageCost ?? '0',
  });
  await platform.db.query(
    `insert into invantray.reorder_settings (tenant_id, item_id, warehouse_id, reorder_point, reorder_quantity)
     values ($1, $2, $3, $4, $5)`,
    [tenantId, id, mainId, options.point, options.quantity],
  );
  return id;
}

const post = (moves: MoveInput[]) => given.postMoves(warehouse.userId, moves);

/** Waits until every outbox event is published and the bus has delivered it (the on-move trigger has run). */
async function settle() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await platform.db.query<{ pending: number }>(
      `select count(*)::int as pending from platform.outbox where tenant_id = $1 and published_at is null`,
      [tenantId],
    );
    if (rows[0]?.pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await platform.events.bus.idle();
  expect(platform.events.bus.deadLetters()).toEqual([]);
}

const run = () => platform.request('POST', '/v1/invantray/reorder/run', { headers: buyer.headers('acme') });

const linesOf = async (itemId: string) =>
  (
    await platform.db.query<{
      purchase_order_id: string;
      supplier_id: string;
      status: string;
      source: string;
      currency: string;
      quantity: string;
      unit_price: string;
      reorder_warehouse_id: string;
    }>(
      `select l.purchase_order_id, o.supplier_id, o.status, o.source, o.currency, l.quantity::text,
              l.unit_price::text, l.reorder_warehouse_id
       from invantray.purchase_order_lines l
       join invantray.purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.purchase_order_id
       where l.tenant_id = $1 and l.item_id = $2`,
      [tenantId, itemId],
    )
  ).rows;

const belowEvents = async (itemId: string) =>
  (
    await platform.db.query<{ envelope: { data: Record<string, unknown> } }>(
      `select envelope from platform.outbox where tenant_id = $1 and type = 'stock.below_reorder_point'
       and envelope->'data'->>'itemId' = $2`,
      [tenantId, itemId],
    )
  ).rows.map((row) => row.envelope.data);

describe('reordering', () => {
  it('drafts exactly one line for an item that an issue takes below its point, however many triggers race', async () => {
    const bearing = await item('RO-BEARING', { supplierId: dollars, point: '10', quantity: '50' });
    await given.price(dollars, bearing, '3.5');
    await post([{ kind: 'receipt', itemId: bearing, toLocationId: mainBin, quantity: '20', unitCost: '3' }]);
    await settle();

    // The stock.moved fires the subscription while two runs race it, then the job runs too.
    await post([{ kind: 'issue', itemId: bearing, fromLocationId: mainBin, quantity: '15' }]);
    const [first, second] = await Promise.all([run(), run()]);
    await settle();
    const job = await runReorderJob();
    await settle();

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(job.tenants).toBeGreaterThanOrEqual(1);
    const lines = await linesOf(bearing);
    expect(lines).toEqual([
      expect.objectContaining({
        supplier_id: dollars,
        status: 'draft',
        source: 'reorder',
        currency: 'USD',
        quantity: '50.0000',
        unit_price: '3.500000',
        reorder_warehouse_id: mainId,
      }),
    ]);
    const events = await belowEvents(bearing);
    expect(events).toEqual([
      expect.objectContaining({
        available: '5',
        onOrder: '0',
        reorderPoint: '10',
        purchaseOrderId: lines[0]?.purchase_order_id,
      }),
    ]);
  });

  it('drafts the line from the on-move trigger alone', async () => {
    const pounds = await supplier('RS-GBP', 'GBP', 5);
    const gasket = await item('RO-GASKET', { supplierId: pounds, point: '3', quantity: '12' });
    await post([{ kind: 'receipt', itemId: gasket, toLocationId: mainBin, quantity: '5', unitCost: '1' }]);
    await settle();
    const before = await linesOf(gasket);

    await post([{ kind: 'issue', itemId: gasket, fromLocationId: mainBin, quantity: '4' }]);
    await settle();

    expect(before).toEqual([]);
    expect(await linesOf(gasket)).toEqual([
      expect.objectContaining({ supplier_id: pounds, quantity: '12.0000' }),
    ]);
    const { rows } = await platform.db.query<{ consumed: number }>(
      `select count(*)::int as consumed from platform.inbox where tenant_id = $1 and consumer = 'invantray-reordering.reorder-on-move'`,
      [tenantId],
    );
    expect(rows[0]?.consumed).toBeGreaterThanOrEqual(2);
  });

  it('groups shortfalls by supplier on one open draft each, and announces a supplier-less one once', async () => {
    const [existing] = await linesOf(
      (
        await platform.db.query<{ id: string }>(
          `select id from invantray.items where tenant_id = $1 and sku = 'RO-BEARING'`,
          [tenantId],
        )
      ).rows[0]?.id as string,
    );
    const pulley = await item('RO-PULLEY', {
      supplierId: dollars,
      point: '5',
      quantity: '10',
      averageCost: '2.25',
    });
    const belt = await item('RO-BELT', { supplierId: dollars, point: '5', quantity: '3' });
    const valve = await item('RO-VALVE', { supplierId: euros, point: '4', quantity: '8', averageCost: '9' });
    const orphan = await item('RO-ORPHAN', { point: '1', quantity: '1' });

    const ran = await run();
    const again = await run();

    expect(ran.status).toBe(200);
    const bySku = Object.fromEntries(
      ran.body.shortfalls.map((shortfall: { sku: string }) => [shortfall.sku, shortfall]),
    );
    expect(bySku['RO-PULLEY']).toMatchObject({
      orderedQuantity: '10',
      purchaseOrderId: existing?.purchase_order_id,
    });
    // The gap to the point (5) is more than the reorder quantity (3): it orders the gap.
    expect(bySku['RO-BELT']).toMatchObject({
      orderedQuantity: '5',
      purchaseOrderId: existing?.purchase_order_id,
    });
    expect(bySku['RO-ORPHAN']).toMatchObject({ orderedQuantity: null, purchaseOrderId: null });
    expect(ran.body.purchaseOrdersCreated).toEqual([bySku['RO-VALVE'].purchaseOrderId]);
    expect(again.body.shortfalls).toEqual([]);
    expect(await linesOf(pulley)).toEqual([expect.objectContaining({ unit_price: '2.250000' })]);
    expect(await linesOf(belt)).toEqual([
      expect.objectContaining({ purchase_order_id: existing?.purchase_order_id }),
    ]);
    // A euro supplier without a price: the buyer prices it (the average cost is in dollars).
    expect(await linesOf(valve)).toEqual([
      expect.objectContaining({
        supplier_id: euros,
        currency: 'EUR',
        quantity: '8.0000',
        unit_price: '0.000000',
      }),
    ]);
    expect(await belowEvents(orphan)).toEqual([expect.objectContaining({ purchaseOrderId: null })]);
    const drafts = await platform.db.query<{ supplier_id: string; total: string }>(
      `select supplier_id, total::text from invantray.purchase_orders
       where tenant_id = $1 and warehouse_id = $2 and source = 'reorder' and status = 'draft'
         and supplier_id = any($3::uuid[])`,
      [tenantId, mainId, [dollars, euros]],
    );
    expect(drafts.rows).toHaveLength(2);
    // 50 × 3.50 + 10 × 2.25 + 5 × 0 (no price, no cost yet)
    expect(drafts.rows.find((row) => row.supplier_id === dollars)?.total).toBe('197.50');
    const runs = await auditRecords(platform, 'invantray.reorder.run', { tenantId });
    expect(runs.slice(-2)).toEqual([
      expect.objectContaining({
        actorId: buyer.userId,
        details: {
          checked: expect.any(Number),
          shortfalls: ran.body.shortfalls.length,
          purchaseOrdersCreated: ran.body.purchaseOrdersCreated,
        },
      }),
      expect.objectContaining({ details: expect.objectContaining({ shortfalls: 0 }) }),
    ]);
  });

  it('lists items below their point with what covers them', async () => {
    const response = await platform.request(
      'GET',
      `/v1/invantray/reorder/below?warehouseId=${mainId}&limit=100`,
      {
        headers: warehouse.headers('acme'),
      },
    );

    expect(response.status).toBe(200);
    const bySku = Object.fromEntries(response.body.items.map((item: { sku: string }) => [item.sku, item]));
    expect(bySku['RO-BEARING']).toMatchObject({
      available: '5',
      onOrder: '50',
      reorderPoint: '10',
      covered: true,
      defaultSupplier: { id: dollars, code: 'RS-USD' },
      purchaseOrder: { status: 'draft' },
    });
    expect(bySku['RO-ORPHAN']).toMatchObject({ covered: false, defaultSupplier: null, purchaseOrder: null });
  });

  it('suggests a reorder point within 5 % of d·L for a constant demand of 10 a day', async () => {
    const demand = await item('RO-DEMAND', { supplierId: dollars, point: '50', quantity: '100' });
    await platform.db.query(
      `insert into invantray.stock_moves
         (tenant_id, id, kind, item_id, quantity, from_location_id, unit_cost, batch_id, posted_at)
       select $1, gen_random_uuid(), 'issue', $2, 10, $3, 1, gen_random_uuid(),
              date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => day) + interval '12 hours'
       from generate_series(1, 90) as day`,
      [tenantId, demand, mainBin],
    );
    const ask = (query: string) =>
      platform.request(
        'GET',
        `/v1/invantray/items/${demand}/reorder-suggestion?warehouseId=${mainId}${query}`,
        {
          headers: warehouse.headers('acme'),
        },
      );

    const bySupplier = await ask('');
    const longer = await ask('&leadTimeDays=14&serviceLevel=0.99');

    expect(bySupplier.status).toBe(200);
    expect(bySupplier.body).toMatchObject({
      days: 90,
      totalIssued: '900',
      leadTimeDays: 7,
      leadTimeSource: 'supplier',
      safetyStock: '0',
      configuredReorderPoint: '50',
    });
    expect(Math.abs(Number(bySupplier.body.reorderPoint) - 70) / 70).toBeLessThan(0.05);
    expect(Math.abs(Number(longer.body.reorderPoint) - 140) / 140).toBeLessThan(0.05);
    expect(longer.body).toMatchObject({ leadTimeSource: 'request', serviceLevel: 0.99 });
  });
});
