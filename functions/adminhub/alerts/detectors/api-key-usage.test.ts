import { describe, expect, it } from 'vitest';
import {
  API_KEY_NEW_NETWORK,
  API_KEY_RATE_SPIKE,
  detectNewNetworks,
  detectRateSpikes,
  type KeyHour,
  type KeyNetwork,
} from './api-key-usage';

const TENANT = '0195e0a0-0000-7000-8000-000000000001';
const NOW = new Date('2026-12-06T10:30:00.000Z');
const HOUR = 3_600_000;
const CURRENT = Date.parse('2026-12-06T10:00:00.000Z');

/** `perHour` requests in each of the `hours` hours before the current one, then `now` in it. */
function usage(keyId: string, perHour: number, hours: number, now: number): KeyHour[] {
  return [
    ...Array.from({ length: hours }, (_, index) => ({
      tenantId: TENANT,
      keyId,
      hour: new Date(CURRENT - (index + 1) * HOUR),
      requests: perHour,
    })),
    { tenantId: TENANT, keyId, hour: new Date(CURRENT), requests: now },
  ];
}

describe('API key rate spikes', () => {
  it('raises at 10× the key’s own mean hourly rate over the last 7 days', () => {
    const found = detectRateSpikes(usage('k1', 100, 168, 1000), NOW);

    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      detector: API_KEY_RATE_SPIKE,
      dedupKey: `${API_KEY_RATE_SPIKE}:k1`,
      subject: { type: 'api_key', id: 'k1' },
      target: { kind: 'tenant', tenantId: TENANT },
      evidence: { requests: 1000, usualPerHour: 100, ratio: 10 },
    });
  });

  it('stays quiet below 10×, for a key younger than a day, and under the floor', () => {
    expect(detectRateSpikes(usage('k1', 100, 168, 999), NOW)).toEqual([]);
    expect(detectRateSpikes(usage('k2', 1, 10, 5000), NOW)).toEqual([]);
    expect(detectRateSpikes(usage('k3', 1, 48, 150), NOW)).toEqual([]);
  });

  it('counts quiet hours as zero: a key busy once a day has a low usual rate', () => {
    const daily = Array.from({ length: 7 }, (_, day) => ({
      tenantId: TENANT,
      keyId: 'k4',
      hour: new Date(CURRENT - (day + 1) * 24 * HOUR),
      requests: 240,
    }));

    const found = detectRateSpikes(
      [...daily, { tenantId: TENANT, keyId: 'k4', hour: new Date(CURRENT), requests: 400 }],
      NOW,
    );

    expect(found[0]?.evidence).toMatchObject({ usualPerHour: 10, ratio: 20 });
  });
});

describe('API key new networks', () => {
  const network = (name: string, firstDay: number, lastDay: number): KeyNetwork => ({
    tenantId: TENANT,
    keyId: 'k1',
    network: name,
    firstSeen: new Date(CURRENT - firstDay * 86_400_000),
    lastSeen: new Date(CURRENT - lastDay * 86_400_000),
    requests: 5,
  });

  it('raises for a network a used key has not been seen from, not for its first one', () => {
    const fresh = network('198.51.100.0/24', 0, 0);
    const old = network('203.0.113.0/24', 60, 1);

    expect(detectNewNetworks([fresh], [old, fresh])).toMatchObject([
      {
        detector: API_KEY_NEW_NETWORK,
        dedupKey: `${API_KEY_NEW_NETWORK}:k1:198.51.100.0/24`,
        severity: 'medium',
      },
    ]);
    expect(detectNewNetworks([fresh], [fresh])).toEqual([]);
  });

  it('forgets a network the key left more than 30 days ago', () => {
    expect(
      detectNewNetworks([network('198.51.100.0/24', 0, 0)], [network('203.0.113.0/24', 90, 45)]),
    ).toEqual([]);
  });
});
