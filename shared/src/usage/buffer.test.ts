import { describe, expect, it } from 'vitest';
import { type RequestUsage, type TenantBatch, UsageBuffer } from './buffer';
import { bucketIndex } from './histogram';

const ACME = '0192f0a0-0000-7000-8000-000000000001';
const GLOBEX = '0192f0a0-0000-7000-8000-000000000002';
const AT = new Date('2026-12-06T14:25:00Z');

function request(overrides: Partial<RequestUsage> = {}): RequestUsage {
  return {
    tenantId: ACME,
    product: 'taskodex',
    principal: 'user',
    status: 200,
    latencyMs: 20,
    at: AT,
    ...overrides,
  };
}

function bufferWith(options: { maxRows?: number; maxAgeMs?: number; fail?: string } = {}) {
  const written: TenantBatch[] = [];
  const dropped: TenantBatch[] = [];
  let now = 0;
  const buffer = new UsageBuffer({
    write: async (batch) => {
      if (batch.tenantId === options.fail) throw new Error('tenant gone');
      written.push(batch);
    },
    maxRows: options.maxRows,
    maxAgeMs: options.maxAgeMs,
    now: () => now,
    onError: (_error, batch) => dropped.push(batch),
  });
  return { buffer, written, dropped, advance: (ms: number) => (now += ms) };
}

describe('UsageBuffer', () => {
  it('adds requests of one tenant, hour, product and principal into one row', async () => {
    const { buffer, written } = bufferWith();
    buffer.record(request({ latencyMs: 20 }));
    buffer.record(request({ status: 404, latencyMs: 30 }));
    buffer.record(request({ status: 503, latencyMs: 700 }));
    buffer.record(request({ at: new Date('2026-12-06T15:00:00Z') }));

    await buffer.flush();

    expect(written).toHaveLength(1);
    const [first, second] = written[0]?.usage ?? [];
    expect(first).toMatchObject({
      hour: '2026-12-06T14:00:00.000Z',
      product: 'taskodex',
      principal: 'user',
      requests: 3,
      errors: 1,
      clientErrors: 1,
      latencyMsSum: 750,
    });
    expect(first?.latencyBuckets[bucketIndex(20)]).toBe(1);
    expect(first?.latencyBuckets[bucketIndex(700)]).toBe(1);
    expect(second).toMatchObject({ hour: '2026-12-06T15:00:00.000Z', requests: 1 });
    expect(buffer.size).toBe(0);
  });

  it("counts an API key's networks, not a person's", async () => {
    const { buffer, written } = bufferWith();
    buffer.record(
      request({ principal: 'apikey:k1', sourceIp: '203.0.113.5', at: new Date('2026-12-06T14:01:00Z') }),
    );
    buffer.record(
      request({ principal: 'apikey:k1', sourceIp: '203.0.113.9', at: new Date('2026-12-06T14:00:00Z') }),
    );
    buffer.record(request({ principal: 'apikey:k1', sourceIp: '198.51.100.1' }));
    buffer.record(request({ principal: 'user', sourceIp: '192.0.2.1' }));

    await buffer.flush();

    expect(written[0]?.networks).toEqual([
      {
        keyId: 'k1',
        network: '203.0.113.0/24',
        firstSeen: '2026-12-06T14:00:00.000Z',
        lastSeen: '2026-12-06T14:01:00.000Z',
        requests: 2,
      },
      {
        keyId: 'k1',
        network: '198.51.100.0/24',
        firstSeen: AT.toISOString(),
        lastSeen: AT.toISOString(),
        requests: 1,
      },
    ]);
  });

  it('is due at its row limit or when its oldest request reaches the age limit', () => {
    const sized = bufferWith({ maxRows: 2, maxAgeMs: 60_000 });
    sized.buffer.record(request());
    expect(sized.buffer.due()).toBe(false);
    sized.buffer.record(request({ product: 'qultrix' }));
    expect(sized.buffer.due()).toBe(true);

    const aged = bufferWith({ maxRows: 100, maxAgeMs: 60_000 });
    expect(aged.buffer.due()).toBe(false);
    aged.buffer.record(request());
    aged.advance(59_999);
    expect(aged.buffer.due()).toBe(false);
    aged.advance(1);
    expect(aged.buffer.due()).toBe(true);
  });

  it("writes one batch per tenant, and one tenant's failure drops only its own batch", async () => {
    const { buffer, written, dropped } = bufferWith({ fail: GLOBEX });
    buffer.record(request());
    buffer.record(request({ tenantId: GLOBEX }));

    await buffer.flush();

    expect(written.map((batch) => batch.tenantId)).toEqual([ACME]);
    expect(dropped.map((batch) => batch.tenantId)).toEqual([GLOBEX]);
    expect(buffer.due()).toBe(false);
  });

  it('keeps requests answered during a flush for the next one', async () => {
    let release: () => void = () => {};
    const batches: TenantBatch[] = [];
    const buffer = new UsageBuffer({
      write: (batch) => {
        batches.push(batch);
        return batches.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    buffer.record(request());
    const first = buffer.flush();
    buffer.record(request({ product: 'qultrix' }));
    const second = buffer.flush();
    release();
    await Promise.all([first, second]);

    expect(batches.map((batch) => batch.usage.map((row) => row.product))).toEqual([
      ['taskodex'],
      ['qultrix'],
    ]);
  });
});
