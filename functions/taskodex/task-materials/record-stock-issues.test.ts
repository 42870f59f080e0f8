import type { Tx } from '@halooid/shared/db/transaction';
import { describe, expect, it } from 'vitest';
import { recordStockIssues } from './record-stock-issues';

const tenantId = '0195e0a0-0000-7000-8000-000000000001';
const task = '0195e0a0-0000-7000-8000-00000000000a';
const goneTask = '0195e0a0-0000-7000-8000-00000000000b';
const user = '0195e0a0-0000-7000-8000-0000000000ff';

const move = (kind: string, reference: { type: string; id: string } | null, id = 'c') => ({
  id: `0195e0a0-0000-7000-8000-00000000010${id}`,
  kind,
  itemId: '0195e0a0-0000-7000-8000-000000000020',
  sku: 'DR-1',
  lotId: null,
  quantity: '2.5',
  unit: 'each',
  fromLocationId: '0195e0a0-0000-7000-8000-000000000030',
  toLocationId: null,
  fromWarehouseId: '0195e0a0-0000-7000-8000-000000000040',
  toWarehouseId: null,
  unitCost: '4',
  reference,
  note: null,
  postedAt: '2026-01-01T00:00:00.000Z',
});

/** A transaction that knows one live task and records the activity insert. */
function fakeTx() {
  const inserts: unknown[][] = [];
  const tx = {
    query: async (text: string, values: unknown[]) => {
      if (text.includes('from taskodex.tasks'))
        return { rows: (values[1] as string[]).filter((id) => id === task).map((id) => ({ id })) };
      inserts.push(values);
      return { rows: [] };
    },
  } as unknown as Tx;
  return { tx, inserts };
}

describe('recordStockIssues', () => {
  it('records only issue moves naming a task the tenant has, with the poster as actor', async () => {
    const { tx, inserts } = fakeTx();
    const data = {
      batchId: '0195e0a0-0000-7000-8000-000000000050',
      moves: [
        move('issue', { type: 'task', id: task }, 'a'),
        move('issue', { type: 'task', id: goneTask }, 'b'),
        move('issue', { type: 'task', id: 'not-a-uuid' }, 'c'),
        move('transfer', { type: 'task', id: task }, 'd'),
        move('issue', { type: 'asset', id: task }, 'e'),
      ],
    };

    const written = await recordStockIssues(
      { tenantId, actor: { type: 'user', id: user }, data },
      { tx, logger: { info: () => {} } },
    );

    expect(written).toBe(1);
    const values = inserts[0] ?? [];
    expect(values[2]).toEqual([task]);
    expect(values[3]).toEqual([user]);
    expect(values[4]).toEqual(['stock_issued']);
    expect(JSON.parse(String((values[7] as string[])[0]))).toMatchObject({
      itemId: move('issue', null).itemId,
      sku: 'DR-1',
      quantity: '2.5',
      unit: 'each',
      moveId: move('issue', null, 'a').id,
    });
  });

  it('writes nothing for a batch without task issues', async () => {
    const { tx, inserts } = fakeTx();

    const written = await recordStockIssues(
      {
        tenantId,
        actor: { type: 'system', id: 'halooid' },
        data: { batchId: task, moves: [move('receipt', null)] },
      },
      { tx, logger: { info: () => {} } },
    );

    expect(written).toBe(0);
    expect(inserts).toEqual([]);
  });
});
