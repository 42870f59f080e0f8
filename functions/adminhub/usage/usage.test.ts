import type { LocalDeadLetter } from '@halooid/shared/metrics/local-dead-letters';
import { bucketIndex, emptyBuckets } from '@halooid/shared/usage/histogram';
import { describe, expect, it } from 'vitest';
import { tenantDeadLetters } from './dead-letters';
import { listDeadLetters } from './list-dead-letters';
import { redriveDeadLetters } from './redrive-dead-letters';
import { daySeries, last24Hours, productLatencies, storageEstimate, UNMEASURED_ROW_BYTES } from './report';
import type { ProductHourRow } from './repository';

const ACME = '0192f0a0-0000-7000-8000-00000000000a';
const GLOBEX = '0192f0a0-0000-7000-8000-00000000000b';

function hourRow(
  product: string,
  hour: string,
  requests: number,
  latencyMs: number,
  errors = 0,
): ProductHourRow {
  const latency_buckets = emptyBuckets();
  latency_buckets[bucketIndex(latencyMs)] = requests;
  return { product, hour: new Date(hour), requests, errors, client_errors: 0, latency_buckets };
}

describe('usage report', () => {
  it('lists every day of the window against the quota, days without requests as zero', () => {
    const days = daySeries(
      '2026-12-04',
      '2026-12-06',
      [{ day: '2026-12-05', requests: 2_500, errors: 3, client_errors: 7 }],
      10_000,
    );

    expect(days).toEqual([
      { date: '2026-12-04', requests: 0, errors: 0, clientErrors: 0, quotaUsed: 0 },
      { date: '2026-12-05', requests: 2_500, errors: 3, clientErrors: 7, quotaUsed: 0.25 },
      { date: '2026-12-06', requests: 0, errors: 0, clientErrors: 0, quotaUsed: 0 },
    ]);
  });

  it('adds hours into each product, its error rate and percentiles from the summed histograms, busiest first', () => {
    const products = productLatencies([
      hourRow('adminhub', '2026-12-06T10:00:00Z', 5, 20),
      hourRow('taskodex', '2026-12-06T10:00:00Z', 90, 8, 1),
      hourRow('taskodex', '2026-12-06T11:00:00Z', 10, 90, 1),
    ]);

    expect(products.map((product) => product.product)).toEqual(['taskodex', 'adminhub']);
    expect(products[0]).toEqual({
      product: 'taskodex',
      requests: 100,
      errors: 2,
      clientErrors: 0,
      errorRate: 0.02,
      p95Ms: 87.5,
      p99Ms: 97.5,
    });
  });

  it('gives each product 24 hourly points, oldest first, empty hours with no percentile', () => {
    const first = new Date('2026-12-05T15:00:00Z');
    const [product] = last24Hours([hourRow('taskodex', '2026-12-06T14:00:00Z', 4, 20)], first);

    expect(product?.hourly).toHaveLength(24);
    expect(product?.hourly[0]).toEqual({
      hour: '2026-12-05T15:00:00.000Z',
      requests: 0,
      errors: 0,
      clientErrors: 0,
      p95Ms: null,
    });
    expect(product?.hourly[23]).toMatchObject({ hour: '2026-12-06T14:00:00.000Z', requests: 4, p95Ms: 24.3 });
  });

  it("estimates storage as the tenant's rows times each table's average row size", () => {
    const storage = storageEstimate(
      [
        { table: 'taskodex.tasks', bytes: 1_000_000, tuples: 1_000 },
        { table: 'platform.audit_log', bytes: 8_192, tuples: 0 },
        { table: 'qultrix.employees', bytes: 50_000, tuples: 100 },
      ],
      new Map([
        ['taskodex.tasks', 10],
        ['platform.audit_log', 2],
      ]),
    );

    expect(storage).toEqual({
      method: 'row-estimate',
      rows: 12,
      estimatedBytes: 10_000 + 2 * UNMEASURED_ROW_BYTES,
      tables: [
        { table: 'taskodex.tasks', rows: 10, estimatedBytes: 10_000 },
        { table: 'platform.audit_log', rows: 2, estimatedBytes: 2 * UNMEASURED_ROW_BYTES },
      ],
    });
  });
});

function letter(id: string, tenantId: string, deadAt: string): LocalDeadLetter {
  return {
    id,
    rule: 'taskodex-tasks.due-soon',
    tenantId,
    eventId: id,
    eventType: 'taskodex.task.created',
    attempts: 3,
    error: 'consumer failed',
    deadAt,
  };
}

function bus() {
  const letters = [
    letter('0192f0a0-0000-7000-8000-000000000001', ACME, '2026-12-06T10:00:00.000Z'),
    letter('0192f0a0-0000-7000-8000-000000000002', ACME, '2026-12-06T11:00:00.000Z'),
    letter('0192f0a0-0000-7000-8000-000000000003', GLOBEX, '2026-12-06T12:00:00.000Z'),
  ];
  const sent: string[] = [];
  return {
    sent,
    source: {
      list: () => letters.filter((held) => !sent.includes(held.id)),
      redrive: (id: string) => {
        sent.push(id);
        return true;
      },
    },
  };
}

function fakeTx() {
  const statements: { text: string; values?: readonly unknown[] }[] = [];
  return {
    statements,
    tx: {
      query: (async (text: string, values?: readonly unknown[]) => {
        statements.push({ text, values });
        return { rows: [], rowCount: 1 };
      }) as never,
    },
  };
}

const actor = { principal: { principalId: 'u1', principalType: 'user' as const }, ip: '203.0.113.1' };

describe('dead letters', () => {
  it("lists only the tenant's own, newest first, and says when they cannot be read per tenant", () => {
    const { source } = bus();

    const listed = listDeadLetters(tenantDeadLetters(ACME, source));

    expect(listed.available).toBe(true);
    expect(listed.items.map((item) => item.id)).toEqual([
      '0192f0a0-0000-7000-8000-000000000002',
      '0192f0a0-0000-7000-8000-000000000001',
    ]);
    expect(listed.items[0]).not.toHaveProperty('tenantId');
    expect(listDeadLetters(tenantDeadLetters(ACME, undefined))).toEqual({ available: false, items: [] });
  });

  it("redrives all of the tenant's letters with one audit record, and nothing of another tenant", async () => {
    const { source, sent } = bus();
    const { tx, statements } = fakeTx();

    const result = await redriveDeadLetters({}, { tx, actor, letters: tenantDeadLetters(ACME, source) });

    expect(result.redriven).toHaveLength(2);
    expect(sent).not.toContain('0192f0a0-0000-7000-8000-000000000003');
    expect(statements).toHaveLength(1);
    expect(statements[0]?.values).toContain('adminhub.dead_letter.redriven');
  });

  it("refuses another tenant's letter with a 404 and sends nothing; 422 where letters are not per tenant", async () => {
    const { source, sent } = bus();
    const { tx, statements } = fakeTx();

    const foreign = redriveDeadLetters(
      { ids: ['0192f0a0-0000-7000-8000-000000000001', '0192f0a0-0000-7000-8000-000000000003'] },
      { tx, actor, letters: tenantDeadLetters(ACME, source) },
    );
    const unavailable = redriveDeadLetters({}, { tx, actor, letters: undefined });

    await expect(foreign).rejects.toMatchObject({ status: 404 });
    await expect(unavailable).rejects.toMatchObject({ status: 422, code: 'dead_letters_unavailable' });
    expect(sent).toEqual([]);
    expect(statements).toEqual([]);
  });
});
