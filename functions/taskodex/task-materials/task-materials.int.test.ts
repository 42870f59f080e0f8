import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import { uuidv7 } from '@halooid/shared/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let warehouse: Session;
let tenantId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, warehouse] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('warehouse@acme.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
});

afterAll(async () => {
  await platform?.stop();
});

const call = (as: Session, method: string, path: string, body?: unknown) =>
  platform.request(method, path, { headers: as.headers('acme'), body });

/** A bin to issue from, straight in the tables (warehouses are another slice's). */
async function insertBin(): Promise<string> {
  const [warehouseId, locationId] = [randomUUID(), randomUUID()];
  await platform.db.query(
    'insert into invantray.warehouses (tenant_id, id, code, name) values ($1, $2, $3, $4)',
    [tenantId, warehouseId, `T${warehouseId.slice(0, 6)}`, 'Task stock'],
  );
  await platform.db.query(
    `insert into invantray.locations (tenant_id, id, warehouse_id, code, barcode) values ($1, $2, $3, 'BIN', $4)`,
    [tenantId, locationId, warehouseId, `LOC-${locationId}`],
  );
  return locationId;
}

async function activityOf(taskId: string) {
  const { rows } = await platform.db.query<{ kind: string; actor_id: string | null; to_value: unknown }>(
    `select kind, actor_id, to_value from taskodex.task_activity
      where tenant_id = $1 and task_id = $2 and kind = 'stock_issued' order by created_at`,
    [tenantId, taskId],
  );
  return rows;
}

/** The outbox relays after commit; wait until the entries are there (or give up after a few seconds). */
async function settled(taskId: string, count: number) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await platform.events.bus.idle();
    if ((await activityOf(taskId)).length >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return activityOf(taskId);
}

async function deliver(...events: EventEnvelope[]) {
  await platform.events.bus.publish(events);
  await platform.events.bus.idle();
  expect(platform.events.bus.deadLetters()).toEqual([]);
}

describe('stock issued against a Taskodex task', () => {
  it('lands on the task’s activity once, with item, quantity and unit, and sums in its materials', async () => {
    const task = await call(admin, 'POST', '/v1/taskodex/tasks', { title: 'Fit the new pump' });
    expect(task.status).toBe(201);
    const item = await call(warehouse, 'POST', '/v1/invantray/items', {
      sku: `PUMP-${randomUUID().slice(0, 6)}`,
      name: 'Pump seal',
    });
    expect(item.status).toBe(201);
    const bin = await insertBin();
    const received = await call(warehouse, 'POST', '/v1/invantray/stock/moves', {
      kind: 'receipt',
      lines: [{ itemId: item.body.id, quantity: '10', toStockLocationId: bin, unitCost: '4.50' }],
    });
    expect(received.status).toBe(201);

    const issue = () =>
      call(warehouse, 'POST', '/v1/invantray/stock/moves', {
        kind: 'issue',
        lines: [{ itemId: item.body.id, quantity: '2.5', fromStockLocationId: bin }],
        reference: { type: 'task', id: task.body.id },
      });
    expect((await issue()).status).toBe(201);
    expect((await issue()).status).toBe(201);

    const entries = await settled(task.body.id, 2);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      kind: 'stock_issued',
      actor_id: warehouse.userId,
      to_value: {
        itemId: item.body.id,
        sku: item.body.sku,
        quantity: '2.5',
        unit: 'each',
        fromLocationId: bin,
      },
    });
    const timeline = await call(admin, 'GET', `/v1/taskodex/tasks/${task.body.id}/activity`);
    expect(timeline.body.items.map((entry: { kind: string }) => entry.kind)).toEqual([
      'created',
      'stock_issued',
      'stock_issued',
    ]);
    const materials = await call(warehouse, 'GET', `/v1/taskodex/tasks/${task.body.id}/materials`);
    expect(materials.status).toBe(200);
    expect(materials.body.items).toEqual([
      expect.objectContaining({
        itemId: item.body.id,
        sku: item.body.sku,
        unit: 'each',
        quantity: '5',
        issues: 2,
      }),
    ]);

    // A replay of the same event (redelivery, archive replay) adds nothing.
    const { rows } = await platform.db.query<{ envelope: EventEnvelope }>(
      `select envelope from platform.outbox
        where type = 'stock.moved' and envelope->'data'->'moves'->0->'reference'->>'id' = $1`,
      [task.body.id],
    );
    expect(rows).toHaveLength(2);
    await deliver(...rows.map((row) => row.envelope));
    expect(await activityOf(task.body.id)).toHaveLength(2);
  });

  it('ignores issues against unknown or deleted tasks and moves that are not task issues', async () => {
    const task = await call(admin, 'POST', '/v1/taskodex/tasks', { title: 'Cancelled job' });
    expect((await call(admin, 'DELETE', `/v1/taskodex/tasks/${task.body.id}`)).status).toBe(204);
    const kept = await call(admin, 'POST', '/v1/taskodex/tasks', { title: 'Kept job' });
    const move = (kind: string, taskId: string) => ({
      id: uuidv7(),
      kind,
      itemId: randomUUID(),
      sku: 'GHOST',
      lotId: null,
      quantity: '1',
      unit: 'each',
      fromLocationId: kind === 'receipt' ? null : randomUUID(),
      toLocationId: kind === 'receipt' ? randomUUID() : null,
      fromWarehouseId: null,
      toWarehouseId: null,
      unitCost: '0',
      reference: { type: 'task', id: taskId },
      note: null,
      postedAt: new Date().toISOString(),
    });

    await deliver({
      id: uuidv7(),
      source: 'halooid.invantray',
      type: 'stock.moved',
      version: 1,
      tenantId,
      occurredAt: new Date().toISOString(),
      actor: { type: 'system', id: 'halooid' },
      data: {
        batchId: randomUUID(),
        moves: [move('issue', task.body.id), move('issue', randomUUID()), move('receipt', kept.body.id)],
      },
    });

    expect(await activityOf(task.body.id)).toEqual([]);
    expect(await activityOf(kept.body.id)).toEqual([]);
    expect((await call(admin, 'GET', `/v1/taskodex/tasks/${task.body.id}/materials`)).status).toBe(404);
  });
});
