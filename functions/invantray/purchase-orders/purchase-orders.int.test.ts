import { randomUUID } from 'node:crypto';
import { auditRecords } from '@halooid/local/testing/audit';
import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn } from '../testing/arrange';

let platform: TestPlatform;
let admin: Session;
let owner: Session;
let buyer: Session;
let warehouseManager: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, owner, buyer, warehouseManager, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('owner@acme.example'),
    platform.login('buyer@acme.example'),
    platform.login('warehouse@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  given = arrangeIn(platform, tenantId);
});

afterAll(async () => {
  await platform?.stop();
});

// ---------------------------------------------------------------------------
// Arranging: supplier, warehouse, items and prices straight in their tables
// (this suite tests purchase orders, not the routes that make those).

const makeSupplier = (currency = 'USD') =>
  given.supplier({
    name: 'Parts & Co',
    currency,
    email: 'orders@parts.example',
    paymentTermsDays: 45,
    address: { line1: '1 Supply Road', city: 'Leeds', country: 'GB' },
  });

const makeWarehouse = async () =>
  (
    await given.warehouse({
      name: 'Main warehouse',
      address: { line1: '9 Dock Street', postalCode: '10115', city: 'Berlin' },
    })
  ).id;

/** An item whose `box` holds 12. */
const makeItem = async (name = 'Hex bolt M8') => (await given.item({ name, boxOf: '12' })).id;

const price = (supplierId: string, itemId: string, minQuantity: string, unitPrice: string) =>
  given.price(supplierId, itemId, unitPrice, { minQuantity });

let shared: { supplierId: string; warehouseId: string; itemId: string } | undefined;
async function basics() {
  if (!shared)
    shared = {
      supplierId: await makeSupplier(),
      warehouseId: await makeWarehouse(),
      itemId: await makeItem(),
    };
  return shared;
}

const BASE = '/v1/invantray/purchase-orders';
const post = (as: Session, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  platform.request('POST', path, { headers: { ...as.headers('acme'), ...headers }, body });
const get = (as: Session, path: string, slug = 'acme') =>
  platform.request('GET', path, { headers: as.headers(slug) });

/** A draft worth `unitPrice` × `quantity` (USD), made by the buyer. */
async function draft(quantity: string, unitPrice: string) {
  const { supplierId, warehouseId, itemId } = await basics();
  const response = await post(buyer, BASE, {
    supplierId,
    warehouseId,
    lines: [{ itemId, quantity, unitPrice }],
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; number: string; version: number };
}

const act = (as: Session, id: string, action: string, body?: unknown) =>
  post(as, `${BASE}/${id}/${action}`, body);

async function eventsOf(id: string) {
  const { rows } = await platform.db.query<{ type: string; data: Record<string, unknown> }>(
    `select envelope->>'type' as type, envelope->'data' as data from platform.outbox
      where envelope->>'source' = 'halooid.invantray' and envelope->'data'->'purchaseOrder'->>'id' = $1
      order by created_at, id`,
    [id],
  );
  return rows;
}

// ---------------------------------------------------------------------------

describe('drafting a purchase order', () => {
  it('prices lines from the supplier’s quantity breaks, converts units, numbers it and records the event', async () => {
    const { supplierId, warehouseId } = await basics();
    const itemId = await makeItem();
    await price(supplierId, itemId, '1', '2.00');
    await price(supplierId, itemId, '24', '1.50');
    const key = randomUUID();
    const body = {
      supplierId,
      warehouseId,
      expectedOn: '2027-01-15',
      lines: [
        { itemId, quantity: '2', unit: 'box' }, // 24 each at the 24+ break: 36.00
        { itemId, quantity: '5', unitPrice: '3.333333', note: 'Rush' }, // 16.67 (rounded per line)
      ],
    };

    const created = await post(buyer, BASE, body, { 'Idempotency-Key': key });
    const replay = await post(buyer, BASE, body, { 'Idempotency-Key': key });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${BASE}/${created.body.id}`);
    expect(created.body).toMatchObject({
      number: expect.stringMatching(/^PO-\d{5}$/),
      status: 'draft',
      source: 'manual',
      currency: 'USD',
      exchangeRate: '1',
      total: '52.67',
      totalInBaseCurrency: '52.67',
      expectedOn: '2027-01-15',
      createdBy: buyer.userId,
      requiredApproval: null,
      version: 1,
      supplier: { id: supplierId, name: 'Parts & Co' },
      allowedActions: ['edit', 'submit', 'cancel'],
    });
    expect(created.body.lines).toMatchObject([
      {
        lineNo: 1,
        itemId,
        quantity: '24',
        unit: 'each',
        unitPrice: '1.50',
        lineTotal: '36.00',
        receivedQuantity: '0',
      },
      { lineNo: 2, quantity: '5', unitPrice: '3.333333', lineTotal: '16.67', note: 'Rush' },
    ]);
    expect(replay.body.id).toBe(created.body.id);
    expect((await eventsOf(created.body.id)).map((event) => event.type)).toEqual(['purchase-order.created']);
  });

  it('refuses what cannot be ordered with a 422 naming the field', async () => {
    const { supplierId, warehouseId, itemId } = await basics();
    const unpriced = await makeItem();
    const eurSupplier = await makeSupplier('EUR');

    const noPrice = await post(buyer, BASE, {
      supplierId,
      warehouseId,
      lines: [
        { itemId, quantity: '1', unitPrice: '1' },
        { itemId: unpriced, quantity: '1' },
      ],
    });
    const noRate = await post(buyer, BASE, {
      supplierId: eurSupplier,
      warehouseId,
      lines: [{ itemId, quantity: '1', unitPrice: '1' }],
    });
    const wrongRate = await post(buyer, BASE, {
      supplierId,
      warehouseId,
      exchangeRate: '1.2',
      lines: [{ itemId, quantity: '1', unitPrice: '1' }],
    });
    const unknown = await post(buyer, BASE, {
      supplierId: randomUUID(),
      warehouseId,
      lines: [{ itemId: randomUUID(), quantity: '1', unitPrice: '1' }],
    });
    const badUnit = await post(buyer, BASE, {
      supplierId,
      warehouseId,
      lines: [{ itemId, quantity: '1', unit: 'pallet', unitPrice: '1' }],
    });

    expect(noPrice.status).toBe(422);
    expect(noPrice.body.code).toBe('no_supplier_price');
    expect(noPrice.body.errors).toEqual([expect.objectContaining({ field: 'body.lines.1.unitPrice' })]);
    expect(noRate.status).toBe(422);
    expect(noRate.body.errors[0].field).toBe('body.exchangeRate');
    expect(wrongRate.body.code).toBe('exchange_rate_not_one');
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('supplier_not_found');
    expect(badUnit.body).toMatchObject({ status: 422, code: 'unknown_unit' });
    expect(badUnit.body.errors[0].field).toBe('body.lines.0.unit');
  });

  it('takes a foreign currency with its exchange rate and decides approval on the base total', async () => {
    const eurSupplier = await makeSupplier('EUR');
    const { warehouseId, itemId } = await basics();
    const created = await post(buyer, BASE, {
      supplierId: eurSupplier,
      warehouseId,
      exchangeRate: '1.1',
      lines: [{ itemId, quantity: '1', unitPrice: '4800' }], // 4,800 EUR = 5,280 USD: above 5,000
    });
    expect(created.body).toMatchObject({ currency: 'EUR', total: '4800.00', totalInBaseCurrency: '5280.00' });

    const submitted = await act(buyer, created.body.id, 'submit');

    expect(submitted.body).toMatchObject({ status: 'submitted', requiredApproval: 'approve_permission' });
  });

  it('is another tenant’s 404', async () => {
    const order = await draft('1', '10');
    expect((await get(globexOwner, `${BASE}/${order.id}`, 'globex')).status).toBe(404);
    expect((await get(globexOwner, `${BASE}/${order.id}/document`, 'globex')).status).toBe(404);
  });
});

describe('editing a draft', () => {
  it('edits, adds and removes lines with optimistic concurrency and recomputes the total', async () => {
    const { supplierId, itemId } = await basics();
    const second = await makeItem();
    await price(supplierId, second, '1', '7.25');
    const order = await draft('10', '1.00');
    const firstLine = (await get(buyer, `${BASE}/${order.id}`)).body.lines[0].id;

    const changed = await platform.request('PATCH', `${BASE}/${order.id}`, {
      headers: buyer.headers('acme'),
      body: {
        version: order.version,
        note: 'Deliver to dock 3',
        lines: [
          { id: firstLine, itemId, quantity: '20' }, // keeps its 1.00
          { itemId: second, quantity: '2' }, // supplier price 7.25
        ],
      },
    });
    const stale = await platform.request('PATCH', `${BASE}/${order.id}`, {
      headers: buyer.headers('acme'),
      body: { version: order.version, note: 'Late' },
    });
    const removed = await platform.request('PATCH', `${BASE}/${order.id}`, {
      headers: { ...buyer.headers('acme'), 'if-match': `"${changed.body.version}"` },
      body: { lines: [{ itemId: second, quantity: '1', unitPrice: '5' }] },
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      note: 'Deliver to dock 3',
      total: '34.50',
      version: order.version + 1,
    });
    expect(changed.body.lines).toMatchObject([
      { id: firstLine, lineNo: 1, quantity: '20', unitPrice: '1.00' },
      { lineNo: 2, itemId: second, unitPrice: '7.25' },
    ]);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(removed.body.total).toBe('5.00');
    expect(removed.body.lines).toHaveLength(1);
  });

  it('refuses to edit anything but a draft', async () => {
    const order = await draft('1', '10');
    const submitted = await act(buyer, order.id, 'submit');

    const edit = await platform.request('PATCH', `${BASE}/${order.id}`, {
      headers: buyer.headers('acme'),
      body: { version: submitted.body.version, note: 'x' },
    });

    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({
      code: 'invalid_transition',
      currentStatus: 'approved',
      action: 'edit',
    });
  });
});

describe('approval', () => {
  it('approves an order under 5,000 at submit, then sends it', async () => {
    const order = await draft('10', '100'); // 1,000.00

    const submitted = await act(buyer, order.id, 'submit');
    const sent = await act(buyer, order.id, 'send');

    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'approved',
      requiredApproval: 'none',
      submittedBy: buyer.userId,
      approvedBy: null,
    });
    expect(submitted.body.approvedAt).toEqual(expect.any(String));
    expect(sent.body).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    const events = await eventsOf(order.id);
    expect(events.map((event) => event.type)).toEqual([
      'purchase-order.created',
      'purchase-order.submitted',
      'purchase-order.approved',
      'purchase-order.sent',
    ]);
    expect(events[1]?.data.approverUserIds).toEqual([]);
    const target = { targetId: order.id };
    expect(await auditRecords(platform, 'invantray.purchase_order.created', target)).toHaveLength(1);
    expect(await auditRecords(platform, 'invantray.purchase_order.sent', target)).toEqual([
      expect.objectContaining({
        actorId: buyer.userId,
        targetType: 'invantray.purchase_order',
        details: expect.objectContaining({ status: 'sent' }),
      }),
    ]);
  });

  it('over 5,000: never by its creator, never without the permission; another approver approves', async () => {
    const order = await draft('100', '60'); // 6,000.00
    const submitted = await act(buyer, order.id, 'submit');
    expect(submitted.body).toMatchObject({ status: 'submitted', requiredApproval: 'approve_permission' });
    expect(submitted.body.allowedActions).toEqual(['cancel']);
    expect((await get(admin, `${BASE}/${order.id}`)).body.allowedActions).toEqual([
      'approve',
      'reject',
      'cancel',
    ]);

    const byCreator = await act(buyer, order.id, 'approve');
    const byWarehouse = await act(warehouseManager, order.id, 'approve');
    const byAdmin = await act(admin, order.id, 'approve');
    const again = await act(admin, order.id, 'approve');

    expect(byCreator.status).toBe(403);
    expect(byCreator.body.detail).toMatch(/You created this purchase order/);
    expect(byWarehouse.status).toBe(403);
    expect(byWarehouse.body.detail).toMatch(/invantray:procurement:approve/);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ status: 'approved', approvedBy: admin.userId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'invalid_transition',
      currentStatus: 'approved',
      action: 'approve',
    });
    const submittedEvent = (await eventsOf(order.id)).find(
      (event) => event.type === 'purchase-order.submitted',
    );
    const approvers = submittedEvent?.data.approverUserIds as string[];
    expect(approvers).toEqual(expect.arrayContaining([admin.userId, owner.userId]));
    expect(approvers).not.toContain(buyer.userId);
    expect(approvers).not.toContain(warehouseManager.userId);
  });

  it('notifies the approvers, never the submitter', async () => {
    const order = await draft('100', '70'); // 7,000.00
    await act(buyer, order.id, 'submit');
    const notified = async () => {
      const { rows } = await platform.db.query<{ user_id: string }>(
        'select user_id from platform.notifications where resource_id = $1',
        [order.id],
      );
      return { status: rows.some((row) => row.user_id === admin.userId) ? 200 : 404, rows };
    };

    expect(await statusWithin(10_000, notified, 200)).toBe(200);
    const users = (await notified()).rows.map((row) => row.user_id);
    expect(users).toContain(owner.userId);
    expect(users).not.toContain(buyer.userId);
  });

  it('over 50,000: only an Owner approves', async () => {
    const order = await draft('1000', '60'); // 60,000.00
    const submitted = await act(buyer, order.id, 'submit');
    expect(submitted.body.requiredApproval).toBe('owner');
    expect((await get(admin, `${BASE}/${order.id}`)).body.allowedActions).toEqual(['cancel']);

    const byAdmin = await act(admin, order.id, 'approve');
    const byOwner = await act(owner, order.id, 'approve');

    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.detail).toMatch(/only an Owner/);
    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toMatchObject({ status: 'approved', approvedBy: owner.userId });
  });

  it('rejects back to draft with a reason the creator hears', async () => {
    const order = await draft('100', '60');
    await act(buyer, order.id, 'submit');

    const noReason = await act(admin, order.id, 'reject', {});
    const rejected = await act(admin, order.id, 'reject', { reason: 'Split it over two suppliers' });

    expect(noReason.status).toBe(400);
    expect(rejected.body).toMatchObject({ status: 'draft', requiredApproval: null, submittedBy: null });
    const event = (await eventsOf(order.id)).find((row) => row.type === 'purchase-order.rejected');
    expect(event?.data).toMatchObject({ rejectedBy: admin.userId, reason: 'Split it over two suppliers' });
    const heard = async () => {
      const { rows } = await platform.db.query(
        `select body from platform.notifications where resource_id = $1 and user_id = $2 and type like '%rejected'`,
        [order.id, buyer.userId],
      );
      return { status: rows.length === 1 ? 200 : 404 };
    };
    expect(await statusWithin(10_000, heard, 200)).toBe(200);
  });
});

describe('cancelling and closing', () => {
  it('cancels before anything arrived, never after; closes what was received', async () => {
    const draftOrder = await draft('1', '10');
    const sentOrder = await draft('1', '10');
    await act(buyer, sentOrder.id, 'submit');
    await act(buyer, sentOrder.id, 'send');
    const partly = await draft('4', '10');
    await act(buyer, partly.id, 'submit');
    await act(buyer, partly.id, 'send');
    // What receiving does, straight in the tables: half of the line arrived.
    await platform.db.query(
      `update invantray.purchase_order_lines set received_quantity = 2 where tenant_id = $1 and purchase_order_id = $2`,
      [tenantId, partly.id],
    );
    await platform.db.query(
      `update invantray.purchase_orders set status = 'partially_received' where tenant_id = $1 and id = $2`,
      [tenantId, partly.id],
    );

    const cancelledDraft = await act(buyer, draftOrder.id, 'cancel');
    const cancelledSent = await act(buyer, sentOrder.id, 'cancel');
    const cancelAfterReceipt = await act(buyer, partly.id, 'cancel');
    const closeSent = await act(buyer, draftOrder.id, 'close');
    const closed = await act(buyer, partly.id, 'close');
    const byWarehouse = await act(warehouseManager, sentOrder.id, 'cancel');

    expect(cancelledDraft.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(cancelledSent.body.status).toBe('cancelled');
    expect(cancelAfterReceipt.status).toBe(409);
    expect(cancelAfterReceipt.body.code).toBe('invalid_transition');
    expect(closeSent.status).toBe(409);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(byWarehouse.status).toBe(403);
    expect((await eventsOf(partly.id)).at(-1)?.type).toBe('purchase-order.closed');
  });
});

describe('listing', () => {
  it('filters by several statuses, supplier and number, newest first', async () => {
    const supplierId = await makeSupplier();
    const { warehouseId, itemId } = await basics();
    const make = async () =>
      (
        await post(buyer, BASE, {
          supplierId,
          warehouseId,
          lines: [{ itemId, quantity: '1', unitPrice: '1' }],
        })
      ).body;
    const [first, second, third] = [await make(), await make(), await make()];
    await act(buyer, second.id, 'submit'); // approved at once
    await act(buyer, third.id, 'cancel');

    const all = await get(buyer, `${BASE}?supplierId=${supplierId}`);
    const some = await get(buyer, `${BASE}?supplierId=${supplierId}&status=draft,approved`);
    const byNumber = await get(buyer, `${BASE}?q=${first.number.slice(3)}`);
    const page = await get(buyer, `${BASE}?supplierId=${supplierId}&limit=2&sort=number`);
    const next = await get(
      buyer,
      `${BASE}?supplierId=${supplierId}&limit=2&sort=number&cursor=${page.body.nextCursor}`,
    );
    const badStatus = await get(buyer, `${BASE}?status=shipped`);

    expect(all.body.items.map((order: { id: string }) => order.id)).toEqual([third.id, second.id, first.id]);
    expect(all.body.items[0]).toMatchObject({ lineCount: 1, total: '1.00', supplier: { id: supplierId } });
    expect(some.body.items.map((order: { id: string }) => order.id)).toEqual([second.id, first.id]);
    expect(byNumber.body.items.map((order: { id: string }) => order.id)).toEqual([first.id]);
    expect([...page.body.items, ...next.body.items].map((order: { id: string }) => order.id)).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
    expect(badStatus.status).toBe(400);
  });
});

describe('the printable document', () => {
  it('renders a standalone HTML page with every value escaped', async () => {
    const { supplierId, warehouseId } = await basics();
    const itemId = await makeItem('<script>alert("x")</script> & bolts');
    const created = await post(buyer, BASE, {
      supplierId,
      warehouseId,
      note: 'Gate <b>3</b>',
      lines: [{ itemId, quantity: '3', unitPrice: '2.5' }],
    });

    const html = await get(warehouseManager, `${BASE}/${created.body.id}/document`);

    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-disposition')).toBe(`inline; filename="${created.body.number}.html"`);
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; bolts');
    expect(html.text).toContain('Gate &lt;b&gt;3&lt;/b&gt;');
    expect(html.text).toContain('Parts &amp; Co');
    expect(html.text).toContain('9 Dock Street');
    expect(html.text).toContain('10115 Berlin');
    expect(html.text).toContain('Net 45 days');
    expect(html.text).toContain('7.50');
  });

  it('renders a PDF', async () => {
    const order = await draft('2', '9.99');
    const response = await fetch(`${platform.url}${BASE}/${order.id}/document?format=pdf`, {
      headers: { ...buyer.headers('acme'), accept: 'application/pdf' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
  });
});

describe('settings', () => {
  const SETTINGS = '/v1/invantray/settings';
  const patch = (as: Session, body: unknown, slug = 'globex') =>
    platform.request('PATCH', SETTINGS, { headers: as.headers(slug), body });

  it('answers the defaults at version 1 and changes with optimistic concurrency', async () => {
    const before = await get(globexOwner, SETTINGS, 'globex');
    expect(before.body).toEqual({
      baseCurrency: 'USD',
      approvalLevels: [
        { above: '5000.00', approver: 'approve_permission' },
        { above: '50000.00', approver: 'owner' },
      ],
      countApprovalThreshold: '1000.00',
      overReceiptTolerancePercent: '5',
      matchQuantityTolerancePercent: '0',
      matchPriceTolerancePercent: '2',
      version: 1,
    });

    const changed = await patch(globexOwner, {
      version: 1,
      baseCurrency: 'EUR',
      approvalLevels: [{ above: '2500', approver: 'approve_permission' }],
      overReceiptTolerancePercent: '10',
    });
    const stale = await patch(globexOwner, { version: 1, countApprovalThreshold: '5' });
    const descending = await patch(globexOwner, {
      version: 2,
      approvalLevels: [
        { above: '9000', approver: 'approve_permission' },
        { above: '100', approver: 'owner' },
      ],
    });
    const tooMuch = await patch(globexOwner, { version: 2, matchPriceTolerancePercent: '101' });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      baseCurrency: 'EUR',
      approvalLevels: [{ above: '2500.00', approver: 'approve_permission' }],
      overReceiptTolerancePercent: '10',
      version: 2,
    });
    expect(stale.status).toBe(409);
    expect(descending.status).toBe(422);
    expect(descending.body.code).toBe('invalid_approval_levels');
    expect(tooMuch.status).toBe(400);
  });

  it('keeps the base currency once stock has value', async () => {
    const globexId = globexOwner.tenants.find((tenant) => tenant.slug === 'globex')?.id ?? '';
    const inGlobex = arrangeIn(platform, globexId);
    const { id: itemId } = await inGlobex.item({ name: 'Valued' });
    const { id: warehouseId } = await inGlobex.warehouse({ name: 'Globex WH' });
    const locationId = await inGlobex.location(warehouseId, { code: 'BIN' });
    await platform.db.query(
      `insert into invantray.stock_moves (tenant_id, id, kind, item_id, quantity, to_location_id, unit_cost, batch_id)
       values ($1, $2, 'receipt', $3, 1, $4, 2.5, $2)`,
      [globexId, randomUUID(), itemId, locationId],
    );
    const current = (await get(globexOwner, SETTINGS, 'globex')).body;

    const currency = await patch(globexOwner, { version: current.version, baseCurrency: 'GBP' });
    const sameCurrency = await patch(globexOwner, {
      version: current.version,
      baseCurrency: current.baseCurrency,
    });

    expect(currency.status).toBe(409);
    expect(currency.body.code).toBe('base_currency_in_use');
    expect(sameCurrency.status).toBe(200);
  });

  it('is read by everyone with stock work and changed only with the write grant', async () => {
    expect((await get(warehouseManager, SETTINGS)).status).toBe(200);
    expect((await patch(warehouseManager, { version: 1, countApprovalThreshold: '5' }, 'acme')).status).toBe(
      403,
    );
    expect((await patch(buyer, { version: 1, countApprovalThreshold: '5' }, 'acme')).status).toBe(403);
  });
});
