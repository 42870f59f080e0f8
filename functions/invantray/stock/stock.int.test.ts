import { randomUUID } from 'node:crypto';
import { auditRecords } from '@halooid/local/testing/audit';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn } from '../testing/arrange';

let platform: TestPlatform;
let manager: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [manager, viewer, globexOwner] = await Promise.all([
    platform.login('warehouse@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = manager.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
  given = arrangeIn(platform, tenantId);
});

afterAll(async () => {
  await platform?.stop();
});

// Arrange: warehouses, locations and items straight in SQL (their own routes are other capabilities').

async function warehouse(): Promise<{ id: string; bin: string; shelf: string }> {
  const { id } = await given.warehouse();
  const shelf = await given.location(id, { code: 'A', kind: 'zone' });
  const bin = await given.location(id, { code: 'A-01', parentId: shelf });
  return { id, bin, shelf };
}

const item = async (tracking: 'none' | 'lot' | 'serial' = 'none') => (await given.item({ tracking })).id;

const post = (path: string, body: unknown, as: Session = manager, headers: Record<string, string> = {}) =>
  platform.request('POST', path, { headers: { ...as.headers('acme'), ...headers }, body });
const get = (path: string, as: Session = manager) =>
  platform.request('GET', path, { headers: as.headers('acme') });

const receive = (
  itemId: string,
  to: string,
  quantity: string | number,
  extra: Record<string, unknown> = {},
) =>
  post('/v1/invantray/stock/moves', {
    kind: 'receipt',
    lines: [{ itemId, quantity, toStockLocationId: to, ...extra }],
  });
const issue = (itemId: string, from: string, quantity: string, headers: Record<string, string> = {}) =>
  post(
    '/v1/invantray/stock/moves',
    { kind: 'issue', lines: [{ itemId, quantity, fromStockLocationId: from }] },
    manager,
    headers,
  );

async function balance(itemId: string, locationId: string) {
  const { rows } = await platform.db.query(
    `select on_hand::text, reserved::text from invantray.stock_balances
     where tenant_id = $1 and item_id = $2 and location_id = $3`,
    [tenantId, itemId, locationId],
  );
  return rows[0] ?? { on_hand: '0.0000', reserved: '0.0000' };
}

/** Σ of the ledger for the item at a location: into it minus out of it, optionally up to an instant. */
async function ledgerSum(itemId: string, locationId: string, upTo?: string) {
  const { rows } = await platform.db.query(
    `select coalesce(sum(case when to_location_id = $3 then quantity else -quantity end), 0)::text as sum
     from invantray.stock_moves
     where tenant_id = $1 and item_id = $2 and $3 in (from_location_id, to_location_id)
       and ($4::timestamptz is null or posted_at <= $4::timestamptz)`,
    [tenantId, itemId, locationId, upTo ?? null],
  );
  return rows[0]?.sum as string;
}

describe('stock moves', () => {
  it('lets exactly 5 of 20 concurrent issues of 1 take the last 5 units; the ledger sums to on hand', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    expect((await receive(itemId, bin, '5')).status).toBe(201);

    const results = await Promise.all(Array.from({ length: 20 }, () => issue(itemId, bin, '1')));

    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(15);
    const refused = results.find((result) => result.status === 409);
    expect(refused?.body).toMatchObject({
      code: 'insufficient_stock',
      itemId,
      stockLocationId: bin,
      available: '0',
    });
    expect(await balance(itemId, bin)).toEqual({ on_hand: '0.0000', reserved: '0.0000' });
    expect(Number(await ledgerSum(itemId, bin))).toBe(0);
    const { rows } = await platform.db.query(
      'select count(*)::int as n from invantray.stock_moves where tenant_id = $1 and item_id = $2 and kind = $3',
      [tenantId, itemId, 'issue'],
    );
    expect(rows[0]?.n).toBe(5);
  });

  it('answers a receipt with its moves and records one stock.moved event for the batch', async () => {
    const { bin, id: warehouseId } = await warehouse();
    const itemId = await item();

    const response = await receive(itemId, bin, '7.5', { unitCost: '2.5' });

    expect(response.status).toBe(201);
    expect(response.body.moves).toEqual([
      expect.objectContaining({
        kind: 'receipt',
        itemId,
        quantity: '7.5',
        toStockLocationId: bin,
        toLocationCode: 'A-01',
        toWarehouseId: warehouseId,
        unitCost: '2.5',
        postedBy: manager.userId,
        batchId: response.body.batchId,
      }),
    ]);
    const { rows } = await platform.db.query(
      `select envelope->'data' as data from platform.outbox where tenant_id = $1 and type = 'stock.moved'
         and envelope->'data'->>'batchId' = $2`,
      [tenantId, response.body.batchId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data.moves[0]).toMatchObject({ itemId, quantity: '7.5', toWarehouseId: warehouseId });
    expect(
      await auditRecords(platform, 'invantray.stock.moved', { targetId: response.body.batchId }),
    ).toEqual([
      expect.objectContaining({
        actorId: manager.userId,
        targetType: 'invantray.stock_move_batch',
        details: { kind: 'receipt', moves: 1 },
      }),
    ]);
  });

  it('posts a retried issue with the same Idempotency-Key once', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await receive(itemId, bin, '10');
    const key = { 'idempotency-key': `issue-${randomUUID()}` };

    const first = await issue(itemId, bin, '4', key);
    const retry = await issue(itemId, bin, '4', key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.batchId).toBe(first.body.batchId);
    expect((await balance(itemId, bin)).on_hand).toBe('6.0000');
  });

  it('transfers between warehouses atomically: a batch whose second line fails changes neither balance', async () => {
    const [north, south] = [await warehouse(), await warehouse()];
    const [plenty, scarce] = [await item(), await item()];
    await receive(plenty, north.bin, '10');
    await receive(scarce, north.bin, '1');

    const failed = await post('/v1/invantray/stock/moves', {
      kind: 'transfer',
      lines: [
        { itemId: plenty, quantity: '5', fromStockLocationId: north.bin, toStockLocationId: south.bin },
        { itemId: scarce, quantity: '3', fromStockLocationId: north.bin, toStockLocationId: south.bin },
      ],
    });
    const done = await post('/v1/invantray/stock/moves', {
      kind: 'transfer',
      lines: [
        { itemId: plenty, quantity: '4', fromStockLocationId: north.bin, toStockLocationId: south.bin },
      ],
    });

    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({ code: 'insufficient_stock', itemId: scarce, available: '1' });
    expect(done.status).toBe(201);
    expect(done.body.moves[0]).toMatchObject({ fromWarehouseId: north.id, toWarehouseId: south.id });
    expect((await balance(plenty, north.bin)).on_hand).toBe('6.0000');
    expect((await balance(plenty, south.bin)).on_hand).toBe('4.0000');
    expect((await balance(scarce, north.bin)).on_hand).toBe('1.0000');
    expect((await balance(scarce, south.bin)).on_hand).toBe('0.0000');
  });

  it('keeps the moving-average cost right to the cent over two receipts at different costs and units', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await platform.db.query(
      `insert into invantray.item_units (tenant_id, item_id, unit, factor) values ($1, $2, 'box', 12)`,
      [tenantId, itemId],
    );

    await receive(itemId, bin, '10', { unitCost: '2' });
    const boxes = await receive(itemId, bin, '2', { unit: 'box', unitCost: '36' });

    // (10 × 2.00 + 24 × 3.00) / 34 = 2.705882…
    expect(boxes.body.moves[0]).toMatchObject({ quantity: '24', unitCost: '3' });
    const { rows } = await platform.db.query(
      'select average_cost::text from invantray.items where tenant_id = $1 and id = $2',
      [tenantId, itemId],
    );
    expect(rows[0]?.average_cost).toBe('2.705882');
    const summary = await get(`/v1/invantray/stock/summary?itemId=${itemId}`);
    expect(summary.body).toMatchObject({ averageCost: '2.705882', total: { onHand: '34', value: '92.00' } });
    const history = await platform.db.query(
      'select average_cost::text from invantray.item_costs where tenant_id = $1 and item_id = $2 order by effective_at',
      [tenantId, itemId],
    );
    expect(history.rows.map((row) => row.average_cost)).toEqual(['2.000000', '2.705882']);
  });

  it('values a receipt without a cost at the current average and leaves the average alone', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await receive(itemId, bin, '4', { unitCost: '5.25' });

    const uncosted = await receive(itemId, bin, '6');

    expect(uncosted.body.moves[0].unitCost).toBe('5.25');
    const summary = await get(`/v1/invantray/stock/summary?itemId=${itemId}`);
    expect(summary.body).toMatchObject({ averageCost: '5.25', total: { onHand: '10', value: '52.50' } });
  });

  it('refuses malformed lines with 400 naming the field, and 422 for an unknown unit or a missing lot', async () => {
    const { bin } = await warehouse();
    const [plain, lotted] = [await item(), await item('lot')];

    const noFrom = await post('/v1/invantray/stock/moves', {
      kind: 'issue',
      lines: [{ itemId: plain, quantity: '1', toStockLocationId: bin }],
    });
    const costOnIssue = await post('/v1/invantray/stock/moves', {
      kind: 'issue',
      lines: [{ itemId: plain, quantity: '1', fromStockLocationId: bin, unitCost: '1' }],
    });
    const badUnit = await receive(plain, bin, '1', { unit: 'pallet' });
    const noLot = await receive(lotted, bin, '1');
    const float = await receive(plain, bin, 1);

    expect(noFrom.status).toBe(400);
    expect(noFrom.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.lines.0.fromStockLocationId',
      'body.lines.0.toStockLocationId',
    ]);
    expect(costOnIssue.body.errors[0].field).toBe('body.lines.0.unitCost');
    expect(badUnit).toMatchObject({ status: 422, body: { code: 'unknown_unit' } });
    expect(noLot).toMatchObject({ status: 422, body: { code: 'lot_required' } });
    expect(float.status).toBe(400);
  });

  it('receives lots and serials (one move per serial) and issues them by number', async () => {
    const { bin } = await warehouse();
    const [lotted, serial] = [await item('lot'), await item('serial')];

    const lots = await receive(lotted, bin, '8', { lotNumber: 'L-2026-01', lotExpiresOn: '2027-01-31' });
    const serials = await receive(serial, bin, '2', { serialNumbers: ['SN-1', 'SN-2'] });
    const again = await receive(serial, bin, '1', { serialNumbers: ['SN-1'] });
    const miscount = await receive(serial, bin, '3', { serialNumbers: ['SN-7'] });
    const out = await post('/v1/invantray/stock/moves', {
      kind: 'issue',
      lines: [{ itemId: serial, quantity: '1', serialNumbers: ['SN-2'], fromStockLocationId: bin }],
    });

    expect(lots.status).toBe(201);
    expect(lots.body.moves[0]).toMatchObject({ lotNumber: 'L-2026-01', quantity: '8' });
    expect(serials.body.moves.map((move: { lotNumber: string }) => move.lotNumber)).toEqual(['SN-1', 'SN-2']);
    expect(again).toMatchObject({ status: 409, body: { code: 'serial_in_stock' } });
    expect(miscount).toMatchObject({ status: 422, body: { code: 'serial_count' } });
    expect(out.status).toBe(201);
    const stock = await get(`/v1/invantray/stock?itemId=${serial}`);
    expect(stock.body.items.map((row: { lotNumber: string }) => row.lotNumber)).toEqual(['SN-1']);
  });

  it('adjusts stock with a reason, and never below what is available', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await receive(itemId, bin, '3');

    const removed = await post('/v1/invantray/stock/adjustments', {
      lines: [
        { itemId, stockLocationId: bin, direction: 'remove', quantity: '1', reason: 'Damaged in handling' },
      ],
    });
    const tooMuch = await post('/v1/invantray/stock/adjustments', {
      lines: [{ itemId, stockLocationId: bin, direction: 'remove', quantity: '5', reason: 'Write-off' }],
    });
    const byViewer = await post(
      '/v1/invantray/stock/adjustments',
      { lines: [{ itemId, stockLocationId: bin, direction: 'add', quantity: '1', reason: 'Found' }] },
      viewer,
    );

    expect(removed.status).toBe(201);
    expect(removed.body.moves[0]).toMatchObject({
      kind: 'adjustment',
      fromStockLocationId: bin,
      note: 'Damaged in handling',
    });
    expect(tooMuch).toMatchObject({ status: 409, body: { code: 'insufficient_stock', available: '2' } });
    expect(byViewer.status).toBe(403);
    expect((await balance(itemId, bin)).on_hand).toBe('2.0000');
    expect(
      await auditRecords(platform, 'invantray.stock.adjusted', { targetId: removed.body.batchId }),
    ).toEqual([expect.objectContaining({ actorId: manager.userId, details: { moves: 1 } })]);
  });

  it('lists the ledger newest first with filters and cursor pages; another tenant sees none of it', async () => {
    const [north, south] = [await warehouse(), await warehouse()];
    const itemId = await item();
    await receive(itemId, north.bin, '5');
    await post('/v1/invantray/stock/moves', {
      kind: 'transfer',
      lines: [{ itemId, quantity: '2', fromStockLocationId: north.bin, toStockLocationId: south.bin }],
    });
    await post('/v1/invantray/stock/moves', {
      kind: 'issue',
      lines: [{ itemId, quantity: '1', fromStockLocationId: south.bin }],
      reference: { type: 'task', id: 'task-42' },
    });

    const all = await get(`/v1/invantray/stock/moves?itemId=${itemId}`, viewer);
    const firstPage = await get(`/v1/invantray/stock/moves?itemId=${itemId}&limit=2`);
    const secondPage = await get(
      `/v1/invantray/stock/moves?itemId=${itemId}&limit=2&cursor=${firstPage.body.nextCursor}`,
    );
    const inSouth = await get(`/v1/invantray/stock/moves?warehouseId=${south.id}`);
    const forTask = await get('/v1/invantray/stock/moves?referenceType=task&referenceId=task-42');
    const globex = await platform.request('GET', `/v1/invantray/stock/moves?itemId=${itemId}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(all.body.items.map((move: { kind: string }) => move.kind)).toEqual([
      'issue',
      'transfer',
      'receipt',
    ]);
    expect([...firstPage.body.items, ...secondPage.body.items]).toEqual(all.body.items);
    expect(secondPage.body.nextCursor).toBeNull();
    expect(inSouth.body.items.map((move: { kind: string }) => move.kind)).toEqual(['issue', 'transfer']);
    expect(forTask.body.items).toHaveLength(1);
    expect(forTask.body.items[0].reference).toEqual({ type: 'task', id: 'task-42' });
    expect(globex.body.items).toEqual([]);
  });

  it('keeps the ledger append-only: the app role cannot update or delete a move', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await receive(itemId, bin, '1');
    const asApp = (statement: string) =>
      platform.db.query(
        `set local role halooid_app;
         select set_config('app.tenant_id', '${tenantId}', true);
         ${statement}`,
      );

    await expect(
      asApp(`update invantray.stock_moves set quantity = 100 where item_id = '${itemId}'`),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp(`delete from invantray.stock_moves where item_id = '${itemId}'`)).rejects.toThrow(
      /permission denied/,
    );
    expect(Number(await ledgerSum(itemId, bin))).toBe(1);
  });
});

describe('stock balances', () => {
  it('lists balances by item × location × lot, with sublocations, and on hand at an instant from the ledger', async () => {
    const { bin, shelf, id: warehouseId } = await warehouse();
    const itemId = await item();
    const received = await receive(itemId, bin, '10');
    const afterReceipt = received.body.moves[0].postedAt as string;
    const issued = await issue(itemId, bin, '3');
    const afterIssue = issued.body.moves[0].postedAt as string;
    await post('/v1/invantray/stock/moves', {
      kind: 'transfer',
      lines: [{ itemId, quantity: '2', fromStockLocationId: bin, toStockLocationId: shelf }],
    });

    const now = await get(`/v1/invantray/stock?itemId=${itemId}`);
    const underZone = await get(`/v1/invantray/stock?stockLocationId=${shelf}&includeSublocations=true`);
    const onlyZone = await get(`/v1/invantray/stock?stockLocationId=${shelf}`);
    const atReceipt = await get(`/v1/invantray/stock?itemId=${itemId}&at=${afterReceipt}`);
    const atIssue = await get(`/v1/invantray/stock?itemId=${itemId}&at=${afterIssue}`);
    const before = await get(`/v1/invantray/stock?itemId=${itemId}&at=2000-01-01`);
    const inWarehouseAt = await get(`/v1/invantray/stock?warehouseId=${warehouseId}&at=${afterIssue}`);

    const byLocation = (rows: { stockLocationId: string; onHand: string }[]) =>
      Object.fromEntries(rows.map((row) => [row.stockLocationId === bin ? 'bin' : 'zone', row.onHand]));
    expect(byLocation(now.body.items)).toEqual({ bin: '5', zone: '2' });
    expect(now.body.items[0]).toMatchObject({ reserved: '0', available: now.body.items[0].onHand });
    expect(underZone.body.items).toHaveLength(2);
    expect(onlyZone.body.items).toHaveLength(1);
    expect(byLocation(atReceipt.body.items)).toEqual({ bin: '10' });
    expect(atReceipt.body.items[0]).toMatchObject({ reserved: null, available: null });
    // A millisecond instant (what the API answers) covers that whole millisecond of the microsecond ledger.
    expect(atReceipt.body.at).toBe(afterReceipt.replace('Z', '999Z'));
    expect(byLocation(atIssue.body.items)).toEqual({ bin: '7' });
    expect(byLocation(inWarehouseAt.body.items)).toEqual({ bin: '7' });
    expect(before.body.items).toEqual([]);
    // On hand at an instant is the ledger's sum up to it.
    expect(Number(await ledgerSum(itemId, bin, atReceipt.body.at))).toBe(10);
    expect(Number(await ledgerSum(itemId, bin, atIssue.body.at))).toBe(7);
  });

  it('gives an item’s summary by warehouse, and 404 for another tenant', async () => {
    const [north, south] = [await warehouse(), await warehouse()];
    const itemId = await item();
    await receive(itemId, north.bin, '4', { unitCost: '1.5' });
    await receive(itemId, south.bin, '6', { unitCost: '1.5' });

    const summary = await get(`/v1/invantray/stock/summary?itemId=${itemId}`, viewer);
    const globex = await platform.request('GET', `/v1/invantray/stock/summary?itemId=${itemId}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(summary.status).toBe(200);
    expect(summary.body.currency).toBe('USD');
    expect(summary.body.warehouses.map((row: { onHand: string }) => row.onHand).sort()).toEqual(['4', '6']);
    expect(summary.body.total).toEqual({ onHand: '10', reserved: '0', available: '10', value: '15.00' });
    expect(globex.status).toBe(404);
  });
});

describe('reservations', () => {
  it('holds stock from issues, releases it, consumes it partly then fully', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await receive(itemId, bin, '5');

    const reserved = await post('/v1/invantray/reservations', {
      itemId,
      stockLocationId: bin,
      quantity: '4',
      reference: { type: 'task', id: 'task-7' },
    });
    const blockedIssue = await issue(itemId, bin, '2');
    const blockedReserve = await post('/v1/invantray/reservations', {
      itemId,
      stockLocationId: bin,
      quantity: '2',
    });
    const partly = await post(`/v1/invantray/reservations/${reserved.body.id}/consume`, { quantity: '1' });
    const tooMuch = await post(`/v1/invantray/reservations/${reserved.body.id}/consume`, { quantity: '9' });
    const rest = await post(`/v1/invantray/reservations/${reserved.body.id}/consume`, {});
    const again = await post(`/v1/invantray/reservations/${reserved.body.id}/release`, undefined);

    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({
      quantity: '4',
      status: 'active',
      reference: { type: 'task', id: 'task-7' },
    });
    expect(blockedIssue.body).toMatchObject({ code: 'insufficient_stock', available: '1' });
    expect(blockedReserve).toMatchObject({ status: 409, body: { code: 'insufficient_stock' } });
    expect(partly.status).toBe(200);
    expect(partly.body.reservation).toMatchObject({ quantity: '3', status: 'active' });
    expect(partly.body.moves[0]).toMatchObject({
      kind: 'issue',
      quantity: '1',
      reference: { type: 'reservation', id: reserved.body.id },
    });
    expect(tooMuch).toMatchObject({ status: 422, body: { code: 'over_reservation' } });
    expect(rest.body.reservation).toMatchObject({ status: 'consumed' });
    expect(again).toMatchObject({ status: 409, body: { code: 'reservation_not_active' } });
    expect(await balance(itemId, bin)).toEqual({ on_hand: '1.0000', reserved: '0.0000' });
    const consumed = await auditRecords(platform, 'invantray.reservation.consumed', {
      targetId: reserved.body.id,
    });
    expect(consumed.map((record) => record.details)).toEqual([
      { quantity: '1', remaining: '3', batchId: partly.body.batchId },
      { quantity: '3', remaining: '0', batchId: rest.body.batchId },
    ]);
  });

  it('releases a reservation back to available, lists by status, and hides it from another tenant', async () => {
    const { bin } = await warehouse();
    const itemId = await item();
    await receive(itemId, bin, '2');
    const reserved = await post('/v1/invantray/reservations', {
      itemId,
      stockLocationId: bin,
      quantity: '2',
    });

    const released = await post(`/v1/invantray/reservations/${reserved.body.id}/release`, undefined);
    const issued = await issue(itemId, bin, '2');
    const list = await get(`/v1/invantray/reservations?itemId=${itemId}&status=released`, viewer);
    const globex = await platform.request('GET', `/v1/invantray/reservations/${reserved.body.id}`, {
      headers: globexOwner.headers('globex'),
    });
    const globexRelease = await platform.request(
      'POST',
      `/v1/invantray/reservations/${reserved.body.id}/release`,
      {
        headers: globexOwner.headers('globex'),
      },
    );

    expect(released.body).toMatchObject({ status: 'released', version: 2 });
    expect(issued.status).toBe(201);
    expect(list.body.items.map((row: { id: string }) => row.id)).toEqual([reserved.body.id]);
    expect(globex.status).toBe(404);
    expect(globexRelease.status).toBe(404);
    const target = { targetId: reserved.body.id };
    expect(await auditRecords(platform, 'invantray.reservation.created', target)).toEqual([
      expect.objectContaining({ details: { itemId, stockLocationId: bin, quantity: '2' } }),
    ]);
    expect(await auditRecords(platform, 'invantray.reservation.released', target)).toHaveLength(1);
  });
});
