import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ITEM_COUNT } from './generate';

/**
 * The Invantray demo as `npm run dev` seeds it (the other suites start
 * without it): Acme's stock, consistent with its own ledger.
 */
let platform: TestPlatform;
let acme = '';

beforeAll(async () => {
  platform = await startTestPlatform({ demoProducts: ['platform', 'invantray'] });
  const { rows } = await platform.db.query("select id from platform.tenants where slug = 'acme'");
  acme = rows[0].id;
});

afterAll(async () => {
  await platform?.stop();
});

const count = async (table: string, where = 'true') => {
  const { rows } = await platform.db.query(
    `select count(*)::int as n from invantray.${table} where tenant_id = $1 and ${where}`,
    [acme],
  );
  return rows[0].n as number;
};

describe('the Invantray demo of Acme', () => {
  it('has two warehouses with bins, ~300 items, suppliers with prices and a quarter of moves', async () => {
    expect(await count('warehouses')).toBe(2);
    expect(await count('locations', "kind = 'bin'")).toBe(48);
    expect(await count('items')).toBe(DEMO_ITEM_COUNT);
    expect(await count('suppliers')).toBe(7);
    expect(await count('supplier_prices')).toBeGreaterThan(DEMO_ITEM_COUNT);
    expect(await count('stock_moves')).toBeGreaterThan(1000);
    expect(await count('stock_moves', "posted_at < now() - interval '80 days'")).toBeGreaterThan(0);
  });

  it('keeps every balance equal to the sum of its ledger', async () => {
    const { rows } = await platform.db.query(
      `with ledger as (
         select item_id, to_location_id as location_id, coalesce(lot_id, '00000000-0000-0000-0000-000000000000') as lot_key, quantity
         from invantray.stock_moves where tenant_id = $1 and to_location_id is not null
         union all
         select item_id, from_location_id, coalesce(lot_id, '00000000-0000-0000-0000-000000000000'), -quantity
         from invantray.stock_moves where tenant_id = $1 and from_location_id is not null
       ), sums as (select item_id, location_id, lot_key, sum(quantity) as quantity from ledger group by 1, 2, 3)
       select count(*)::int as n from sums
       full join invantray.stock_balances b using (item_id, location_id, lot_key)
       where (b.tenant_id = $1 or b.tenant_id is null) and coalesce(sums.quantity, 0) <> coalesce(b.on_hand, 0)`,
      [acme],
    );
    expect(rows[0].n).toBe(0);
  });

  it('has purchase orders in every status, requisitions, counts and items below their reorder point', async () => {
    const { rows } = await platform.db.query(
      'select distinct status from invantray.purchase_orders where tenant_id = $1 order by status',
      [acme],
    );
    expect(rows.map((row) => row.status)).toEqual([
      'approved',
      'cancelled',
      'closed',
      'draft',
      'partially_received',
      'received',
      'sent',
      'submitted',
    ]);
    expect(await count('requisitions')).toBe(6);
    expect(await count('stock_counts')).toBe(2);
    const below = await platform.db.query(
      `select count(*)::int as n from invantray.reorder_settings r
       where r.tenant_id = $1 and r.reorder_point >
         (select coalesce(sum(on_hand - reserved), 0) from invantray.stock_balances b
          where b.tenant_id = r.tenant_id and b.item_id = r.item_id and b.warehouse_id = r.warehouse_id)`,
      [acme],
    );
    expect(below.rows[0].n).toBeGreaterThanOrEqual(5);
  });
});
