import { auditRecords } from '@halooid/local/testing/audit';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MoveInput } from '../domain/stock-ledger';
import { type Arrange, arrangeIn } from '../testing/arrange';

let platform: TestPlatform;
let warehouse: Session;
let admin: Session;
let member: Session;
let tenantId: string;
let given: Arrange;
let zoneId: string;
const bins: Record<string, string> = {};

beforeAll(async () => {
  platform = await startTestPlatform();
  [warehouse, admin, member] = await Promise.all([
    platform.login('warehouse@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
  given = arrangeIn(platform, tenantId);
  const { id: warehouseId } = await given.warehouse({ code: 'CNT', name: 'Count warehouse' });
  zoneId = await given.location(warehouseId, { code: 'Z', kind: 'zone' });
  for (const code of ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'])
    bins[code] = await given.location(warehouseId, { code, parentId: zoneId });
});

afterAll(async () => {
  await platform?.stop();
});

const item = async (sku: string) => (await given.item({ sku })).id;

/** Stock through the real ledger, as a receipt or issue would post it. */
const post = (moves: MoveInput[]) => given.postMoves(admin.userId, moves);

const receive = (itemId: string, at: string, quantity: string, unitCost: string) =>
  post([{ kind: 'receipt', itemId, toLocationId: at, quantity, unitCost }]);

const call = (as: Session, method: string, path: string, body?: unknown) =>
  platform.request(method, `/v1/invantray${path}`, { headers: as.headers('acme'), body });

const onHand = async (itemId: string, locationId: string) =>
  (
    await platform.db.query<{ on_hand: string }>(
      `select on_hand::text from invantray.stock_balances where tenant_id = $1 and item_id = $2 and location_id = $3`,
      [tenantId, itemId, locationId],
    )
  ).rows[0]?.on_hand;

const countMoves = async (countId: string) =>
  (
    await platform.db.query<{
      quantity: string;
      from_location_id: string | null;
      to_location_id: string | null;
    }>(
      `select quantity::text, from_location_id, to_location_id from invantray.stock_moves
       where tenant_id = $1 and kind = 'count' and reference_type = 'count' and reference_id = $2`,
      [tenantId, countId],
    )
  ).rows;

const postedEvents = async (countId: string) =>
  (
    await platform.db.query<{ envelope: { data: Record<string, unknown> } }>(
      `select envelope from platform.outbox where tenant_id = $1 and type = 'count.posted'
       and envelope->'data'->>'countId' = $2`,
      [tenantId, countId],
    )
  ).rows.map((row) => row.envelope.data);

describe('cycle counts', () => {
  it('counts blind: no expected quantity while open, for counters and approvers alike', async () => {
    const bolt = await item('CNT-BOLT');
    const nut = await item('CNT-NUT');
    await receive(bolt, bins.B1 as string, '10', '2');
    await receive(nut, bins.B2 as string, '4', '1');

    const created = await call(warehouse, 'POST', '/counts', {
      stockLocationId: zoneId,
      itemIds: [bolt, nut],
    });
    const asMember = await call(member, 'GET', `/counts/${created.body.id}`);

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', blind: true, lineCount: 2, countedLineCount: 0 });
    expect(created.body.number).toMatch(/^CNT-\d{5}$/);
    expect(created.body.lines.map((line: { sku: string }) => line.sku)).toEqual(['CNT-BOLT', 'CNT-NUT']);
    for (const line of created.body.lines) {
      expect(line).not.toHaveProperty('expected');
      expect(line).not.toHaveProperty('variance');
    }
    expect(asMember.status).toBe(200);
    expect(asMember.body.lines[0]).not.toHaveProperty('expected');
    await call(warehouse, 'POST', `/counts/${created.body.id}/cancel`, {});
  });

  it('posts a variance under the threshold at once: one count move of the difference', async () => {
    const washer = await item('CNT-WASHER');
    await receive(washer, bins.B3 as string, '10', '2');
    const count = await call(warehouse, 'POST', '/counts', {
      stockLocationId: bins.B3,
      includeSublocations: false,
    });

    const entered = await call(warehouse, 'PUT', `/counts/${count.body.id}/entries`, {
      entries: [{ itemId: washer, stockLocationId: bins.B3, counted: '9' }],
    });
    const submitted = await call(warehouse, 'POST', `/counts/${count.body.id}/submit`, {});
    const asMember = await call(member, 'GET', `/counts/${count.body.id}`);

    expect(entered.status).toBe(200);
    expect(entered.body.lines[0]).toMatchObject({ counted: '9', countedBy: warehouse.userId });
    expect(entered.body.lines[0]).not.toHaveProperty('expected');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'posted',
      blind: false,
      varianceValue: '2.00',
      approvedBy: null,
    });
    expect(submitted.body.lines[0]).toMatchObject({
      expected: '10',
      counted: '9',
      variance: '-1',
      varianceValue: '-2.00',
    });
    expect(asMember.body.blind).toBe(true);
    expect(await countMoves(count.body.id)).toEqual([
      { quantity: '1.0000', from_location_id: bins.B3, to_location_id: null },
    ]);
    expect(await onHand(washer, bins.B3 as string)).toBe('9.0000');
    expect(await postedEvents(count.body.id)).toEqual([
      expect.objectContaining({ number: count.body.number, varianceValue: '2.00', approvedBy: null }),
    ]);
  });

  it('holds a variance over the threshold for approval; the submitter cannot approve it, another approver posts it', async () => {
    const motor = await item('CNT-MOTOR');
    await receive(motor, bins.B4 as string, '5', '50');
    const count = await call(warehouse, 'POST', '/counts', { stockLocationId: bins.B4 });
    await call(warehouse, 'PUT', `/counts/${count.body.id}/entries`, {
      entries: [{ itemId: motor, stockLocationId: bins.B4, counted: '30' }],
    });

    const submitted = await call(warehouse, 'POST', `/counts/${count.body.id}/submit`);
    const movesBefore = await countMoves(count.body.id);
    const bySubmitter = await call(warehouse, 'POST', `/counts/${count.body.id}/approve`, {});
    const byMember = await call(member, 'POST', `/counts/${count.body.id}/approve`, {});
    const approved = await call(admin, 'POST', `/counts/${count.body.id}/approve`, {
      note: 'Found a pallet',
    });

    expect(submitted.body).toMatchObject({ status: 'pending_approval', varianceValue: '1250.00' });
    expect(movesBefore).toEqual([]);
    expect(bySubmitter.status).toBe(403);
    expect(bySubmitter.body.detail).toContain('You submitted this count');
    expect(byMember.status).toBe(403);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'posted',
      approvedBy: admin.userId,
      decisionNote: 'Found a pallet',
    });
    expect(await countMoves(count.body.id)).toEqual([
      { quantity: '25.0000', from_location_id: null, to_location_id: bins.B4 },
    ]);
    expect(await onHand(motor, bins.B4 as string)).toBe('30.0000');
    expect(await postedEvents(count.body.id)).toEqual([
      expect.objectContaining({ varianceValue: '1250.00', approvedBy: admin.userId }),
    ]);
    const audited = async (action: string) =>
      (await auditRecords(platform, `invantray.count.${action}`, { targetId: count.body.id })).map(
        (record) => ({ actorId: record.actorId, ...record.details }),
      );
    const number = count.body.number;
    expect(await audited('started')).toEqual([
      { actorId: warehouse.userId, number, status: 'open', stockLocationId: bins.B4, lines: 1 },
    ]);
    expect(await audited('counted')).toEqual([
      { actorId: warehouse.userId, number, status: 'open', entries: 1 },
    ]);
    expect(await audited('submitted')).toEqual([
      { actorId: warehouse.userId, number, status: 'pending_approval', uncountedAsZero: false },
    ]);
    expect(await audited('approved')).toEqual([{ actorId: admin.userId, number, status: 'posted' }]);
  });

  it('refuses uncounted lines unless counted as zero, adds found stock, and refuses an overlapping count', async () => {
    const gear = await item('CNT-GEAR');
    const found = await item('CNT-FOUND');
    await receive(gear, bins.B5 as string, '3', '1');
    const count = await call(warehouse, 'POST', '/counts', { stockLocationId: bins.B5 });
    const overlapping = await call(warehouse, 'POST', '/counts', { stockLocationId: zoneId });
    const outside = await call(warehouse, 'PUT', `/counts/${count.body.id}/entries`, {
      entries: [{ itemId: found, stockLocationId: bins.B6, counted: '1' }],
    });
    await call(warehouse, 'PUT', `/counts/${count.body.id}/entries`, {
      entries: [{ itemId: found, stockLocationId: bins.B5, counted: '2' }],
    });

    const refused = await call(warehouse, 'POST', `/counts/${count.body.id}/submit`, {});
    const submitted = await call(warehouse, 'POST', `/counts/${count.body.id}/submit`, {
      uncountedAsZero: true,
    });

    expect(overlapping.status).toBe(409);
    expect(overlapping.body).toMatchObject({ code: 'count_overlaps', number: count.body.number });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]).toMatchObject({ field: 'body.entries.0.stockLocationId' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('uncounted_lines');
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].message).toContain('CNT-GEAR');
    expect(submitted.body.status).toBe('posted');
    const bySku = Object.fromEntries(submitted.body.lines.map((line: { sku: string }) => [line.sku, line]));
    expect(bySku['CNT-GEAR']).toMatchObject({ expected: '3', counted: '0' });
    expect(bySku['CNT-FOUND']).toMatchObject({ expected: '0', counted: '2' });
    expect(await onHand(gear, bins.B5 as string)).toBe('0.0000');
    expect(await onHand(found, bins.B5 as string)).toBe('2.0000');
  });

  it('answers 409 naming the line when stock left the location since the count started', async () => {
    const spring = await item('CNT-SPRING');
    await receive(spring, bins.B6 as string, '9', '1');
    const count = await call(warehouse, 'POST', '/counts', { stockLocationId: bins.B6 });
    await call(warehouse, 'PUT', `/counts/${count.body.id}/entries`, {
      entries: [{ itemId: spring, stockLocationId: bins.B6, counted: '4' }],
    });
    await post([{ kind: 'issue', itemId: spring, fromLocationId: bins.B6, quantity: '6' }]);

    const submitted = await call(warehouse, 'POST', `/counts/${count.body.id}/submit`, {});
    const after = await call(warehouse, 'GET', `/counts/${count.body.id}`);

    expect(submitted.status).toBe(409);
    expect(submitted.body).toMatchObject({ code: 'count_stock_changed', lineId: count.body.lines[0].id });
    expect(submitted.body.detail).toContain('CNT-SPRING');
    expect(after.body.status).toBe('open');
    expect(await countMoves(count.body.id)).toEqual([]);
    expect(await onHand(spring, bins.B6 as string)).toBe('3.0000');
    await call(warehouse, 'POST', `/counts/${count.body.id}/cancel`, {});
  });

  it('keeps counts inside their tenant and checks their state', async () => {
    const globex = await platform.login('owner@globex.example');
    const count = await call(warehouse, 'POST', '/counts', {
      stockLocationId: bins.B6,
      includeSublocations: false,
    });
    const cancelled = await call(warehouse, 'POST', `/counts/${count.body.id}/cancel`, {});

    const fromGlobex = await platform.request('GET', `/v1/invantray/counts/${count.body.id}`, {
      headers: globex.headers('globex'),
    });
    const again = await call(warehouse, 'POST', `/counts/${count.body.id}/submit`, {});
    const list = await call(warehouse, 'GET', '/counts?status=cancelled&limit=100');

    expect(cancelled.body.status).toBe('cancelled');
    expect(await auditRecords(platform, 'invantray.count.cancelled', { targetId: count.body.id })).toEqual([
      expect.objectContaining({ details: { number: count.body.number, status: 'cancelled' } }),
    ]);
    expect(fromGlobex.status).toBe(404);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('count_status');
    expect(list.body.items.map((summary: { id: string }) => summary.id)).toContain(count.body.id);
  });
});
