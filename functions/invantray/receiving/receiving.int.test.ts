import { randomUUID } from 'node:crypto';
import { auditRecords } from '@halooid/local/testing/audit';
import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn, unique } from '../testing/arrange';

let platform: TestPlatform;
let admin: Session;
let buyer: Session;
let warehouseManager: Session;
let member: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, buyer, warehouseManager, member, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('buyer@acme.example'),
    platform.login('warehouse@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  given = arrangeIn(platform, tenantId);
});

afterAll(async () => {
  await platform?.stop();
});

// ---------------------------------------------------------------------------
// Arranging: suppliers, warehouses, items and orders straight in the tables
// (this suite tests receiving and invoices, not the routes that make those).

/** A warehouse with its receiving dock (where receipts land by default) and one bin. */
async function makeWarehouse() {
  const { id } = await given.warehouse();
  const receiving = await given.location(id, { code: 'RECEIVING', kind: 'receiving' });
  const bin = await given.location(id, { code: 'BIN-1' });
  await given.receivingDock(id, receiving);
  return { id, receiving, bin };
}

const makeItem = (options: { tracking?: 'none' | 'lot' | 'serial'; boxOf?: string } = {}) =>
  given.item(options);

/** The one supplier every order here is placed with. */
let supplierId: string | undefined;
async function supplier(): Promise<string> {
  supplierId ??= await given.supplier({ name: 'Receiving Supplies' });
  return supplierId;
}

type Warehouse = Awaited<ReturnType<typeof makeWarehouse>>;

interface OrderOptions {
  status?: string;
  currency?: string;
  exchangeRate?: string;
  createdBy?: string;
  warehouse?: Warehouse;
  lines: { itemId: string; quantity: string; unitPrice: string }[];
}

/** An order in the state a test needs (default: sent), with its lines; ids in line order. */
async function makeOrder(options: OrderOptions) {
  const id = randomUUID();
  const warehouse = options.warehouse ?? (await makeWarehouse());
  await platform.db.query(
    `insert into invantray.purchase_orders
       (tenant_id, id, number, supplier_id, warehouse_id, status, currency, exchange_rate, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      tenantId,
      id,
      unique('T'),
      await supplier(),
      warehouse.id,
      options.status ?? 'sent',
      options.currency ?? 'USD',
      options.exchangeRate ?? '1',
      options.createdBy ?? buyer.userId,
    ],
  );
  const lineIds: string[] = [];
  for (const [index, line] of options.lines.entries()) {
    const lineId = randomUUID();
    lineIds.push(lineId);
    await platform.db.query(
      `insert into invantray.purchase_order_lines (tenant_id, id, purchase_order_id, line_no, item_id, quantity, unit_price)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, lineId, id, index + 1, line.itemId, line.quantity, line.unitPrice],
    );
  }
  return { id, lineIds, warehouse };
}

const receive = (orderId: string, body: unknown, as: Session = warehouseManager, headers = {}) =>
  platform.request('POST', `/v1/invantray/purchase-orders/${orderId}/receipts`, {
    headers: { ...as.headers('acme'), ...headers },
    body,
  });

const invoice = (orderId: string, body: unknown, as: Session = buyer) =>
  platform.request('POST', `/v1/invantray/purchase-orders/${orderId}/invoices`, {
    headers: as.headers('acme'),
    body,
  });

async function orderRow(id: string) {
  const { rows } = await platform.db.query(
    `select status, match_status, received_at from invantray.purchase_orders where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return rows[0];
}

async function receivedOf(lineId: string | undefined): Promise<string> {
  const { rows } = await platform.db.query(
    'select received_quantity::text as received from invantray.purchase_order_lines where tenant_id = $1 and id = $2',
    [tenantId, lineId],
  );
  return rows[0]?.received;
}

async function averageCost(itemId: string): Promise<string> {
  const { rows } = await platform.db.query(
    'select average_cost::text as cost from invantray.items where tenant_id = $1 and id = $2',
    [tenantId, itemId],
  );
  return rows[0]?.cost;
}

async function onHand(itemId: string, locationId: string): Promise<string> {
  const { rows } = await platform.db.query(
    `select coalesce(sum(on_hand), 0)::text as on_hand from invantray.stock_balances
     where tenant_id = $1 and item_id = $2 and location_id = $3`,
    [tenantId, itemId, locationId],
  );
  return rows[0]?.on_hand;
}

// ---------------------------------------------------------------------------

describe('receiving against purchase orders', () => {
  it('ACCEPTANCE: a PO over 5,000 approved by someone else, sent, received 60 % then the rest, costed to the cent', async () => {
    const warehouse = await makeWarehouse();
    const item = await makeItem();
    // 20 on hand at 3.00 before this order (an earlier order, received).
    const earlier = await makeOrder({
      warehouse,
      lines: [{ itemId: item.id, quantity: '20', unitPrice: '3.00' }],
    });
    await receive(earlier.id, { lines: [{ purchaseOrderLineId: earlier.lineIds[0], quantity: '20' }] });
    const orders = '/v1/invantray/purchase-orders';
    const call = (as: Session, method: string, path: string, body?: unknown) =>
      platform.request(method, path, {
        headers: as.headers('acme'),
        ...(body === undefined ? {} : { body }),
      });

    // 1,000 × 5.40 = 5,400.00: over the 5,000 level, so it needs someone with the approve permission.
    const created = await call(buyer, 'POST', orders, {
      supplierId: await supplier(),
      warehouseId: warehouse.id,
      lines: [{ itemId: item.id, quantity: '1000', unitPrice: '5.40' }],
    });
    expect(created.status).toBe(201);
    const order = `${orders}/${created.body.id}`;
    const line = created.body.lines[0].id;
    expect((await call(buyer, 'POST', `${order}/submit`)).body.status).toBe('submitted');
    expect((await call(buyer, 'POST', `${order}/approve`)).status).toBe(403);
    expect((await call(warehouseManager, 'POST', `${order}/approve`)).status).toBe(403);
    expect((await call(admin, 'POST', `${order}/approve`)).body.status).toBe('approved');
    // Approved is not yet sent: the dock cannot receive it.
    const early = await receive(created.body.id, { lines: [{ purchaseOrderLineId: line, quantity: '1' }] });
    expect([early.status, early.body.code]).toEqual([409, 'invalid_transition']);
    expect((await call(buyer, 'POST', `${order}/send`)).body.status).toBe('sent');

    const sixty = await receive(created.body.id, { lines: [{ purchaseOrderLineId: line, quantity: '600' }] });
    expect(sixty.status).toBe(201);
    const partly = await call(viewer, 'GET', order);
    expect(partly.body).toMatchObject({ status: 'partially_received', lines: [{ receivedQuantity: '600' }] });
    // (20 × 3.00 + 600 × 5.40) / 620 = 3300 / 620 = 5.322581 (6 places)
    expect(await averageCost(item.id)).toBe('5.322581');

    const beyond = await receive(created.body.id, {
      lines: [{ purchaseOrderLineId: line, quantity: '451' }],
    });
    expect([beyond.status, beyond.body.code, beyond.body.maximum]).toEqual([422, 'over_receipt', '450']);
    const rest = await receive(created.body.id, { lines: [{ purchaseOrderLineId: line, quantity: '400' }] });
    expect(rest.status).toBe(201);
    const done = await call(viewer, 'GET', order);
    expect(done.body).toMatchObject({ status: 'received', lines: [{ receivedQuantity: '1000' }] });

    // (620 × 5.322581 + 400 × 5.40) / 1020 = 5460.00022 / 1020 = 5.352941; exactly 5460 / 1020 = 5.35 to the cent.
    expect(await averageCost(item.id)).toBe('5.352941');
    const { rows: moves } = await platform.db.query(
      `select kind, quantity::text, unit_cost::text from invantray.stock_moves
       where tenant_id = $1 and reference_type = 'purchase_order_line' and reference_id = $2 order by posted_at`,
      [tenantId, line],
    );
    expect(moves).toEqual([
      { kind: 'receipt', quantity: '600.0000', unit_cost: '5.400000' },
      { kind: 'receipt', quantity: '400.0000', unit_cost: '5.400000' },
    ]);
    expect(await onHand(item.id, warehouse.receiving)).toBe('1020.0000');
  });

  it('receives 60 %, then the rest: partially_received, then received, with receipt moves per line', async () => {
    const bolts = await makeItem();
    const nuts = await makeItem();
    const order = await makeOrder({
      lines: [
        { itemId: bolts.id, quantity: '100', unitPrice: '40.00' },
        { itemId: nuts.id, quantity: '50', unitPrice: '30.00' },
      ],
    });
    const [boltLine, nutLine] = order.lineIds as [string, string];

    const first = await receive(order.id, {
      lines: [
        { purchaseOrderLineId: boltLine, quantity: '60' },
        { purchaseOrderLineId: nutLine, quantity: '30' },
      ],
      note: 'First truck',
    });

    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/invantray/receipts/${first.body.id}`);
    expect(first.body).toMatchObject({
      number: expect.stringMatching(/^RCV-\d{5}$/),
      purchaseOrder: { id: order.id, status: 'partially_received' },
      note: 'First truck',
      receivedBy: warehouseManager.userId,
      lines: [
        {
          purchaseOrderLineId: boltLine,
          lineNo: 1,
          item: { id: bolts.id, sku: bolts.sku },
          quantity: '60',
          location: { id: order.warehouse.receiving, code: 'RECEIVING' },
          lot: null,
          unitCost: '40',
        },
        { purchaseOrderLineId: nutLine, lineNo: 2, quantity: '30', unitCost: '30' },
      ],
    });
    expect(await orderRow(order.id)).toMatchObject({ status: 'partially_received', received_at: null });

    const rest = await receive(order.id, {
      lines: [
        { purchaseOrderLineId: boltLine, quantity: '40' },
        { purchaseOrderLineId: nutLine, quantity: '20' },
      ],
    });

    expect(rest.status).toBe(201);
    expect(rest.body.purchaseOrder.status).toBe('received');
    expect(await orderRow(order.id)).toMatchObject({ status: 'received', received_at: expect.any(Date) });
    expect([await receivedOf(boltLine), await receivedOf(nutLine)]).toEqual(['100.0000', '50.0000']);
    const { rows: moves } = await platform.db.query(
      `select reference_id, kind, quantity::text, unit_cost::text, to_location_id from invantray.stock_moves
       where tenant_id = $1 and reference_type = 'purchase_order_line' and reference_id = any($2)
       order by posted_at, reference_id`,
      [tenantId, [boltLine, nutLine]],
    );
    expect(moves).toHaveLength(4);
    expect(
      moves.every((move) => move.kind === 'receipt' && move.to_location_id === order.warehouse.receiving),
    ).toBe(true);
    expect(await onHand(bolts.id, order.warehouse.receiving)).toBe('100.0000');
    const { rows: receiptLines } = await platform.db.query(
      `select rl.move_id from invantray.receipt_lines rl
       join invantray.stock_moves m on m.tenant_id = rl.tenant_id and m.id = rl.move_id
       where rl.tenant_id = $1 and rl.receipt_id = any($2)`,
      [tenantId, [first.body.id, rest.body.id]],
    );
    expect(receiptLines).toHaveLength(4);
    const { rows: events } = await platform.db.query(
      `select envelope->'data' as data from platform.outbox
       where envelope->>'type' = 'purchase-order.received' and envelope->'data'->'purchaseOrder'->>'id' = $1
       order by created_at`,
      [order.id],
    );
    expect(events.map((event) => event.data.purchaseOrder.status)).toEqual([
      'partially_received',
      'received',
    ]);
    expect(events[0]?.data).toMatchObject({
      receiptId: first.body.id,
      receivedBy: warehouseManager.userId,
      lines: [
        { purchaseOrderLineId: boltLine, itemId: bolts.id, quantity: '60' },
        { purchaseOrderLineId: nutLine, itemId: nuts.id, quantity: '30' },
      ],
    });
    expect(await auditRecords(platform, 'invantray.receipt.created', { targetId: first.body.id })).toEqual([
      expect.objectContaining({
        actorId: warehouseManager.userId,
        targetType: 'invantray.receipt',
        details: { number: first.body.number, purchaseOrderId: order.id, lines: 2, moves: 2 },
      }),
    ]);
  });

  it('moves the average cost to the cent: 20 @ 3.00 on hand, then 10 @ 4.00, then 30 @ 5.00', async () => {
    const item = await makeItem();
    const warehouse = await makeWarehouse();
    const atPrice = async (quantity: string, unitPrice: string) => {
      const order = await makeOrder({ warehouse, lines: [{ itemId: item.id, quantity, unitPrice }] });
      const response = await receive(order.id, {
        lines: [{ purchaseOrderLineId: order.lineIds[0], quantity }],
      });
      expect(response.status).toBe(201);
    };

    await atPrice('20', '3.00');
    await atPrice('10', '4.00');
    // (20 × 3.00 + 10 × 4.00) / 30 = 100 / 30 = 3.333333 (6 places)
    expect(await averageCost(item.id)).toBe('3.333333');
    await atPrice('30', '5.00');

    // (30 × 3.333333 + 30 × 5.00) / 60 = 249.99999 / 60 = 4.1666665 → 4.166667; 250 / 60 = 4.17 to the cent.
    expect(await averageCost(item.id)).toBe('4.166667');
    expect(Number(await averageCost(item.id)).toFixed(2)).toBe('4.17');
    const { rows: history } = await platform.db.query(
      'select average_cost::text as cost from invantray.item_costs where tenant_id = $1 and item_id = $2 order by effective_at',
      [tenantId, item.id],
    );
    expect(history.map((row) => row.cost)).toEqual(['3.000000', '3.333333', '4.166667']);
  });

  it('costs a foreign-currency order at price × exchange rate in the base currency', async () => {
    const item = await makeItem();
    const order = await makeOrder({
      currency: 'EUR',
      exchangeRate: '1.08765432',
      lines: [{ itemId: item.id, quantity: '5', unitPrice: '4.123457' }],
    });

    const response = await receive(order.id, {
      lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '5' }],
    });

    // 4.123457 × 1.08765432 = 4.48489581938424 → 4.484896
    expect(response.status).toBe(201);
    expect(response.body.lines[0].unitCost).toBe('4.484896');
    expect(await averageCost(item.id)).toBe('4.484896');
  });

  it('allows the over-receipt tolerance exactly and refuses beyond it, naming the line and the maximum', async () => {
    const item = await makeItem();
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '40', unitPrice: '2.00' }] });
    const line = order.lineIds[0];

    const beyond = await receive(order.id, { lines: [{ purchaseOrderLineId: line, quantity: '42.0001' }] });
    const atTolerance = await receive(order.id, { lines: [{ purchaseOrderLineId: line, quantity: '42' }] });
    const more = await receive(order.id, { lines: [{ purchaseOrderLineId: line, quantity: '0.0001' }] });

    expect(beyond.status).toBe(422);
    expect(beyond.body).toMatchObject({ code: 'over_receipt', purchaseOrderLineId: line, maximum: '42' });
    expect(beyond.body.errors).toEqual([
      {
        field: 'body.lines.0.quantity',
        code: 'over_receipt',
        message: expect.stringContaining('at most 42'),
      },
    ]);
    expect(atTolerance.status).toBe(201);
    expect(atTolerance.body.purchaseOrder.status).toBe('received');
    // Fully received: the order is no longer open to receipts at all.
    expect(more.status).toBe(409);
    expect(more.body.code).toBe('invalid_transition');
    expect(await receivedOf(line)).toBe('42.0000');
  });

  it('adds up two lines for one order line before holding them to the tolerance', async () => {
    const item = await makeItem({ tracking: 'lot' });
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '10', unitPrice: '1' }] });
    const line = order.lineIds[0];

    const response = await receive(order.id, {
      lines: [
        { purchaseOrderLineId: line, quantity: '6', lotNumber: 'A' },
        { purchaseOrderLineId: line, quantity: '5', lotNumber: 'B' },
      ],
    });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'over_receipt', maximum: '10.5' });
    expect(await receivedOf(line)).toBe('0.0000');
  });

  it('lets one of two concurrent receipts of the remaining quantity through; the other gets 422', async () => {
    const item = await makeItem();
    // A second, open line keeps the order partially received after the winner, so the loser meets the tolerance.
    const order = await makeOrder({
      lines: [
        { itemId: item.id, quantity: '40', unitPrice: '1.00' },
        { itemId: item.id, quantity: '1', unitPrice: '1.00' },
      ],
    });
    const line = order.lineIds[0];
    expect((await receive(order.id, { lines: [{ purchaseOrderLineId: line, quantity: '24' }] })).status).toBe(
      201,
    );

    const both = await Promise.all([
      receive(order.id, { lines: [{ purchaseOrderLineId: line, quantity: '16' }] }),
      receive(order.id, { lines: [{ purchaseOrderLineId: line, quantity: '16' }] }, admin),
    ]);

    expect(both.map((response) => response.status).sort()).toEqual([201, 422]);
    expect(both.find((response) => response.status === 422)?.body).toMatchObject({
      code: 'over_receipt',
      maximum: '2',
    });
    expect(await receivedOf(line)).toBe('40.0000');
    expect(await orderRow(order.id)).toMatchObject({ status: 'partially_received' });
    const { rows } = await platform.db.query(
      `select coalesce(sum(quantity), 0)::text as total from invantray.stock_moves
       where tenant_id = $1 and reference_type = 'purchase_order_line' and reference_id = $2`,
      [tenantId, line],
    );
    expect(rows[0]?.total).toBe('40.0000');
  });

  it('receives only sent or partially received orders: 409 invalid_transition otherwise', async () => {
    const item = await makeItem();
    const statuses = ['draft', 'submitted', 'approved', 'cancelled', 'closed'];

    const answers = await Promise.all(
      statuses.map(async (status) => {
        const order = await makeOrder({
          status,
          lines: [{ itemId: item.id, quantity: '1', unitPrice: '1' }],
        });
        return receive(order.id, { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '1' }] });
      }),
    );

    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(
      statuses.map(() => [409, 'invalid_transition']),
    );
  });

  it('converts another unit to the base unit and puts goods where the receiver says, in the order’s warehouse', async () => {
    const item = await makeItem({ boxOf: '12' });
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '48', unitPrice: '0.50' }] });
    const elsewhere = await makeWarehouse();

    const intoBin = await receive(order.id, {
      lines: [
        {
          purchaseOrderLineId: order.lineIds[0],
          quantity: '2',
          unit: 'box',
          toStockLocationId: order.warehouse.bin,
        },
      ],
    });
    const otherWarehouse = await receive(order.id, {
      lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '1', toStockLocationId: elsewhere.bin }],
    });
    const unknownUnit = await receive(order.id, {
      lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '1', unit: 'pallet' }],
    });

    expect(intoBin.status).toBe(201);
    expect(intoBin.body.lines[0]).toMatchObject({ quantity: '24', location: { id: order.warehouse.bin } });
    expect(await onHand(item.id, order.warehouse.bin)).toBe('24.0000');
    expect(otherWarehouse.status).toBe(422);
    expect(otherWarehouse.body.errors[0]).toMatchObject({
      field: 'body.lines.0.toStockLocationId',
      code: 'location_not_in_warehouse',
    });
    expect(unknownUnit.status).toBe(422);
    expect(unknownUnit.body.code).toBe('unknown_unit');
  });

  it('captures lots with their expiry and one serial number per unit', async () => {
    const lotted = await makeItem({ tracking: 'lot' });
    const serial = await makeItem({ tracking: 'serial' });
    const order = await makeOrder({
      lines: [
        { itemId: lotted.id, quantity: '10', unitPrice: '1' },
        { itemId: serial.id, quantity: '3', unitPrice: '100' },
      ],
    });
    const [lotLine, serialLine] = order.lineIds as [string, string];

    const missing = await receive(order.id, {
      lines: [
        { purchaseOrderLineId: lotLine, quantity: '10' },
        { purchaseOrderLineId: serialLine, quantity: '2', serialNumbers: ['SN-1'] },
      ],
    });
    const received = await receive(order.id, {
      lines: [
        { purchaseOrderLineId: lotLine, quantity: '10', lotNumber: 'LOT-7', expiresOn: '2027-06-30' },
        { purchaseOrderLineId: serialLine, quantity: '2', serialNumbers: ['SN-1', 'SN-2'] },
      ],
    });
    const again = await receive(order.id, {
      lines: [{ purchaseOrderLineId: serialLine, quantity: '1', serialNumbers: ['SN-2'] }],
    });

    expect(missing.status).toBe(422);
    expect(
      missing.body.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
    ).toEqual([
      ['body.lines.0.lotNumber', 'lot_required'],
      ['body.lines.1.serialNumbers', 'serial_count'],
    ]);
    expect(received.status).toBe(201);
    expect(
      received.body.lines.map((line: { quantity: string; lot: { number: string } }) => [
        line.quantity,
        line.lot,
      ]),
    ).toEqual([
      ['10', { id: expect.any(String), kind: 'lot', number: 'LOT-7', expiresOn: '2027-06-30' }],
      ['1', { id: expect.any(String), kind: 'serial', number: 'SN-1', expiresOn: null }],
      ['1', { id: expect.any(String), kind: 'serial', number: 'SN-2', expiresOn: null }],
    ]);
    expect(await receivedOf(serialLine)).toBe('2.0000');
    // A serial number already in stock cannot arrive a second time.
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('serial_in_stock');
    expect(await receivedOf(serialLine)).toBe('2.0000');
  });

  it('refuses lines of another order, and answers another tenant’s order with 404', async () => {
    const item = await makeItem();
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '5', unitPrice: '1' }] });
    const other = await makeOrder({ lines: [{ itemId: item.id, quantity: '5', unitPrice: '1' }] });

    const wrongLine = await receive(order.id, {
      lines: [{ purchaseOrderLineId: other.lineIds[0], quantity: '1' }],
    });
    const foreign = await platform.request('POST', `/v1/invantray/purchase-orders/${order.id}/receipts`, {
      headers: globexOwner.headers('globex'),
      body: { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '1' }] },
    });
    const foreignList = await platform.request('GET', `/v1/invantray/purchase-orders/${order.id}/receipts`, {
      headers: globexOwner.headers('globex'),
    });

    expect(wrongLine.status).toBe(422);
    expect(wrongLine.body.errors[0]).toMatchObject({
      field: 'body.lines.0.purchaseOrderLineId',
      code: 'line_not_on_order',
    });
    expect(foreign.status).toBe(404);
    expect(foreignList.status).toBe(404);
  });

  it('needs the receive permission: a Member gets 403, a viewer reads receipts but cannot receive', async () => {
    const item = await makeItem();
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '5', unitPrice: '1' }] });
    const body = { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '1' }] };

    const byMember = await receive(order.id, body, member);
    const byViewer = await receive(order.id, body, viewer);
    const received = await receive(order.id, body);
    const list = await platform.request('GET', `/v1/invantray/purchase-orders/${order.id}/receipts`, {
      headers: viewer.headers('acme'),
    });
    const one = await platform.request('GET', `/v1/invantray/receipts/${received.body.id}`, {
      headers: viewer.headers('acme'),
    });
    const foreign = await platform.request('GET', `/v1/invantray/receipts/${received.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect([byMember.status, byViewer.status]).toEqual([403, 403]);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [received.body], nextCursor: null });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(received.body);
    expect(foreign.status).toBe(404);
  });

  it('pages an order’s receipts newest first', async () => {
    const item = await makeItem();
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '5', unitPrice: '1' }] });
    const ids: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      ids.push(
        (await receive(order.id, { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '1' }] })).body
          .id,
      );
    }
    const path = `/v1/invantray/purchase-orders/${order.id}/receipts?limit=2`;

    const first = await platform.request('GET', path, { headers: buyer.headers('acme') });
    const second = await platform.request('GET', `${path}&cursor=${first.body.nextCursor}`, {
      headers: buyer.headers('acme'),
    });

    expect(first.body.items.map((receipt: { id: string }) => receipt.id)).toEqual([ids[2], ids[1]]);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it('answers a retried receipt with the same Idempotency-Key once, without receiving twice', async () => {
    const item = await makeItem();
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '10', unitPrice: '1' }] });
    const body = { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '4' }] };
    const key = { 'Idempotency-Key': randomUUID() };

    const first = await receive(order.id, body, warehouseManager, key);
    const retry = await receive(order.id, body, warehouseManager, key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(await receivedOf(order.lineIds[0])).toBe('4.0000');
  });

  it('tells the order’s creator and the requisitions’ requesters, never the receiver', async () => {
    const item = await makeItem();
    const order = await makeOrder({
      createdBy: buyer.userId,
      lines: [{ itemId: item.id, quantity: '3', unitPrice: '1' }],
    });
    // Two requisitions asked for the line, the Member's and the Admin's; the Admin receives it.
    for (const requester of [member, admin]) {
      const requisitionId = randomUUID();
      await platform.db.query(
        `insert into invantray.requisitions (tenant_id, id, number, status, requested_by)
         values ($1, $2, $3, 'ordered', $4)`,
        [tenantId, requisitionId, unique('REQ'), requester.userId],
      );
      await platform.db.query(
        `insert into invantray.requisition_lines
           (tenant_id, id, requisition_id, line_no, item_id, quantity, purchase_order_line_id)
         values ($1, $2, $3, 1, $4, 3, $5)`,
        [tenantId, randomUUID(), requisitionId, item.id, order.lineIds[0]],
      );
    }

    const received = await receive(
      order.id,
      { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '3' }] },
      admin,
    );
    expect(received.status).toBe(201);
    const { rows: events } = await platform.db.query(
      `select envelope->'data'->'requesterIds' as requesters from platform.outbox
       where envelope->>'type' = 'purchase-order.received' and envelope->'data'->>'receiptId' = $1`,
      [received.body.id],
    );
    expect([...(events[0]?.requesters ?? [])].sort()).toEqual([member.userId, admin.userId].sort());

    const notice = async () => {
      const response = await platform.request('GET', '/v1/notifications', {
        headers: member.headers('acme'),
      });
      const found = response.body.items?.find(
        (item: { type: string; resource: { id: string } | null }) =>
          item.type === 'invantray.purchase-order.received' && item.resource?.id === order.id,
      );
      return { status: found ? 200 : 404, found };
    };
    expect(await statusWithin(10_000, notice, 200)).toBe(200);
    expect((await notice()).found).toMatchObject({
      title: expect.stringContaining('Received in full'),
      actorId: admin.userId,
      resource: { type: 'invantray.purchase-order', id: order.id },
    });
    const { rows } = await platform.db.query(
      'select user_id from platform.notifications where resource_id = $1 order by user_id',
      [order.id],
    );
    expect(rows.map((row) => row.user_id).sort()).toEqual([buyer.userId, member.userId].sort());
  });
});

describe('supplier invoices and the three-way match', () => {
  async function receivedOrder() {
    const item = await makeItem();
    const order = await makeOrder({
      lines: [
        { itemId: item.id, quantity: '10', unitPrice: '5.00' },
        { itemId: item.id, quantity: '4', unitPrice: '2.50' },
      ],
    });
    const response = await receive(order.id, {
      lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '10' }],
    });
    expect(response.status).toBe(201);
    return order;
  }

  const invoiceBody = (
    lines: { purchaseOrderLineId: string | undefined; quantity: string; unitPrice: string }[],
  ) => ({
    invoiceNumber: unique('INV'),
    invoiceDate: '2026-12-01',
    currency: 'USD',
    lines,
  });

  it('matches an invoice within tolerances and keeps the match on the invoice and the order', async () => {
    const order = await receivedOrder();

    const response = await invoice(
      order.id,
      invoiceBody([{ purchaseOrderLineId: order.lineIds[0], quantity: '10', unitPrice: '5.10' }]),
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      purchaseOrderId: order.id,
      currency: 'USD',
      total: '51.00',
      matchStatus: 'matched',
      purchaseOrderMatchStatus: 'matched',
      recordedBy: buyer.userId,
      lines: [
        {
          purchaseOrderLineId: order.lineIds[0],
          lineNo: 1,
          quantity: '10',
          ordered: '10',
          received: '10',
          invoiced: '10',
          orderedPrice: '5',
          invoicedPrice: '5.1',
          status: 'matched',
        },
      ],
    });
    expect(await orderRow(order.id)).toMatchObject({ match_status: 'matched' });
    const { rows } = await platform.db.query(
      `select envelope->'data'->>'matchStatus' as status from platform.outbox
       where envelope->>'type' = 'purchase-order.invoice_matched' and envelope->'data'->>'invoiceId' = $1`,
      [response.body.id],
    );
    expect(rows).toEqual([{ status: 'matched' }]);
    expect(
      await auditRecords(platform, 'invantray.supplier_invoice.recorded', { targetId: response.body.id }),
    ).toEqual([
      expect.objectContaining({
        actorId: buyer.userId,
        details: {
          invoiceNumber: response.body.invoiceNumber,
          purchaseOrderId: order.id,
          total: '51.00',
          currency: 'USD',
          matchStatus: 'matched',
        },
      }),
    ]);
  });

  it('flags a price beyond tolerance, a quantity beyond what was received, and both', async () => {
    const priced = await receivedOrder();
    const counted = await receivedOrder();
    const both = await receivedOrder();

    const price = await invoice(
      priced.id,
      invoiceBody([{ purchaseOrderLineId: priced.lineIds[0], quantity: '10', unitPrice: '5.11' }]),
    );
    const quantity = await invoice(
      counted.id,
      invoiceBody([
        { purchaseOrderLineId: counted.lineIds[0], quantity: '10', unitPrice: '5.00' },
        { purchaseOrderLineId: counted.lineIds[1], quantity: '4', unitPrice: '2.50' },
      ]),
    );
    const mixed = await invoice(
      both.id,
      invoiceBody([
        { purchaseOrderLineId: both.lineIds[0], quantity: '10', unitPrice: '4.00' },
        { purchaseOrderLineId: both.lineIds[1], quantity: '1', unitPrice: '2.50' },
      ]),
    );

    expect([price.body.matchStatus, quantity.body.matchStatus, mixed.body.matchStatus]).toEqual([
      'price_mismatch',
      'quantity_mismatch',
      'mismatch',
    ]);
    expect(quantity.body.lines.map((line: { status: string }) => line.status)).toEqual([
      'matched',
      'quantity_mismatch',
    ]);
    expect(await orderRow(counted.id)).toMatchObject({ match_status: 'quantity_mismatch' });
  });

  it('counts every invoice of a line, and matches the order again when the goods arrive', async () => {
    const order = await receivedOrder();
    const first = await invoice(
      order.id,
      invoiceBody([{ purchaseOrderLineId: order.lineIds[0], quantity: '6', unitPrice: '5.00' }]),
    );
    const second = await invoice(
      order.id,
      invoiceBody([
        { purchaseOrderLineId: order.lineIds[0], quantity: '5', unitPrice: '5.00' },
        { purchaseOrderLineId: order.lineIds[1], quantity: '4', unitPrice: '2.50' },
      ]),
    );

    expect(first.body.matchStatus).toBe('matched');
    // 6 + 5 = 11 invoiced against 10 received; the second line was not received yet.
    expect(
      second.body.lines.map((line: { invoiced: string; status: string }) => [line.invoiced, line.status]),
    ).toEqual([
      ['11', 'quantity_mismatch'],
      ['4', 'quantity_mismatch'],
    ]);
    expect(await orderRow(order.id)).toMatchObject({ match_status: 'quantity_mismatch' });

    const arrived = await receive(order.id, {
      lines: [{ purchaseOrderLineId: order.lineIds[1], quantity: '4' }],
    });
    expect(arrived.status).toBe(201);
    // Line 2 now matches; line 1 is still invoiced beyond its receipt (11 > 10).
    expect(await orderRow(order.id)).toMatchObject({ match_status: 'quantity_mismatch' });

    const list = await platform.request('GET', `/v1/invantray/purchase-orders/${order.id}/invoices`, {
      headers: viewer.headers('acme'),
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id, first.body.id]);
    // Each invoice keeps its match as recorded.
    expect(list.body.items[0]).toMatchObject({ matchStatus: 'quantity_mismatch' });
  });

  it('matches an invoice that came before the goods once they arrive', async () => {
    const item = await makeItem();
    const order = await makeOrder({ lines: [{ itemId: item.id, quantity: '8', unitPrice: '3.00' }] });

    const early = await invoice(
      order.id,
      invoiceBody([{ purchaseOrderLineId: order.lineIds[0], quantity: '8', unitPrice: '3.00' }]),
    );
    expect(early.body.matchStatus).toBe('quantity_mismatch');
    await receive(order.id, { lines: [{ purchaseOrderLineId: order.lineIds[0], quantity: '8' }] });

    expect(await orderRow(order.id)).toMatchObject({ match_status: 'matched' });
  });

  it('refuses another currency, a repeated invoice number, an unsent order and callers who cannot order', async () => {
    const order = await receivedOrder();
    const draft = await makeOrder({
      status: 'approved',
      lines: [{ itemId: (await makeItem()).id, quantity: '1', unitPrice: '1' }],
    });
    const body = invoiceBody([{ purchaseOrderLineId: order.lineIds[0], quantity: '10', unitPrice: '5.00' }]);

    const euros = await invoice(order.id, { ...body, currency: 'EUR' });
    const recorded = await invoice(order.id, body);
    const repeated = await invoice(order.id, body);
    const unsent = await invoice(
      draft.id,
      invoiceBody([{ purchaseOrderLineId: draft.lineIds[0], quantity: '1', unitPrice: '1' }]),
    );
    const byWarehouse = await invoice(order.id, { ...body, invoiceNumber: unique('INV') }, warehouseManager);
    const twice = await invoice(order.id, {
      ...body,
      invoiceNumber: unique('INV'),
      lines: [body.lines[0], body.lines[0]],
    });

    expect(euros.status).toBe(422);
    expect(euros.body.code).toBe('currency_mismatch');
    expect(recorded.status).toBe(201);
    expect(repeated.status).toBe(409);
    expect(repeated.body).toMatchObject({ code: 'duplicate_invoice', existingId: recorded.body.id });
    expect(unsent.status).toBe(409);
    expect(unsent.body.code).toBe('invalid_status');
    expect(byWarehouse.status).toBe(403);
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].field).toBe('body.lines.1.purchaseOrderLineId');
  });
});
