import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn } from '../testing/arrange';

/**
 * Barcode lookup and printable labels, through the local gateway. Items,
 * lots and stock are arranged straight in their tables (other slices own
 * their routes); warehouses and locations through the API.
 */
let platform: TestPlatform;
let manager: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;
let warehouse: { id: string; code: string; receivingLocationId: string };
let bin: { id: string; barcode: string };

const call = (as: Session, method: string, path: string, body?: unknown, slug = 'acme') =>
  platform.request(method, path, { headers: as.headers(slug), body });
const unique = (prefix: string) => `${prefix}${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  [manager, viewer, globexOwner] = await Promise.all([
    platform.login('warehouse@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = manager.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
  given = arrangeIn(platform, tenantId);
  const created = await call(manager, 'POST', '/v1/invantray/warehouses', {
    code: unique('L'),
    name: 'Lookup depot',
  });
  warehouse = created.body;
  const zone = await call(manager, 'POST', `/v1/invantray/warehouses/${warehouse.id}/locations`, {
    code: 'A',
    kind: 'zone',
  });
  const made = await call(manager, 'POST', `/v1/invantray/warehouses/${warehouse.id}/locations`, {
    parentId: zone.body.items[0].id,
    code: '01',
    name: 'Small parts',
  });
  bin = made.body.items[0];
});

afterAll(async () => {
  await platform?.stop();
});

const insertItem = (fields: { sku?: string; tracking?: 'none' | 'lot' | 'serial'; name?: string } = {}) =>
  given.item({ sku: fields.sku ?? unique('SKU-'), name: fields.name ?? 'Widget', tracking: fields.tracking });

async function insertLot(itemId: string, kind: 'lot' | 'serial', number: string) {
  const id = randomUUID();
  await platform.db.query(
    'insert into invantray.lots (tenant_id, id, item_id, kind, number) values ($1, $2, $3, $4, $5)',
    [tenantId, id, itemId, kind, number],
  );
  return id;
}

const lookup = (as: Session, value: string, slug = 'acme') =>
  call(as, 'GET', `/v1/invantray/lookup?barcode=${encodeURIComponent(value)}`, undefined, slug);

describe('barcode lookup', () => {
  it('resolves an item barcode with the unit it counts and the factor to the base unit', async () => {
    const item = await insertItem();
    const code = unique('400');
    await platform.db.query(
      `insert into invantray.item_units (tenant_id, item_id, unit, factor) values ($1, $2, 'box', 12)`,
      [tenantId, item.id],
    );
    await platform.db.query(
      `insert into invantray.barcodes (tenant_id, code, item_id, unit) values ($1, $2, $3, 'box')`,
      [tenantId, code, item.id],
    );

    const response = await lookup(viewer, code);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      barcode: code,
      matches: [
        {
          type: 'item',
          item: { id: item.id, sku: item.sku, name: 'Widget', unit: 'each', tracking: 'none', active: true },
          unit: 'box',
          factor: '12',
        },
      ],
    });
  });

  it('resolves a SKU, whatever its case, in the base unit', async () => {
    const item = await insertItem();

    const response = await lookup(viewer, item.sku.toLowerCase());

    expect(response.status).toBe(200);
    expect(response.body.matches).toEqual([
      expect.objectContaining({ type: 'item', unit: 'each', factor: '1' }),
    ]);
    expect(response.body.matches[0].item.id).toBe(item.id);
  });

  it('resolves a location barcode to the location and its path', async () => {
    const response = await lookup(viewer, bin.barcode);

    expect(response.status).toBe(200);
    expect(response.body.matches).toHaveLength(1);
    expect(response.body.matches[0]).toMatchObject({
      type: 'location',
      location: { id: bin.id, path: ['A', '01'], warehouseId: warehouse.id, name: 'Small parts' },
    });
  });

  it('resolves a serial number to its item and where it is', async () => {
    const item = await insertItem({ tracking: 'serial' });
    const serial = unique('SN');
    const lotId = await insertLot(item.id, 'serial', serial);
    await platform.db.query(
      `insert into invantray.stock_balances (tenant_id, item_id, location_id, lot_key, warehouse_id, on_hand)
       values ($1, $2, $3, $4, $5, 1)`,
      [tenantId, item.id, bin.id, lotId, warehouse.id],
    );

    const response = await lookup(viewer, serial);

    expect(response.status).toBe(200);
    expect(response.body.matches).toEqual([
      expect.objectContaining({
        type: 'serial',
        item: expect.objectContaining({ id: item.id, tracking: 'serial' }),
        lot: { id: lotId, kind: 'serial', number: serial, expiresOn: null },
        location: expect.objectContaining({ id: bin.id }),
      }),
    ]);
  });

  it('answers every item that has a lot of that number', async () => {
    const number = unique('LOT');
    const [first, second] = [await insertItem({ tracking: 'lot' }), await insertItem({ tracking: 'lot' })];
    await insertLot(first.id, 'lot', number);
    await insertLot(second.id, 'lot', number);

    const response = await lookup(viewer, number);

    expect(response.status).toBe(200);
    expect(
      response.body.matches
        .map((match: { type: string; item: { id: string } }) => [match.type, match.item.id])
        .sort(),
    ).toEqual(
      [
        ['lot', first.id],
        ['lot', second.id],
      ].sort(),
    );
  });

  it('answers 404 when nothing matches, and for another tenant’s codes', async () => {
    const nothing = await lookup(viewer, unique('NOPE'));
    const foreign = await lookup(globexOwner, bin.barcode, 'globex');

    expect(nothing.status).toBe(404);
    expect(nothing.headers.get('content-type')).toMatch(/problem\+json/);
    expect(foreign.status).toBe(404);
  });

  it('bounds the input (400)', async () => {
    expect((await lookup(viewer, 'x'.repeat(129))).status).toBe(400);
    expect((await call(viewer, 'GET', '/v1/invantray/lookup')).status).toBe(400);
  });
});

describe('labels', () => {
  it('renders an item label as valid SVG carrying its first barcode', async () => {
    const item = await insertItem({ name: 'Bolt <M8> & nut' });
    await platform.db.query('insert into invantray.barcodes (tenant_id, code, item_id) values ($1, $2, $3)', [
      tenantId,
      unique('590'),
      item.id,
    ]);

    const response = await call(viewer, 'GET', `/v1/invantray/items/${item.id}/label?format=svg`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-disposition')).toMatch(
      /^inline; filename="label-590[A-Z0-9]+\.svg"$/,
    );
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(XMLValidator.validate(response.text)).toBe(true);
    expect(response.text).toContain('Bolt &lt;M8&gt; &amp; nut');
  });

  it('renders a location label as a PDF: bytes from %PDF- to %%EOF', async () => {
    const response = await call(
      viewer,
      'GET',
      `/v1/invantray/stock-locations/${bin.id}/label?format=pdf`,
      undefined,
    );
    const text = Buffer.from(response.bytes).toString('latin1');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('renders an item without barcodes by its SKU, as a PDF too', async () => {
    const item = await insertItem();

    const svg = await call(viewer, 'GET', `/v1/invantray/items/${item.id}/label`);
    const pdf = await call(viewer, 'GET', `/v1/invantray/items/${item.id}/label?format=pdf`);

    expect(svg.status).toBe(200);
    expect(svg.text).toContain(`SKU ${item.sku}`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('answers 422 for a SKU Code 128 cannot carry, 404 for another tenant’s, 400 for an unknown format', async () => {
    const item = await insertItem({ sku: `Ärmel-${randomUUID().slice(0, 6)}` });

    const unencodable = await call(viewer, 'GET', `/v1/invantray/items/${item.id}/label`);
    const foreign = await call(
      globexOwner,
      'GET',
      `/v1/invantray/stock-locations/${bin.id}/label`,
      undefined,
      'globex',
    );
    const badFormat = await call(viewer, 'GET', `/v1/invantray/items/${item.id}/label?format=png`);

    expect(unencodable.status).toBe(422);
    expect(unencodable.body.code).toBe('unencodable_barcode');
    expect(foreign.status).toBe(404);
    expect(badFormat.status).toBe(400);
  });
});
