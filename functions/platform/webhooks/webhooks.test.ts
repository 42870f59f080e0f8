import { describe, expect, it } from 'vitest';
import { webhookRetryDelays } from './delivery-worker';
import { signPayload, verifySignature } from './signature';

describe('webhook signatures', () => {
  it('signs "t.body" with HMAC-SHA256 and verifies in constant time', () => {
    const header = signPayload('whsec_test', '{"a":1}', 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_test', '{"a":1}', header, { now: 1_700_000_010 })).toBe(true);
    expect(verifySignature('whsec_test', '{"a":2}', header, { now: 1_700_000_010 })).toBe(false);
    expect(verifySignature('whsec_other', '{"a":1}', header, { now: 1_700_000_010 })).toBe(false);
    expect(verifySignature('whsec_test', '{"a":1}', header, { now: 1_700_001_000 })).toBe(false);
  });
});

describe('webhook retry schedule', () => {
  it('is about 1 s, 5 s, 30 s, 2 min, 10 min, then hourly up to 24 h; scalable', () => {
    const delays = webhookRetryDelays();
    expect(delays.slice(0, 6)).toEqual([1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000]);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(24 * 3_600_000);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(23 * 3_600_000);
    expect(webhookRetryDelays(0.01).slice(0, 2)).toEqual([10, 50]);
  });
});
