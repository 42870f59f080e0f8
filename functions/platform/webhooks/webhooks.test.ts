import { describe, expect, it } from 'vitest';
import { webhookRetryDelays } from './delivery-worker';
import { signPayload, verifySignature } from './signature';
import { addressKind, refuseUrl, urlPolicyFor } from './url-guard';

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

describe('webhook URL guard', () => {
  it('classifies addresses', () => {
    expect(addressKind('127.0.0.1')).toBe('loopback');
    expect(addressKind('::1')).toBe('loopback');
    expect(addressKind('10.1.2.3')).toBe('private');
    expect(addressKind('172.20.0.1')).toBe('private');
    expect(addressKind('192.168.1.1')).toBe('private');
    expect(addressKind('169.254.169.254')).toBe('link-local');
    expect(addressKind('fe80::1')).toBe('link-local');
    expect(addressKind('fd00::1')).toBe('private');
    expect(addressKind('::ffff:10.0.0.1')).toBe('private');
    expect(addressKind('93.184.216.34')).toBe('public');
  });

  it('refuses loopback and http in AWS, allows loopback locally, never private or link-local', async () => {
    const aws = urlPolicyFor('prod');
    const local = urlPolicyFor('local');
    const resolve = async (host: string) => (host === 'internal.example' ? ['10.0.0.7'] : ['93.184.216.34']);
    expect(await refuseUrl('https://hooks.example/x', aws, resolve)).toBeUndefined();
    expect(await refuseUrl('http://hooks.example/x', aws, resolve)).toMatch(/https/);
    expect(await refuseUrl('https://127.0.0.1/x', aws, resolve)).toMatch(/loopback/);
    expect(await refuseUrl('https://internal.example/x', aws, resolve)).toMatch(/private/);
    expect(await refuseUrl('http://169.254.169.254/latest', local, resolve)).toMatch(/link-local/);
    expect(await refuseUrl('http://127.0.0.1:8080/x', local, resolve)).toBeUndefined();
    expect(await refuseUrl('ftp://hooks.example/x', local, resolve)).toMatch(/http/);
    expect(await refuseUrl('https://user:pw@hooks.example/x', aws, resolve)).toMatch(/Credentials/);
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
