import { describe, expect, it } from 'vitest';
import { createDeliveryPool } from './delivery-pool';

interface Item {
  tenant_id: string;
  id: string;
}

/** A gate a fake delivery waits at, opened by the test. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** A queue claimed like the worker's query: round-robin by tenant, within `free` and each tenant's cap. */
function fakeQueue(perTenant: number) {
  const queue: Item[] = [];
  const claims: Map<string, number>[] = [];
  const claim = async (free: number, running: ReadonlyMap<string, number>) => {
    claims.push(new Map(running));
    const taken = new Map(running);
    const picked: Item[] = [];
    for (let round = 0; picked.length < free && queue.length > 0 && round < 100; round++) {
      for (const tenant of [...new Set(queue.map((item) => item.tenant_id))]) {
        if (picked.length >= free || (taken.get(tenant) ?? 0) >= perTenant) continue;
        const index = queue.findIndex((item) => item.tenant_id === tenant);
        picked.push(...queue.splice(index, 1));
        taken.set(tenant, (taken.get(tenant) ?? 0) + 1);
      }
    }
    return picked;
  };
  return { queue, claims, claim };
}

describe('webhook delivery pool', () => {
  it('starts new deliveries while a slow one is still in flight (no batch-and-wait)', async () => {
    const { queue, claim } = fakeQueue(2);
    const slow = gate();
    const finished: string[] = [];
    const pool = createDeliveryPool<Item>({
      concurrency: 4,
      perTenant: 2,
      claim,
      deliver: async (item) => {
        if (item.tenant_id === 'a') await slow.opened;
        finished.push(item.id);
      },
      onError: () => {},
    });
    queue.push({ tenant_id: 'a', id: 'a1' });
    expect(await pool.fill()).toBe(1);

    queue.push({ tenant_id: 'b', id: 'b1' });
    expect(await pool.fill()).toBe(1);
    while (!finished.includes('b1')) await pool.settle(50);

    expect(finished).toEqual(['b1']);
    expect(pool.inFlight).toBe(1);
    slow.open();
    await pool.drain();
    expect(finished).toEqual(['b1', 'a1']);
  });

  it('tells the claim what each tenant has in flight, and frees the slot when a delivery ends', async () => {
    const { queue, claims, claim } = fakeQueue(2);
    const slow = gate();
    const pool = createDeliveryPool<Item>({
      concurrency: 4,
      perTenant: 2,
      claim,
      deliver: async (item) => {
        if (item.tenant_id === 'a') await slow.opened;
      },
      onError: () => {},
    });
    queue.push(...['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => ({ tenant_id: 'a', id })));
    expect(await pool.fill()).toBe(2);

    queue.push({ tenant_id: 'b', id: 'b1' });
    expect(await pool.fill()).toBe(1);

    expect(claims.at(-1)).toEqual(new Map([['a', 2]]));
    slow.open();
    await pool.drain();
    expect(await pool.fill()).toBe(2);
    expect(claims.at(-1)).toEqual(new Map());
    await pool.drain();
  });

  it('a failing delivery is reported and frees its slot', async () => {
    const { queue, claim } = fakeQueue(1);
    const errors: string[] = [];
    const pool = createDeliveryPool<Item>({
      concurrency: 1,
      perTenant: 1,
      claim,
      deliver: async () => {
        throw new Error('database gone');
      },
      onError: (error, item) => errors.push(`${item.id}: ${(error as Error).message}`),
    });
    queue.push({ tenant_id: 'a', id: 'a1' }, { tenant_id: 'a', id: 'a2' });

    expect(await pool.fill()).toBe(1);
    await pool.drain();
    expect(await pool.fill()).toBe(1);
    await pool.drain();

    expect(errors).toEqual(['a1: database gone', 'a2: database gone']);
    expect(pool.inFlight).toBe(0);
  });
});
