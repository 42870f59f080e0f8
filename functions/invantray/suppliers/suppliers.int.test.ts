import { randomUUID } from 'node:crypto';
import { auditRecords } from '@halooid/local/testing/audit';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn, unique } from '../testing/arrange';

let platform: TestPlatform;
let buyer: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [buyer, viewer, globexOwner] = await Promise.all([
    platform.login('buyer@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = buyer.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  given = arrangeIn(platform, tenantId);
});

afterAll(async () => {
  await platform?.stop();
});

const createSupplier = (body: Record<string, unknown>, as: Session = buyer, tenant = 'acme') =>
  platform.request('POST', '/v1/invantray/suppliers', { headers: as.headers(tenant), body });

/** An item straight in the table: this suite tests suppliers, not the items routes. */
const makeItem = (options: { unit?: string; boxOf?: string; defaultSupplierId?: string } = {}) =>
  given.item(options);

const addPrice = (supplierId: string, body: Record<string, unknown>) =>
  platform.request('POST', `/v1/invantray/suppliers/${supplierId}/prices`, {
    headers: buyer.headers('acme'),
    body,
  });

const quote = (supplierId: string, query: string) =>
  platform.request('GET', `/v1/invantray/suppliers/${supplierId}/quote?${query}`, {
    headers: viewer.headers('acme'),
  });

describe('suppliers', () => {
  it('creates a supplier with its contacts, defaults the currency and terms, and reads it back', async () => {
    const code = unique('ACME-TOOLS');

    const created = await createSupplier({
      code,
      name: 'Acme Tools Ltd',
      email: 'sales@tools.example',
      website: 'https://tools.example',
      address: { city: 'Leeds', country: 'gb' },
      contacts: [{ name: 'Sam Seller', email: 'sam@tools.example', role: 'sales' }],
      leadTimeDays: 10,
    });

    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/invantray/suppliers/${created.body.id}`);
    expect(created.body).toMatchObject({
      code,
      currency: 'USD',
      paymentTermsDays: 30,
      leadTimeDays: 10,
      active: true,
      address: { city: 'Leeds', country: 'GB' },
      contacts: [{ name: 'Sam Seller', email: 'sam@tools.example', role: 'sales' }],
      createdBy: buyer.userId,
      version: 1,
    });
    const read = await platform.request('GET', `/v1/invantray/suppliers/${created.body.id}`, {
      headers: viewer.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('refuses a code another supplier has, whatever its case, naming it (409 duplicate_supplier)', async () => {
    const code = unique('DUP');
    const first = await createSupplier({ code, name: 'First', currency: 'EUR' });

    const second = await createSupplier({ code: code.toLowerCase(), name: 'Second', currency: 'EUR' });
    const other = await createSupplier({ code: unique('OTHER'), name: 'Other', currency: 'EUR' });
    const renamed = await platform.request('PATCH', `/v1/invantray/suppliers/${other.body.id}`, {
      headers: buyer.headers('acme'),
      body: { version: 1, code: code.toUpperCase() },
    });

    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'duplicate_supplier', existingId: first.body.id });
    expect(renamed.status).toBe(409);
    expect(renamed.body).toMatchObject({ code: 'duplicate_supplier', existingId: first.body.id });
  });

  it('changes a supplier from the version read, refuses a stale one, and lists and searches', async () => {
    const code = unique('PATCHME');
    const created = await createSupplier({ code, name: 'Patch me', currency: 'EUR', phone: '+44 1' });

    const changed = await platform.request('PATCH', `/v1/invantray/suppliers/${created.body.id}`, {
      headers: buyer.headers('acme'),
      body: { version: 1, name: 'Patched', phone: null, active: false },
    });
    const stale = await platform.request('PATCH', `/v1/invantray/suppliers/${created.body.id}`, {
      headers: buyer.headers('acme'),
      body: { version: 1, name: 'Too late' },
    });
    const active = await platform.request('GET', `/v1/invantray/suppliers?q=${code}`, {
      headers: viewer.headers('acme'),
    });
    const inactive = await platform.request('GET', `/v1/invantray/suppliers?q=${code}&active=false`, {
      headers: viewer.headers('acme'),
    });

    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Patched', phone: null, active: false, version: 2 });
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(active.body.items).toEqual([]);
    expect(inactive.body.items.map((supplier: { id: string }) => supplier.id)).toEqual([created.body.id]);
    const target = { targetId: created.body.id };
    expect(await auditRecords(platform, 'invantray.supplier.created', target)).toHaveLength(1);
    expect(await auditRecords(platform, 'invantray.supplier.updated', target)).toEqual([
      expect.objectContaining({ actorId: buyer.userId, details: { changes: ['name', 'phone', 'active'] } }),
    ]);
  });

  it('answers 400 for bad input, 403 to a viewer writing and 404 to another tenant', async () => {
    const mine = await createSupplier({ code: unique('MINE'), name: 'Mine', currency: 'EUR' });

    const badCurrency = await createSupplier({ code: unique('X'), name: 'X', currency: 'XYZ' });
    const tooManyContacts = await createSupplier({
      code: unique('X'),
      name: 'X',
      contacts: Array.from({ length: 21 }, (_, n) => ({ name: `C${n}` })),
    });
    const unknownField = await createSupplier({ code: unique('X'), name: 'X', tenantId });
    const byViewer = await createSupplier({ code: unique('X'), name: 'X' }, viewer);
    const fromGlobex = await platform.request('GET', `/v1/invantray/suppliers/${mine.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(badCurrency.status).toBe(400);
    expect(badCurrency.body.errors[0].field).toBe('body.currency');
    expect(tooManyContacts.status).toBe(400);
    expect(unknownField.status).toBe(400);
    expect(byViewer.status).toBe(403);
    expect(fromGlobex.status).toBe(404);
  });
});

describe('supplier prices', () => {
  it('quotes the largest break the quantity reaches among the rows in effect on the date', async () => {
    const supplier = await createSupplier({ code: unique('BREAKS'), name: 'Breaks', currency: 'EUR' });
    const item = await makeItem({ boxOf: '12' });
    const id = supplier.body.id;
    // January: 10.00 each, 8.00 from 100. March: 9.00 each (the 100 break keeps its January price).
    // A future row (2999) is not in effect yet.
    for (const row of [
      { minQuantity: '1', unitPrice: '10', effectiveFrom: '2026-01-01' },
      { minQuantity: '100', unitPrice: '8', effectiveFrom: '2026-01-01' },
      { minQuantity: '1', unitPrice: '9', effectiveFrom: '2026-03-01', supplierSku: 'B-1' },
      { minQuantity: '500', unitPrice: '6.5', effectiveFrom: '2999-01-01' },
    ]) {
      const added = await addPrice(id, { itemId: item.id, ...row });
      expect(added.status, added.text).toBe(201);
    }

    const q = (quantity: string, on: string, extra = '') =>
      quote(id, `itemId=${item.id}&quantity=${quantity}&on=${on}${extra}`);
    const beforeAny = await q('5', '2025-12-31');
    const january = await q('5', '2026-02-15');
    const march = await q('5', '2026-03-01');
    const marchBulk = await q('150', '2026-03-01');
    const boxes = await q('10', '2026-03-01', '&unit=box');
    const futureBulk = await q('600', '2026-06-01');

    expect(beforeAny.status, beforeAny.text).toBe(200);
    expect(beforeAny.body.price).toBeNull();
    expect(january.body.price).toMatchObject({
      unitPrice: '10.00',
      minQuantity: '1',
      effectiveFrom: '2026-01-01',
    });
    expect(march.body.price).toEqual({
      unitPrice: '9.00',
      currency: 'EUR',
      minQuantity: '1',
      supplierSku: 'B-1',
      effectiveFrom: '2026-03-01',
      lineTotal: '45.00',
    });
    expect(marchBulk.body.price).toMatchObject({
      unitPrice: '8.00',
      minQuantity: '100',
      lineTotal: '1200.00',
    });
    // 10 boxes of 12 = 120 each: the 100 break.
    expect(boxes.body).toMatchObject({ quantity: '120', price: { unitPrice: '8.00', lineTotal: '960.00' } });
    expect(futureBulk.body.price).toMatchObject({ unitPrice: '8.00', minQuantity: '100' });
  });

  it('refuses the same break and date twice, naming the row, and an unknown item', async () => {
    const supplier = await createSupplier({ code: unique('DUPPRICE'), name: 'Dup price', currency: 'EUR' });
    const item = await makeItem();
    const first = await addPrice(supplier.body.id, {
      itemId: item.id,
      unitPrice: '3',
      effectiveFrom: '2026-01-01',
    });

    const again = await addPrice(supplier.body.id, {
      itemId: item.id,
      minQuantity: '1.0',
      unitPrice: '4',
      effectiveFrom: '2026-01-01',
    });
    const noItem = await addPrice(supplier.body.id, { itemId: randomUUID(), unitPrice: '3' });
    const noSupplier = await addPrice(randomUUID(), { itemId: item.id, unitPrice: '3' });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ currency: 'EUR', minQuantity: '1', unitPrice: '3.00', sku: item.sku });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'duplicate_supplier_price', existingId: first.body.id });
    expect(noItem.status).toBe(422);
    expect(noItem.body.code).toBe('item_not_found');
    expect(noSupplier.status).toBe(404);
  });

  it('lists all rows or the current ones, shows an item’s suppliers, and deletes a row', async () => {
    const preferred = await createSupplier({ code: unique('PREF'), name: 'A preferred', currency: 'USD' });
    const other = await createSupplier({ code: unique('OTHER'), name: 'B other', currency: 'EUR' });
    const idle = await createSupplier({ code: unique('IDLE'), name: 'C idle', currency: 'EUR' });
    const item = await makeItem({ defaultSupplierId: idle.body.id });
    const old = await addPrice(preferred.body.id, {
      itemId: item.id,
      unitPrice: '5',
      effectiveFrom: '2026-01-01',
    });
    const now = await addPrice(preferred.body.id, {
      itemId: item.id,
      unitPrice: '4',
      effectiveFrom: '2026-02-01',
    });
    const bulk = await addPrice(preferred.body.id, {
      itemId: item.id,
      minQuantity: '50',
      unitPrice: '3.5',
      effectiveFrom: '2026-02-01',
    });
    const future = await addPrice(preferred.body.id, {
      itemId: item.id,
      unitPrice: '4.5',
      effectiveFrom: '2999-01-01',
    });
    const otherPrice = await addPrice(other.body.id, {
      itemId: item.id,
      unitPrice: '4.2',
      effectiveFrom: '2026-01-01',
    });

    const all = await platform.request(
      'GET',
      `/v1/invantray/suppliers/${preferred.body.id}/prices?itemId=${item.id}`,
      {
        headers: viewer.headers('acme'),
      },
    );
    const current = await platform.request(
      'GET',
      `/v1/invantray/suppliers/${preferred.body.id}/prices?itemId=${item.id}&current=true&limit=1`,
      { headers: viewer.headers('acme') },
    );
    const currentNext = await platform.request(
      'GET',
      `/v1/invantray/suppliers/${preferred.body.id}/prices?itemId=${item.id}&current=true&limit=1&cursor=${current.body.nextCursor}`,
      { headers: viewer.headers('acme') },
    );
    const forItem = await platform.request('GET', `/v1/invantray/items/${item.id}/supplier-prices`, {
      headers: viewer.headers('acme'),
    });
    const deleted = await platform.request('DELETE', `/v1/invantray/supplier-prices/${otherPrice.body.id}`, {
      headers: buyer.headers('acme'),
    });
    const deletedAgain = await platform.request(
      'DELETE',
      `/v1/invantray/supplier-prices/${otherPrice.body.id}`,
      {
        headers: buyer.headers('acme'),
      },
    );
    const byViewer = await platform.request('DELETE', `/v1/invantray/supplier-prices/${old.body.id}`, {
      headers: viewer.headers('acme'),
    });

    const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((row) => row.id);
    // By break, then newest date first.
    expect(ids(all)).toEqual([future.body.id, now.body.id, old.body.id, bulk.body.id]);
    expect(ids(current)).toEqual([now.body.id]);
    expect(ids(currentNext)).toEqual([bulk.body.id]);
    expect(currentNext.body.nextCursor).toBeNull();
    expect(forItem.status, forItem.text).toBe(200);
    expect(forItem.body.suppliers.map((s: { supplierId: string }) => s.supplierId)).toEqual([
      idle.body.id,
      preferred.body.id,
      other.body.id,
    ]);
    expect(forItem.body.suppliers[0]).toMatchObject({ isDefault: true, breaks: [] });
    expect(forItem.body.suppliers[1].breaks).toEqual([
      expect.objectContaining({ id: now.body.id, minQuantity: '1', unitPrice: '4.00' }),
      expect.objectContaining({ id: bulk.body.id, minQuantity: '50', unitPrice: '3.50' }),
    ]);
    expect(deleted.status).toBe(204);
    expect(deletedAgain.status).toBe(404);
    expect(byViewer.status).toBe(403);
    const { rows } = await platform.db.query('select id from invantray.supplier_prices where id = $1', [
      otherPrice.body.id,
    ]);
    expect(rows).toEqual([]);
    const target = { targetId: otherPrice.body.id };
    expect(await auditRecords(platform, 'invantray.supplier_price.created', target)).toHaveLength(1);
    expect(await auditRecords(platform, 'invantray.supplier_price.deleted', target)).toEqual([
      expect.objectContaining({ actorId: buyer.userId, targetType: 'invantray.supplier_price' }),
    ]);
  });
});
