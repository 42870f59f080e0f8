import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn } from '../testing/arrange';

let platform: TestPlatform;
let manager: Session;
let member: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [manager, member] = await Promise.all([
    platform.login('warehouse@acme.example'),
    platform.login('member@acme.example'),
  ]);
  tenantId = manager.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
  given = arrangeIn(platform, tenantId);
});

afterAll(async () => {
  await platform?.stop();
});

// Arrange in SQL: warehouses, items and categories are other capabilities'.
async function warehouse(code: string): Promise<{ id: string; bin: string }> {
  const { id } = await given.warehouse({ code });
  return { id, bin: await given.location(id, { code: 'BIN-1' }) };
}

const item = async (sku: string, categoryId: string | null) => (await given.item({ sku, categoryId })).id;

const move = (body: unknown) =>
  platform.request('POST', '/v1/invantray/stock/moves', { headers: manager.headers('acme'), body });
const receive = async (itemId: string, to: string, quantity: string, unitCost: string) =>
  (await move({ kind: 'receipt', lines: [{ itemId, quantity, unitCost, toStockLocationId: to }] })).body
    .moves[0].postedAt as string;
const report = (query: string, as: Session = manager) =>
  platform.request('GET', `/v1/invantray/valuation?${query}`, { headers: as.headers('acme') });

describe('stock valuation', () => {
  it('values stock by warehouse, category and item, now and at an earlier instant, to the cent', async () => {
    const categoryId = randomUUID();
    await platform.db.query('insert into invantray.categories (tenant_id, id, name) values ($1, $2, $3)', [
      tenantId,
      categoryId,
      'Tools',
    ]);
    const [east, west] = [await warehouse('EAST'), await warehouse('WEST')];
    const [hammer, tape] = [await item('HAM-1', categoryId), await item('TAPE-1', null)];
    const firstReceipt = await receive(hammer, east.bin, '10', '2');
    await receive(hammer, west.bin, '10', '4'); // average (10 × 2 + 10 × 4) / 20 = 3
    await receive(tape, east.bin, '5', '1.111111');
    await move({ kind: 'issue', lines: [{ itemId: hammer, quantity: '4', fromStockLocationId: east.bin }] });

    const byWarehouse = await report('groupBy=warehouse');
    const byItem = await report(`groupBy=item&warehouseId=${east.id}`);
    const byCategory = await report(`groupBy=category&warehouseId=${east.id}`);
    const atFirst = await report(`groupBy=item&warehouseId=${east.id}&at=${firstReceipt}`);
    const westAtFirst = await report(`groupBy=warehouse&warehouseId=${west.id}&at=${firstReceipt}`);
    const longAgo = await report('at=2001-01-01');

    expect(byWarehouse.status).toBe(200);
    expect(byWarehouse.body).toMatchObject({ currency: 'USD', groupBy: 'warehouse', at: null });
    expect(byWarehouse.body.rows).toEqual([
      { id: east.id, code: 'EAST', name: 'Warehouse EAST', quantity: '11', unitCost: null, value: '23.56' },
      { id: west.id, code: 'WEST', name: 'Warehouse WEST', quantity: '10', unitCost: null, value: '30.00' },
    ]);
    expect(byWarehouse.body.totals).toEqual({ quantity: '21', value: '53.56' });
    expect(byItem.body.rows).toEqual([
      { id: hammer, code: 'HAM-1', name: 'Item HAM-1', quantity: '6', unitCost: '3', value: '18.00' },
      { id: tape, code: 'TAPE-1', name: 'Item TAPE-1', quantity: '5', unitCost: '1.111111', value: '5.56' },
    ]);
    expect(byCategory.body.rows.map((row: { name: string; value: string }) => [row.name, row.value])).toEqual(
      [
        ['Tools', '18.00'],
        ['Uncategorized', '5.56'],
      ],
    );
    expect(atFirst.body.rows).toEqual([
      { id: hammer, code: 'HAM-1', name: 'Item HAM-1', quantity: '10', unitCost: '2', value: '20.00' },
    ]);
    expect(atFirst.body.at).toBe(firstReceipt.replace('Z', '999Z'));
    expect(westAtFirst.body).toMatchObject({ rows: [], totals: { quantity: '0', value: '0.00' } });
    expect(longAgo.body.rows).toEqual([]);
  });

  it('exports the report as formula-safe CSV with a total line', async () => {
    const place = await warehouse('=CSV');
    const itemId = await item('CSV-1', null);
    await receive(itemId, place.bin, '3', '2.5');

    const csv = await platform.request('GET', `/v1/invantray/valuation/export?warehouseId=${place.id}`, {
      headers: manager.headers('acme'),
    });

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('"warehouse","code","id","quantity","unit cost","value","currency","at"');
    expect(lines[1]).toBe(`"Warehouse =CSV","'=CSV","${place.id}","3","","7.50","USD","now"`);
    expect(lines[2]).toBe('"Total","","","3","","7.50","USD","now"');
  });

  it('is refused to a member without invantray:valuation:read and rejects a bad instant', async () => {
    const denied = await report('groupBy=warehouse', member);
    const badAt = await report('at=yesterday');
    const badGroup = await report('groupBy=colour');
    const yearZero = await report('at=0000-06-01');

    expect(denied.status).toBe(403);
    expect(badAt.status).toBe(400);
    expect(badGroup.status).toBe(400);
    expect(yearZero.status).toBe(400);
  });
});
