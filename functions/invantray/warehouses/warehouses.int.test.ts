import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn } from '../testing/arrange';

let platform: TestPlatform;
let admin: Session;
let manager: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, manager, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('warehouse@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
  given = arrangeIn(platform, tenantId);
});

afterAll(async () => {
  await platform?.stop();
});

const call = (as: Session, method: string, path: string, body?: unknown, slug = 'acme') =>
  platform.request(method, path, { headers: as.headers(slug), body });
const code = (prefix: string) => `${prefix}${randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase()}`;

async function newWarehouse(as: Session = manager, body: Record<string, unknown> = {}) {
  const response = await call(as, 'POST', '/v1/invantray/warehouses', {
    code: code('W'),
    name: 'Main',
    ...body,
  });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; code: string; version: number; receivingLocationId: string };
}

async function newLocation(warehouseId: string, body: Record<string, unknown>) {
  const response = await call(manager, 'POST', `/v1/invantray/warehouses/${warehouseId}/locations`, body);
  expect(response.status, response.text).toBe(201);
  return response.body.items[0] as { id: string; barcode: string; version: number; path: string[] };
}

/** Stock arranged straight in the balance table (moves belong to the stock slice). */
async function putStock(locationId: string, warehouseId: string, onHand = '3'): Promise<void> {
  const { id: itemId } = await given.item({ name: 'Stocked item' });
  await platform.db.query(
    `insert into invantray.stock_balances (tenant_id, item_id, location_id, warehouse_id, on_hand)
     values ($1, $2, $3, $4, $5)`,
    [tenantId, itemId, locationId, warehouseId, onHand],
  );
}

describe('warehouses', () => {
  it('creates a warehouse with its receiving and shipping locations in one go', async () => {
    const created = await call(manager, 'POST', '/v1/invantray/warehouses', {
      code: code('WH'),
      name: 'North depot',
      address: { line1: '1 Dock Road', city: 'Hamburg', postalCode: '20457', country: 'DE' },
    });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/invantray/warehouses/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'North depot', active: true, version: 1 });
    expect(created.body.address).toMatchObject({ city: 'Hamburg', country: 'DE' });
    const { rows } = await platform.db.query(
      'select id, code, kind, barcode from invantray.locations where tenant_id = $1 and warehouse_id = $2 order by code',
      [tenantId, created.body.id],
    );
    expect(rows).toEqual([
      {
        id: created.body.receivingLocationId,
        code: 'RECEIVING',
        kind: 'receiving',
        barcode: `${created.body.code}-RECEIVING`,
      },
      {
        id: created.body.shippingLocationId,
        code: 'SHIPPING',
        kind: 'shipping',
        barcode: `${created.body.code}-SHIPPING`,
      },
    ]);
  });

  it('refuses a code another warehouse has, whatever its case, with 409', async () => {
    const first = await newWarehouse();

    const again = await call(manager, 'POST', '/v1/invantray/warehouses', {
      code: first.code.toLowerCase(),
      name: 'Copy',
    });

    expect(again.status).toBe(409);
    expect(again.body.code).toBe('warehouse_code_taken');
  });

  it('lists, reads and changes a warehouse with optimistic concurrency', async () => {
    const warehouse = await newWarehouse(manager, { name: 'Listed depot' });

    const list = await call(viewer, 'GET', `/v1/invantray/warehouses?q=${warehouse.code}`);
    const changed = await call(manager, 'PATCH', `/v1/invantray/warehouses/${warehouse.id}`, {
      version: warehouse.version,
      name: 'Renamed depot',
    });
    const stale = await call(manager, 'PATCH', `/v1/invantray/warehouses/${warehouse.id}`, {
      version: warehouse.version,
      name: 'Lost update',
    });

    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([warehouse.id]);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Renamed depot', version: 2 });
    expect(stale.status).toBe(409);
    expect((await call(viewer, 'GET', `/v1/invantray/warehouses/${warehouse.id}`)).body.name).toBe(
      'Renamed depot',
    );
  });

  it('refuses to deactivate a warehouse holding stock (409), and deactivates an empty one', async () => {
    const stocked = await newWarehouse();
    await putStock(stocked.receivingLocationId, stocked.id);
    const empty = await newWarehouse();

    const refused = await call(manager, 'PATCH', `/v1/invantray/warehouses/${stocked.id}`, {
      version: 1,
      active: false,
    });
    const done = await call(manager, 'PATCH', `/v1/invantray/warehouses/${empty.id}`, {
      version: 1,
      active: false,
    });

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('warehouse_has_stock');
    expect(done.status).toBe(200);
    expect(done.body.active).toBe(false);
  });

  it('keeps other tenants out (404) and viewers from writing (403)', async () => {
    const warehouse = await newWarehouse();

    const foreign = await call(
      globexOwner,
      'GET',
      `/v1/invantray/warehouses/${warehouse.id}`,
      undefined,
      'globex',
    );
    const foreignTree = await call(
      globexOwner,
      'GET',
      `/v1/invantray/warehouses/${warehouse.id}/locations`,
      undefined,
      'globex',
    );
    const viewerWrite = await call(viewer, 'POST', '/v1/invantray/warehouses', {
      code: code('V'),
      name: 'No',
    });
    const viewerLocation = await call(viewer, 'POST', `/v1/invantray/warehouses/${warehouse.id}/locations`, {
      code: 'A',
    });

    expect(foreign.status).toBe(404);
    expect(foreignTree.status).toBe(404);
    expect(viewerWrite.status).toBe(403);
    expect(viewerLocation.status).toBe(403);
  });

  it('rejects unknown fields and unbounded input with 400', async () => {
    const unknown = await call(manager, 'POST', '/v1/invantray/warehouses', {
      code: code('X'),
      name: 'X',
      extra: 1,
    });
    const badCode = await call(manager, 'POST', '/v1/invantray/warehouses', { code: 'has space', name: 'X' });

    expect(unknown.status).toBe(400);
    expect(badCode.status).toBe(400);
  });
});

describe('locations', () => {
  it('builds a tree of any depth with default barcodes, answered flat in tree order', async () => {
    const warehouse = await newWarehouse(manager, { code: code('T') });
    const zone = await newLocation(warehouse.id, { code: 'A', kind: 'zone' });
    const aisle = await newLocation(warehouse.id, { parentId: zone.id, code: '03', kind: 'aisle' });
    const bin = await newLocation(warehouse.id, { parentId: aisle.id, code: 'B2', kind: 'bin', name: 'Top' });
    const other = await newLocation(warehouse.id, { code: 'Z', kind: 'zone' });
    await putStock(bin.id, warehouse.id);

    const tree = await call(viewer, 'GET', `/v1/invantray/warehouses/${warehouse.id}/locations`);

    expect(bin.barcode).toBe(`${warehouse.code}-A-03-B2`);
    expect(tree.status).toBe(200);
    const rows = tree.body.items.map(
      (row: { id: string; depth: number; path: string[]; onHandLines: number; parentId: string | null }) => ({
        id: row.id,
        depth: row.depth,
        path: row.path.join('/'),
        onHandLines: row.onHandLines,
        parentId: row.parentId,
      }),
    );
    expect(rows).toEqual([
      { id: zone.id, depth: 0, path: 'A', onHandLines: 0, parentId: null },
      { id: aisle.id, depth: 1, path: 'A/03', onHandLines: 0, parentId: zone.id },
      { id: bin.id, depth: 2, path: 'A/03/B2', onHandLines: 1, parentId: aisle.id },
      { id: warehouse.receivingLocationId, depth: 0, path: 'RECEIVING', onHandLines: 0, parentId: null },
      expect.objectContaining({ depth: 0, path: 'SHIPPING' }),
      { id: other.id, depth: 0, path: 'Z', onHandLines: 0, parentId: null },
    ]);
  });

  it('creates a range of bins in one call', async () => {
    const warehouse = await newWarehouse();
    const rack = await newLocation(warehouse.id, { code: 'R1', kind: 'rack' });

    const created = await call(manager, 'POST', `/v1/invantray/warehouses/${warehouse.id}/locations`, {
      parentId: rack.id,
      range: { from: 'A-08', to: 'A-11' },
      kind: 'bin',
    });

    expect(created.status).toBe(201);
    expect(created.body.items.map((item: { code: string; barcode: string }) => item.barcode)).toEqual([
      `${warehouse.code}-R1-A-08`,
      `${warehouse.code}-R1-A-09`,
      `${warehouse.code}-R1-A-10`,
      `${warehouse.code}-R1-A-11`,
    ]);
  });

  it('answers 409 for a barcode the tenant uses or a code a sibling has; an explicit barcode is kept', async () => {
    const warehouse = await newWarehouse();
    const explicit = await newLocation(warehouse.id, { code: 'A', barcode: `SHELF-${code('')}` });

    const sameBarcode = await call(manager, 'POST', `/v1/invantray/warehouses/${warehouse.id}/locations`, {
      code: 'B',
      barcode: explicit.barcode,
    });
    const sameCode = await call(manager, 'POST', `/v1/invantray/warehouses/${warehouse.id}/locations`, {
      code: 'a',
    });

    expect(explicit.barcode).toMatch(/^SHELF-/);
    expect(sameBarcode.status).toBe(409);
    expect(sameBarcode.body.code).toBe('barcode_taken');
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.code).toBe('location_code_taken');
  });

  it('re-parents within the warehouse, refusing cycles (422) and other warehouses (400)', async () => {
    const warehouse = await newWarehouse();
    const elsewhere = await newWarehouse();
    const a = await newLocation(warehouse.id, { code: 'A', kind: 'zone' });
    const b = await newLocation(warehouse.id, { parentId: a.id, code: 'B', kind: 'aisle' });
    const c = await newLocation(warehouse.id, { code: 'C', kind: 'bin' });

    const cycle = await call(manager, 'PATCH', `/v1/invantray/stock-locations/${a.id}`, {
      version: a.version,
      parentId: b.id,
    });
    const self = await call(manager, 'PATCH', `/v1/invantray/stock-locations/${a.id}`, {
      version: a.version,
      parentId: a.id,
    });
    const foreign = await call(manager, 'PATCH', `/v1/invantray/stock-locations/${c.id}`, {
      version: c.version,
      parentId: elsewhere.receivingLocationId,
    });
    const moved = await call(manager, 'PATCH', `/v1/invantray/stock-locations/${c.id}`, {
      version: c.version,
      parentId: b.id,
      name: 'Moved bin',
    });

    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('location_cycle');
    expect(self.status).toBe(422);
    expect(foreign.status).toBe(400);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      parentId: b.id,
      path: ['A', 'B', 'C'],
      depth: 2,
      name: 'Moved bin',
      version: 2,
    });
    // The printed barcode stays what it was.
    expect(moved.body.barcode).toBe(`${warehouse.code}-C`);
  });

  it('deactivates a subtree only when none of it holds stock (409 otherwise)', async () => {
    const warehouse = await newWarehouse();
    const zone = await newLocation(warehouse.id, { code: 'A', kind: 'zone' });
    const bin = await newLocation(warehouse.id, { parentId: zone.id, code: '01' });
    await putStock(bin.id, warehouse.id);
    const emptyZone = await newLocation(warehouse.id, { code: 'E', kind: 'zone' });
    const emptyBin = await newLocation(warehouse.id, { parentId: emptyZone.id, code: '01' });

    const refused = await call(manager, 'PATCH', `/v1/invantray/stock-locations/${zone.id}`, {
      version: 1,
      active: false,
    });
    const done = await call(manager, 'PATCH', `/v1/invantray/stock-locations/${emptyZone.id}`, {
      version: 1,
      active: false,
    });
    const child = await call(viewer, 'GET', `/v1/invantray/stock-locations/${emptyBin.id}`);
    const activeTree = await call(
      viewer,
      'GET',
      `/v1/invantray/warehouses/${warehouse.id}/locations?active=true`,
    );

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('location_has_stock');
    expect(done.status).toBe(200);
    expect(child.body.active).toBe(false);
    expect(activeTree.body.items.map((row: { code: string }) => row.code)).toEqual([
      'A',
      '01',
      'RECEIVING',
      'SHIPPING',
    ]);
  });

  it('keeps receiving and shipping in place (422) but lets them be renamed', async () => {
    const warehouse = await newWarehouse();
    const path = `/v1/invantray/stock-locations/${warehouse.receivingLocationId}`;

    const deactivate = await call(manager, 'PATCH', path, { version: 1, active: false });
    const rename = await call(manager, 'PATCH', path, { version: 1, name: 'Dock 1' });

    expect(deactivate.status).toBe(422);
    expect(deactivate.body.code).toBe('dock_location');
    expect(rename.status).toBe(200);
    expect(rename.body.name).toBe('Dock 1');
  });

  it('hides another tenant’s location (404)', async () => {
    const warehouse = await newWarehouse();

    const foreign = await call(
      globexOwner,
      'GET',
      `/v1/invantray/stock-locations/${warehouse.receivingLocationId}`,
      undefined,
      'globex',
    );

    expect(foreign.status).toBe(404);
  });
});

describe('deactivation and stock moves', () => {
  const receive = (itemId: string, locationId: string) =>
    call(manager, 'POST', '/v1/invantray/stock/moves', {
      kind: 'receipt',
      lines: [{ itemId, quantity: '2', toStockLocationId: locationId }],
    });

  const newItem = async () => (await given.item({ name: 'Moved item' })).id;

  /** Locations holding stock while they, or their warehouse, are inactive: never any. */
  async function stockInInactive(warehouseIds: string[]) {
    const { rows } = await platform.db.query(
      `select b.location_id from invantray.stock_balances b
       join invantray.locations l on l.tenant_id = b.tenant_id and l.id = b.location_id
       join invantray.warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
       where b.tenant_id = $1 and w.id = any($2::uuid[]) and b.on_hand > 0 and not (l.active and w.active)`,
      [tenantId, warehouseIds],
    );
    return rows;
  }

  it('refuses a move into a location of an inactive warehouse, though the location itself is active', async () => {
    const warehouse = await newWarehouse();
    const bin = await newLocation(warehouse.id, { code: 'B1' });
    const itemId = await newItem();
    await call(manager, 'PATCH', `/v1/invantray/warehouses/${warehouse.id}`, { version: 1, active: false });

    const moved = await receive(itemId, bin.id);

    expect(moved.status).toBe(422);
    expect(moved.body.code).toBe('location_inactive');
    expect((await call(viewer, 'GET', `/v1/invantray/stock-locations/${bin.id}`)).body.active).toBe(true);
  });

  it('serializes a move into a location with its deactivation: one wins, the other is refused, never both', async () => {
    const warehouse = await newWarehouse();
    const bins = await Promise.all(
      Array.from({ length: 6 }, (_, index) => newLocation(warehouse.id, { code: `R${index}` })),
    );
    const itemId = await newItem();

    const raced = await Promise.all(
      bins.map((bin) =>
        Promise.all([
          receive(itemId, bin.id),
          call(manager, 'PATCH', `/v1/invantray/stock-locations/${bin.id}`, { version: 1, active: false }),
        ]),
      ),
    );

    for (const [moved, deactivated] of raced) {
      const outcome = [moved.status, deactivated.status];
      expect([
        [201, 409],
        [422, 200],
      ]).toContainEqual(outcome);
      if (moved.status === 422) expect(moved.body.code).toBe('location_inactive');
      else expect(deactivated.body.code).toBe('location_has_stock');
    }
    expect(await stockInInactive([warehouse.id])).toEqual([]);
  });

  it('serializes moves into a warehouse with its deactivation', async () => {
    const warehouses = await Promise.all(Array.from({ length: 4 }, () => newWarehouse()));
    const itemId = await newItem();

    const raced = await Promise.all(
      warehouses.map((warehouse) =>
        Promise.all([
          receive(itemId, warehouse.receivingLocationId),
          call(manager, 'PATCH', `/v1/invantray/warehouses/${warehouse.id}`, { version: 1, active: false }),
        ]),
      ),
    );

    for (const [moved, deactivated] of raced)
      expect([
        [201, 409],
        [422, 200],
      ]).toContainEqual([moved.status, deactivated.status]);
    expect(await stockInInactive(warehouses.map((warehouse) => warehouse.id))).toEqual([]);
  });
});
