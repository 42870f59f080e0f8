import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn, unique } from '../testing/arrange';

let platform: TestPlatform;
let employee: Session;
let buyer: Session;
let admin: Session;
let globexOwner: Session;
let tenantId: string;
let warehouseId: string;
let given: Arrange;

const BASE = '/v1/invantray/requisitions';

beforeAll(async () => {
  platform = await startTestPlatform();
  [employee, buyer, admin, globexOwner] = await Promise.all([
    platform.login('employee@acme.example'),
    platform.login('buyer@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = buyer.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  given = arrangeIn(platform, tenantId);
  warehouseId = (await given.warehouse({ name: 'Main warehouse' })).id;
});

afterAll(async () => {
  await platform?.stop();
});

/** An item straight in its table: this suite tests requisitions, not the items routes. */
const makeItem = (options: { averageCost?: string; defaultSupplierId?: string; boxOf?: string } = {}) =>
  given.item(options);

async function makeSupplier(currency = 'USD'): Promise<string> {
  const response = await platform.request('POST', '/v1/invantray/suppliers', {
    headers: buyer.headers('acme'),
    body: { code: unique('SUP'), name: `Supplier ${currency}`, currency },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

async function addPrice(supplierId: string, itemId: string, minQuantity: string, unitPrice: string) {
  const response = await platform.request('POST', `/v1/invantray/suppliers/${supplierId}/prices`, {
    headers: buyer.headers('acme'),
    body: { itemId, minQuantity, unitPrice, effectiveFrom: '2020-01-01' },
  });
  expect(response.status, response.text).toBe(201);
}

const post = (as: Session, path: string, body?: unknown) =>
  platform.request('POST', path, { headers: as.headers('acme'), ...(body === undefined ? {} : { body }) });
const get = (as: Session, path: string, tenant = 'acme') =>
  platform.request('GET', path, { headers: as.headers(tenant) });

/** A requisition asked, and submitted unless `submit` is false. */
async function requisition(
  as: Session,
  lines: Record<string, unknown>[],
  options: { submit?: boolean } = {},
) {
  const created = await post(as, BASE, { warehouseId, lines });
  expect(created.status, created.text).toBe(201);
  if (options.submit === false) return created.body;
  const submitted = await post(as, `${BASE}/${created.body.id}/submit`);
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body;
}

/** Polls the inbox until the notification about `id` arrives (the relay runs every 200 ms in tests). */
async function notificationAbout(as: Session, id: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await get(as, '/v1/notifications?limit=100');
    const found = (
      response.body.items as { type: string; title: string; body?: string; resource?: { id: string } }[]
    ).find((item) => item.type === 'invantray.requisition.decided' && item.resource?.id === id);
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function eventsAbout(id: string) {
  const { rows } = await platform.db.query<{ type: string; data: Record<string, unknown> }>(
    `select type, envelope->'data' as data from platform.outbox
     where envelope->>'source' = 'halooid.invantray' and envelope->'data'->>'requisitionId' = $1
     order by created_at, id`,
    [id],
  );
  return rows;
}

describe('requisitions: asking', () => {
  it('lets an employee ask in boxes, change the draft from its version, and submit it', async () => {
    const supplier = await makeSupplier();
    const screws = await makeItem({ boxOf: '12' });
    const glue = await makeItem();

    const created = await post(employee, BASE, {
      neededBy: '2027-01-31',
      note: 'For the new line',
      lines: [{ itemId: screws.id, quantity: '2', unit: 'box', supplierId: supplier, note: 'Torx' }],
    });
    const changed = await platform.request('PATCH', `${BASE}/${created.body.id}`, {
      headers: employee.headers('acme'),
      body: {
        version: 1,
        warehouseId,
        lines: [
          { itemId: screws.id, quantity: '3', unit: 'BOX' },
          { itemId: glue.id, quantity: '1.5' },
        ],
      },
    });
    const stale = await platform.request('PATCH', `${BASE}/${created.body.id}`, {
      headers: employee.headers('acme'),
      body: { version: 1, note: 'late' },
    });
    const submitted = await post(employee, `${BASE}/${created.body.id}/submit`);
    const again = await post(employee, `${BASE}/${created.body.id}/submit`);

    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      number: expect.stringMatching(/^REQ-\d{5}$/),
      status: 'draft',
      requestedBy: employee.userId,
      neededBy: '2027-01-31',
      actions: ['edit', 'submit', 'cancel'],
      lines: [
        { lineNo: 1, sku: screws.sku, unit: 'each', quantity: '24', supplierId: supplier, note: 'Torx' },
      ],
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.version).toBe(2);
    expect(changed.body.warehouseId).toBe(warehouseId);
    expect(changed.body.lines.map((line: { quantity: string }) => line.quantity)).toEqual(['36', '1.5']);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(submitted.body).toMatchObject({ status: 'submitted', actions: ['cancel'] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'invalid_transition',
      currentStatus: 'submitted',
      action: 'submit',
    });
    expect(await eventsAbout(created.body.id)).toEqual([
      {
        type: 'requisition.submitted',
        data: { requisitionId: created.body.id, number: created.body.number, requestedBy: employee.userId },
      },
    ]);
  });

  it('names every bad line in one 422, and refuses an empty or an oversized list with a 400', async () => {
    const item = await makeItem();

    const bad = await post(employee, BASE, {
      lines: [
        { itemId: item.id, quantity: '1', unit: 'pallet' },
        { itemId: randomUUID(), quantity: '1' },
        { itemId: item.id, quantity: '1', supplierId: randomUUID() },
      ],
    });
    const empty = await post(employee, BASE, { lines: [] });
    const tooMany = await post(employee, BASE, {
      lines: Array.from({ length: 101 }, () => ({ itemId: item.id, quantity: '1' })),
    });
    const noWarehouse = await post(employee, BASE, {
      warehouseId: randomUUID(),
      lines: [{ itemId: item.id, quantity: '1' }],
    });

    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid_lines');
    expect(
      bad.body.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
    ).toEqual([
      ['body.lines.0.unit', 'unknown_unit'],
      ['body.lines.1.itemId', 'item_not_found'],
      ['body.lines.2.supplierId', 'supplier_not_found'],
    ]);
    expect(empty.status).toBe(400);
    expect(tooMany.status).toBe(400);
    expect(noWarehouse.status).toBe(422);
    expect(noWarehouse.body.code).toBe('warehouse_not_found');
  });

  it('shows a requester only their own, in the list and by id, and a buyer everyone’s', async () => {
    const item = await makeItem();
    const mine = await requisition(employee, [{ itemId: item.id, quantity: '1' }], { submit: false });
    const theirs = await requisition(buyer, [{ itemId: item.id, quantity: '1' }], { submit: false });

    const employeeList = await get(employee, `${BASE}?limit=100`);
    const employeeReadsTheirs = await get(employee, `${BASE}/${theirs.id}`);
    const employeeChangesTheirs = await platform.request('PATCH', `${BASE}/${theirs.id}`, {
      headers: employee.headers('acme'),
      body: { version: 1, note: 'mine now' },
    });
    const buyerList = await get(buyer, `${BASE}?limit=100`);
    const buyerMine = await get(buyer, `${BASE}?mine=true&limit=100`);
    const buyerChangesMine = await platform.request('PATCH', `${BASE}/${mine.id}`, {
      headers: buyer.headers('acme'),
      body: { version: 1, note: 'not yours' },
    });
    const drafts = await get(buyer, `${BASE}?status=draft,submitted&q=${mine.number}`);
    const fromGlobex = await get(globexOwner, `${BASE}/${mine.id}`, 'globex');

    const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((row) => row.id);
    expect(employeeList.status).toBe(200);
    expect(ids(employeeList)).toContain(mine.id);
    expect(ids(employeeList)).not.toContain(theirs.id);
    expect(
      employeeList.body.items.every((row: { requestedBy: string }) => row.requestedBy === employee.userId),
    ).toBe(true);
    expect(employeeReadsTheirs.status).toBe(404);
    expect(employeeChangesTheirs.status).toBe(404);
    expect(ids(buyerList)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(ids(buyerMine)).toContain(theirs.id);
    expect(ids(buyerMine)).not.toContain(mine.id);
    expect(buyerChangesMine.status).toBe(403);
    expect(ids(drafts)).toEqual([mine.id]);
    expect(drafts.body.items[0]).toMatchObject({ lineCount: 1, status: 'draft' });
    expect(fromGlobex.status).toBe(404);
  });
});

describe('requisitions: deciding', () => {
  it('lets a buyer approve (the requester hears of it), never an employee nor the buyer on their own', async () => {
    const item = await makeItem();
    const asked = await requisition(employee, [{ itemId: item.id, quantity: '5' }]);
    const own = await requisition(buyer, [{ itemId: item.id, quantity: '5' }]);

    const byEmployee = await post(employee, `${BASE}/${asked.id}/approve`);
    const ownByBuyer = await post(buyer, `${BASE}/${own.id}/approve`);
    const approved = await post(buyer, `${BASE}/${asked.id}/approve`, { note: 'Go ahead' });
    const twice = await post(buyer, `${BASE}/${asked.id}/approve`);

    expect(byEmployee.status).toBe(403);
    expect(ownByBuyer.status).toBe(403);
    expect(ownByBuyer.body.detail).toMatch(/another buyer/);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: buyer.userId,
      decisionNote: 'Go ahead',
      actions: ['order'],
    });
    expect(twice.status).toBe(409);
    const notice = await notificationAbout(employee, asked.id);
    expect(notice).toMatchObject({ title: `Requisition ${asked.number} approved`, body: 'Go ahead' });
    expect((await eventsAbout(asked.id)).map((event) => event.type)).toEqual([
      'requisition.submitted',
      'requisition.decided',
    ]);
  });

  it('lets a buyer reject with a reason the requester reads, and the requester cancel before ordering', async () => {
    const item = await makeItem();
    const asked = await requisition(employee, [{ itemId: item.id, quantity: '1' }]);
    const withdrawn = await requisition(employee, [{ itemId: item.id, quantity: '1' }]);

    const noReason = await post(buyer, `${BASE}/${asked.id}/reject`, { reason: '  ' });
    const rejected = await post(buyer, `${BASE}/${asked.id}/reject`, { reason: 'We have plenty in stock' });
    const cancelRejected = await post(employee, `${BASE}/${asked.id}/cancel`);
    const cancelledByBuyer = await post(buyer, `${BASE}/${withdrawn.id}/cancel`);
    const cancelled = await post(employee, `${BASE}/${withdrawn.id}/cancel`);

    expect(noReason.status).toBe(400);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionNote: 'We have plenty in stock',
      actions: [],
    });
    expect(cancelRejected.status).toBe(409);
    expect(cancelledByBuyer.status).toBe(403);
    expect(cancelled.body.status).toBe('cancelled');
    const notice = await notificationAbout(employee, asked.id);
    expect(notice).toMatchObject({
      title: `Requisition ${asked.number} rejected`,
      body: 'We have plenty in stock',
    });
  });
});

describe('requisitions: ordering', () => {
  it('turns approved lines into draft orders grouped by supplier, priced by quote or average cost', async () => {
    const bolts = await makeSupplier();
    const general = await makeSupplier();
    const screws = await makeItem({ boxOf: '6', averageCost: '11' });
    const washers = await makeItem({ averageCost: '0.5' });
    const tape = await makeItem({ averageCost: '2.5', defaultSupplierId: general });
    await addPrice(bolts, screws.id, '1', '10');
    await addPrice(bolts, screws.id, '10', '9');
    await addPrice(bolts, washers.id, '1', '3.255');
    const asked = await requisition(employee, [
      { itemId: screws.id, quantity: '2', unit: 'box', supplierId: bolts }, // 12 at the 10+ break: 9.00
      { itemId: tape.id, quantity: '4' }, // the default supplier, no quote: average cost 2.50
      { itemId: washers.id, quantity: '3', supplierId: bolts }, // 3 × 3.255 = 9.765 → 9.77
    ]);
    await post(buyer, `${BASE}/${asked.id}/approve`);

    const ordered = await post(admin, `${BASE}/${asked.id}/order`, {});
    const again = await post(admin, `${BASE}/${asked.id}/order`, {});
    const cancelOrdered = await post(employee, `${BASE}/${asked.id}/cancel`);

    expect(ordered.status, ordered.text).toBe(200);
    expect(ordered.body.purchaseOrderIds).toHaveLength(2);
    const { rows: orders } = await platform.db.query(
      `select id, supplier_id, warehouse_id, status, source, currency, total::text, created_by
       from invantray.purchase_orders where id = any($1::uuid[]) order by number`,
      [ordered.body.purchaseOrderIds],
    );
    expect(orders).toEqual([
      expect.objectContaining({
        supplier_id: bolts,
        total: '117.77',
        status: 'draft',
        source: 'requisition',
      }),
      expect.objectContaining({
        supplier_id: general,
        total: '10.00',
        status: 'draft',
        source: 'requisition',
      }),
    ]);
    expect(
      orders.every((order) => order.warehouse_id === warehouseId && order.created_by === admin.userId),
    ).toBe(true);
    const { rows: lines } = await platform.db.query(
      `select pl.item_id, pl.quantity::text, pl.unit_price::text, rl.line_no
       from invantray.purchase_order_lines pl
       join invantray.requisition_lines rl on rl.id = pl.requisition_line_id and rl.purchase_order_line_id = pl.id
       where pl.purchase_order_id = any($1::uuid[]) order by rl.line_no`,
      [ordered.body.purchaseOrderIds],
    );
    expect(lines).toEqual([
      { item_id: screws.id, quantity: '12.0000', unit_price: '9.000000', line_no: 1 },
      { item_id: tape.id, quantity: '4.0000', unit_price: '2.500000', line_no: 2 },
      { item_id: washers.id, quantity: '3.0000', unit_price: '3.255000', line_no: 3 },
    ]);
    expect(ordered.body.requisition).toMatchObject({ status: 'ordered', actions: [] });
    expect(ordered.body.requisition.purchaseOrders).toHaveLength(2);
    expect(
      ordered.body.requisition.lines.every((line: { purchaseOrderId: string }) => line.purchaseOrderId),
    ).toBe(true);
    const { rows: created } = await platform.db.query(
      `select envelope->'data'->'purchaseOrder'->>'id' as id from platform.outbox
       where type = 'purchase-order.created' and envelope->'data'->'purchaseOrder'->>'id' = any($1::text[])`,
      [ordered.body.purchaseOrderIds],
    );
    expect(created).toHaveLength(2);
    expect(again.status).toBe(409);
    expect(cancelOrdered.status).toBe(409);
  });

  it('refuses lines without a supplier, naming them, and a foreign currency without its rate', async () => {
    const euro = await makeSupplier('EUR');
    const orphan = await makeItem();
    const imported = await makeItem({ averageCost: '2.5', defaultSupplierId: euro });
    const unsupplied = await requisition(employee, [{ itemId: orphan.id, quantity: '1' }]);
    const foreign = await requisition(employee, [{ itemId: imported.id, quantity: '4' }]);
    await post(buyer, `${BASE}/${unsupplied.id}/approve`);
    await post(buyer, `${BASE}/${foreign.id}/approve`);

    const noSupplier = await post(buyer, `${BASE}/${unsupplied.id}/order`, {});
    const noRate = await post(buyer, `${BASE}/${foreign.id}/order`, {});
    const withRate = await post(buyer, `${BASE}/${foreign.id}/order`, { exchangeRates: { EUR: '1.25' } });

    expect(noSupplier.status).toBe(422);
    expect(noSupplier.body).toMatchObject({ code: 'supplier_required' });
    expect(noSupplier.body.detail).toContain(orphan.sku);
    expect(noRate.status).toBe(422);
    expect(noRate.body.errors).toEqual([expect.objectContaining({ field: 'body.exchangeRates.EUR' })]);
    expect(withRate.status, withRate.text).toBe(200);
    const { rows } = await platform.db.query(
      `select o.currency, o.exchange_rate::text, o.total::text, l.unit_price::text
       from invantray.purchase_orders o join invantray.purchase_order_lines l on l.purchase_order_id = o.id
       where o.id = $1`,
      [withRate.body.purchaseOrderIds[0]],
    );
    // 2.50 USD average cost at 1.25 USD per EUR: 2.00 EUR each.
    expect(rows).toEqual([
      { currency: 'EUR', exchange_rate: '1.25000000', total: '8.00', unit_price: '2.000000' },
    ]);
  });
});
