import { randomUUID } from 'node:crypto';
import { auditRecords } from '@halooid/local/testing/audit';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Arrange, arrangeIn } from '../testing/arrange';

let platform: TestPlatform;
let admin: Session;
let warehouse: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
let given: Arrange;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, warehouse, viewer, globexOwner] = await Promise.all([
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
const createItem = (as: Session, body: Record<string, unknown>) =>
  call(as, 'POST', '/v1/invantray/items', body);
const createCategory = (name: string, parentId?: string) =>
  call(admin, 'POST', '/v1/invantray/categories', { name, ...(parentId ? { parentId } : {}) });
const sku = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

/** A receipt and its balance straight in the tables (warehouses and stock belong to other slices). */
async function insertMove(itemId: string, quantity: string): Promise<void> {
  const { id: warehouseId } = await given.warehouse();
  const locationId = await given.location(warehouseId, { code: 'BIN' });
  await platform.db.query(
    `insert into invantray.stock_moves (tenant_id, id, kind, item_id, quantity, to_location_id, unit_cost, batch_id)
     values ($1, $2, 'receipt', $3, $4, $5, 2, $6)`,
    [tenantId, randomUUID(), itemId, quantity, locationId, randomUUID()],
  );
  await platform.db.query(
    `insert into invantray.stock_balances (tenant_id, item_id, location_id, warehouse_id, on_hand, reserved)
     values ($1, $2, $3, $4, $5, 1)`,
    [tenantId, itemId, locationId, warehouseId, quantity],
  );
}

describe('items', () => {
  it('creates an item with units, barcodes and a category path, announces it and reads it back', async () => {
    const tools = await createCategory(`Tools ${randomUUID().slice(0, 6)}`);
    const power = await createCategory('Power tools', tools.body.id);
    const supplierId = await given.supplier({ name: 'Bosch', currency: 'EUR' });
    const code = `400${Date.now()}`;

    const created = await createItem(warehouse, {
      sku: sku('DRL'),
      name: 'Cordless drill',
      description: 'Two batteries',
      categoryId: power.body.id,
      unit: 'each',
      units: [{ unit: 'box', factor: '6' }],
      barcodes: [{ code }, { code: `${code}9`, unit: 'BOX' }],
      tracking: 'serial',
      defaultSupplierId: supplierId,
      images: ['https://images.example.com/drill.png'],
    });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/invantray/items/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'Cordless drill',
      unit: 'each',
      units: [{ unit: 'box', factor: '6' }],
      barcodes: [
        { code, unit: null },
        { code: `${code}9`, unit: 'box' },
      ],
      tracking: 'serial',
      costMethod: 'moving_average',
      averageCost: '0',
      defaultSupplierId: supplierId,
      category: { id: power.body.id, name: 'Power tools', path: [tools.body.name, 'Power tools'] },
      stock: { onHand: '0', reserved: '0', available: '0' },
      createdBy: warehouse.userId,
      version: 1,
    });
    const read = await call(viewer, 'GET', `/v1/invantray/items/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
    const { rows } = await platform.db.query(
      `select type from platform.outbox
        where envelope->>'source' = 'halooid.invantray' and envelope->'data'->'item'->>'id' = $1`,
      [created.body.id],
    );
    expect(rows.map((row) => row.type)).toEqual(['item.created']);
    expect(await auditRecords(platform, 'invantray.item.created', { targetId: created.body.id })).toEqual([
      expect.objectContaining({ actorId: warehouse.userId, targetType: 'invantray.item' }),
    ]);
  });

  it('answers a taken SKU (any case) or barcode with 409 naming the item that has it', async () => {
    const first = await createItem(warehouse, {
      sku: sku('dup'),
      name: 'First',
      barcodes: [{ code: sku('BC') }],
    });

    const sameSku = await createItem(warehouse, { sku: first.body.sku.toUpperCase(), name: 'Second' });
    const sameBarcode = await createItem(warehouse, {
      sku: sku('dup'),
      name: 'Third',
      barcodes: [{ code: first.body.barcodes[0].code }],
    });
    const twiceInOne = await createItem(warehouse, {
      sku: sku('dup'),
      name: 'Fourth',
      barcodes: [{ code: 'X1' }, { code: 'X1' }],
    });

    expect(sameSku.status).toBe(409);
    expect(sameSku.body).toMatchObject({ code: 'duplicate_sku', existingId: first.body.id });
    expect(sameBarcode.status).toBe(409);
    expect(sameBarcode.body).toMatchObject({ code: 'duplicate_barcode', existingId: first.body.id });
    expect(twiceInOne.status).toBe(400);
    expect(twiceInOne.body.errors[0]).toMatchObject({
      field: 'body.barcodes.1.code',
      code: 'duplicate_barcode',
    });
    const { rows } = await platform.db.query(
      `select count(*)::int as count from invantray.items where tenant_id = $1 and name in ('Second', 'Third', 'Fourth')`,
      [tenantId],
    );
    expect(rows[0]?.count).toBe(0);
  });

  it('honours Idempotency-Key: a replayed create makes one item', async () => {
    const key = randomUUID();
    const body = { sku: sku('IDEM'), name: 'Once' };
    const send = () =>
      platform.request('POST', '/v1/invantray/items', {
        headers: { ...warehouse.headers('acme'), 'Idempotency-Key': key },
        body,
      });

    const first = await send();
    const again = await send();

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('refuses a category or default supplier that does not exist with 422', async () => {
    const category = await createItem(warehouse, { sku: sku('X'), name: 'X', categoryId: randomUUID() });
    const supplier = await createItem(warehouse, {
      sku: sku('X'),
      name: 'X',
      defaultSupplierId: randomUUID(),
    });

    expect(category.status).toBe(422);
    expect(category.body.code).toBe('category_not_found');
    expect(supplier.status).toBe(422);
    expect(supplier.body.code).toBe('supplier_not_found');
  });

  it('filters by search, barcode, category subtree, supplier, tracking and active, and sorts', async () => {
    const tag = randomUUID().slice(0, 6);
    const root = await createCategory(`Root ${tag}`);
    const child = await createCategory('Child', root.body.id);
    const other = await createCategory(`Other ${tag}`);
    const supplierId = await given.supplier({ name: 'S', currency: 'EUR' });
    const inRoot = await createItem(warehouse, {
      sku: `B-${tag}`,
      name: `Bolt ${tag}`,
      categoryId: root.body.id,
    });
    const inChild = await createItem(warehouse, {
      sku: `A-${tag}`,
      name: `Anchor ${tag}`,
      categoryId: child.body.id,
      tracking: 'lot',
      defaultSupplierId: supplierId,
      barcodes: [{ code: `SCAN${tag}123` }],
    });
    const elsewhere = await createItem(warehouse, {
      sku: `C-${tag}`,
      name: `Cable ${tag}`,
      categoryId: other.body.id,
    });
    const retired = await createItem(warehouse, {
      sku: `D-${tag}`,
      name: `Dowel ${tag}`,
      categoryId: root.body.id,
      active: false,
    });
    const list = (query: string) => call(viewer, 'GET', `/v1/invantray/items?limit=100&${query}`);

    expect(ids((await list(`categoryId=${root.body.id}`)).body)).toEqual([inChild.body.id, inRoot.body.id]);
    expect(ids((await list(`categoryId=${child.body.id}`)).body)).toEqual([inChild.body.id]);
    expect(ids((await list(`categoryId=${root.body.id}&active=all&sort=sku`)).body)).toEqual([
      inChild.body.id,
      inRoot.body.id,
      retired.body.id,
    ]);
    expect(ids((await list(`categoryId=${root.body.id}&active=false`)).body)).toEqual([retired.body.id]);
    expect(ids((await list(`q=${tag}&sort=-name`)).body)).toEqual([
      elsewhere.body.id,
      inRoot.body.id,
      inChild.body.id,
    ]);
    expect(ids((await list(`q=SCAN${tag}`)).body)).toEqual([inChild.body.id]);
    expect(ids((await list(`supplierId=${supplierId}`)).body)).toEqual([inChild.body.id]);
    expect(ids((await list(`q=${tag}&tracking=lot`)).body)).toEqual([inChild.body.id]);
    const page = await call(viewer, 'GET', `/v1/invantray/items?limit=1&q=${tag}&sort=sku`);
    const next = await call(
      viewer,
      'GET',
      `/v1/invantray/items?limit=1&q=${tag}&sort=sku&cursor=${page.body.nextCursor}`,
    );
    expect([...ids(page.body), ...ids(next.body)]).toEqual([inChild.body.id, inRoot.body.id]);
    expect((await list('sort=price')).status).toBe(400);
    const csv = await call(viewer, 'GET', `/v1/invantray/items/export?categoryId=${root.body.id}&sort=sku`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(header?.slice(0, 7)).toEqual([
      'sku',
      'name',
      'description',
      'category',
      'unit',
      'units',
      'barcodes',
    ]);
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      [`A-${tag}`, `Root ${tag} / Child`],
      [`B-${tag}`, `Root ${tag}`],
    ]);
  });

  it('changes an item with its version, names the changes, and refuses a stale version', async () => {
    const item = await createItem(warehouse, {
      sku: sku('P'),
      name: 'Before',
      units: [{ unit: 'box', factor: '10' }],
    });

    const changed = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 1,
      name: 'After',
      units: [
        { unit: 'box', factor: '12' },
        { unit: 'pallet', factor: '480' },
      ],
      barcodes: [{ code: `${item.body.sku}-BOX`, unit: 'box' }],
    });
    const stale = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 1,
      name: 'Lost',
    });
    const unchanged = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 2,
      name: 'After',
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'After',
      version: 2,
      units: [
        { unit: 'box', factor: '12' },
        { unit: 'pallet', factor: '480' },
      ],
      barcodes: [{ code: `${item.body.sku}-BOX`, unit: 'box' }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(unchanged.body.version).toBe(2);
    const { rows } = await platform.db.query(
      `select envelope->'data'->'changes' as changes from platform.outbox
        where type = 'item.updated' and envelope->'data'->'item'->>'id' = $1`,
      [item.body.id],
    );
    expect(rows.map((row) => row.changes)).toEqual([['name', 'units', 'barcodes']]);
  });

  it('fixes the unit and tracking once the item has a stock move, and shows its stock totals', async () => {
    const item = await createItem(warehouse, { sku: sku('MV'), name: 'Moved' });
    const before = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 1,
      tracking: 'lot',
    });
    expect(before.status).toBe(200);
    await insertMove(item.body.id, '7.5');

    const unit = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 2,
      unit: 'kg',
    });
    const tracking = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 2,
      tracking: 'none',
    });
    const name = await call(warehouse, 'PATCH', `/v1/invantray/items/${item.body.id}`, {
      version: 2,
      name: 'Renamed',
    });

    expect(unit.status).toBe(422);
    expect(unit.body.code).toBe('item_has_moves');
    expect(tracking.status).toBe(422);
    expect(name.status).toBe(200);
    expect(name.body.stock).toEqual({ onHand: '7.5', reserved: '1', available: '6.5' });
    const listed = await call(viewer, 'GET', `/v1/invantray/items?q=${item.body.sku}`);
    expect(listed.body.items[0].stock).toEqual({ onHand: '7.5', reserved: '1', available: '6.5' });
  });

  it('lets a viewer read but not write, a warehouse manager write, and keeps tenants apart', async () => {
    const mine = await createItem(warehouse, { sku: sku('T'), name: 'Acme only' });

    const byViewer = await createItem(viewer, { sku: sku('V'), name: 'Not allowed' });
    const patchByViewer = await call(viewer, 'PATCH', `/v1/invantray/items/${mine.body.id}`, {
      version: 1,
      name: 'x',
    });
    const fromGlobex = await call(
      globexOwner,
      'GET',
      `/v1/invantray/items/${mine.body.id}`,
      undefined,
      'globex',
    );
    const globexList = await call(globexOwner, 'GET', '/v1/invantray/items?limit=100', undefined, 'globex');
    const anonymous = await platform.request('GET', '/v1/invantray/items');
    const tooLong = await createItem(warehouse, { sku: sku('L'), name: 'x'.repeat(201) });

    expect(mine.status).toBe(201);
    expect(byViewer.status).toBe(403);
    expect(patchByViewer.status).toBe(403);
    expect(fromGlobex.status).toBe(404);
    expect(ids(globexList.body)).not.toContain(mine.body.id);
    expect(anonymous.status).toBe(401);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('body.name');
  });
});

describe('reorder settings', () => {
  it('sets, lists, overwrites with a version check and deletes an item’s reorder point per warehouse', async () => {
    const item = await createItem(warehouse, { sku: sku('RO'), name: 'Reordered' });
    const [east, west] = [(await given.warehouse()).id, (await given.warehouse()).id];
    const path = (warehouseId: string) =>
      `/v1/invantray/items/${item.body.id}/reorder-settings/${warehouseId}`;

    const set = await call(warehouse, 'PUT', path(east), { reorderPoint: '10', reorderQuantity: '50.5' });
    await call(warehouse, 'PUT', path(west), { reorderPoint: '0', reorderQuantity: '1' });
    const overwritten = await call(warehouse, 'PUT', path(east), {
      reorderPoint: '12',
      reorderQuantity: '60',
      version: 1,
    });
    const stale = await call(warehouse, 'PUT', path(east), {
      reorderPoint: '1',
      reorderQuantity: '1',
      version: 1,
    });
    const zeroQuantity = await call(warehouse, 'PUT', path(east), {
      reorderPoint: '1',
      reorderQuantity: '0',
    });
    const noWarehouse = await call(warehouse, 'PUT', path(randomUUID()), {
      reorderPoint: '1',
      reorderQuantity: '1',
    });
    const byViewer = await call(viewer, 'PUT', path(east), { reorderPoint: '1', reorderQuantity: '1' });
    const deleted = await call(warehouse, 'DELETE', path(west));
    const deletedAgain = await call(warehouse, 'DELETE', path(west));
    const list = await call(viewer, 'GET', `/v1/invantray/items/${item.body.id}/reorder-settings`);

    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      warehouseId: east,
      reorderPoint: '10',
      reorderQuantity: '50.5',
      version: 1,
    });
    expect(overwritten.body).toMatchObject({ reorderPoint: '12', reorderQuantity: '60', version: 2 });
    expect(stale.status).toBe(409);
    expect(zeroQuantity.status).toBe(400);
    expect(noWarehouse.status).toBe(404);
    expect(byViewer.status).toBe(403);
    expect(deleted.status).toBe(204);
    expect(deletedAgain.status).toBe(404);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        itemId: item.body.id,
        warehouseId: east,
        reorderPoint: '12',
        reorderQuantity: '60',
      }),
    ]);
  });
});

describe('categories', () => {
  it('lists the tree with paths and subtree item counts, a parent before its children', async () => {
    const tag = randomUUID().slice(0, 6);
    const top = await createCategory(`Top ${tag}`);
    const b = await createCategory('b second', top.body.id);
    const a = await createCategory('A first', top.body.id);
    const leaf = await createCategory('Leaf', a.body.id);
    await createItem(warehouse, { sku: sku('C'), name: 'In leaf', categoryId: leaf.body.id });
    await createItem(warehouse, { sku: sku('C'), name: 'In top', categoryId: top.body.id });

    const list = await call(viewer, 'GET', '/v1/invantray/categories');

    expect(list.status).toBe(200);
    const mine = list.body.items.filter((category: { path: string[] }) => category.path[0] === `Top ${tag}`);
    expect(
      mine.map((category: { path: string[]; itemCount: number }) => [category.path, category.itemCount]),
    ).toEqual([
      [[`Top ${tag}`], 2],
      [[`Top ${tag}`, 'A first'], 1],
      [[`Top ${tag}`, 'A first', 'Leaf'], 1],
      [[`Top ${tag}`, 'b second'], 0],
    ]);
    expect(mine[1]).toMatchObject({ id: a.body.id, parentId: top.body.id, directItemCount: 0 });
    expect(b.status).toBe(201);
  });

  it('keeps sibling names unique, refuses cycles and deletes only empty categories', async () => {
    const tag = randomUUID().slice(0, 6);
    const top = await createCategory(`Cycle ${tag}`);
    const middle = await createCategory('Middle', top.body.id);
    const bottom = await createCategory('Bottom', middle.body.id);
    const elsewhere = await createCategory(`Else ${tag}`);

    const twin = await createCategory('MIDDLE', top.body.id);
    const underItself = await call(admin, 'PATCH', `/v1/invantray/categories/${top.body.id}`, {
      version: 1,
      parentId: bottom.body.id,
    });
    const self = await call(admin, 'PATCH', `/v1/invantray/categories/${top.body.id}`, {
      version: 1,
      parentId: top.body.id,
    });
    const moved = await call(admin, 'PATCH', `/v1/invantray/categories/${middle.body.id}`, {
      version: 1,
      parentId: elsewhere.body.id,
      name: 'Moved',
    });
    const stale = await call(admin, 'PATCH', `/v1/invantray/categories/${middle.body.id}`, {
      version: 1,
      name: 'x',
    });
    const withChildren = await call(admin, 'DELETE', `/v1/invantray/categories/${middle.body.id}`);
    await createItem(warehouse, { sku: sku('C'), name: 'Filed', categoryId: bottom.body.id });
    const withItems = await call(admin, 'DELETE', `/v1/invantray/categories/${bottom.body.id}`);
    const empty = await call(admin, 'DELETE', `/v1/invantray/categories/${top.body.id}`);
    const byViewer = await call(viewer, 'POST', '/v1/invantray/categories', { name: 'Nope' });

    expect(twin.status).toBe(409);
    expect(twin.body).toMatchObject({ code: 'duplicate_category', existingId: middle.body.id });
    expect(underItself.status).toBe(422);
    expect(underItself.body.code).toBe('category_cycle');
    expect(self.status).toBe(422);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      name: 'Moved',
      parentId: elsewhere.body.id,
      path: [`Else ${tag}`, 'Moved'],
    });
    expect(stale.status).toBe(409);
    expect(withChildren.status).toBe(409);
    expect(withChildren.body).toMatchObject({ code: 'category_in_use', children: 1, items: 0 });
    expect(withItems.status).toBe(409);
    expect(withItems.body).toMatchObject({ code: 'category_in_use', children: 0, items: 1 });
    expect(empty.status).toBe(204);
    expect((await call(admin, 'GET', `/v1/invantray/categories/${top.body.id}`)).status).toBe(404);
    expect(byViewer.status).toBe(403);
  });
});
