import { describe, expect, it } from 'vitest';
import type { SignInEvent } from './detection';
import { deviceOf } from './device';
import { detectNewSignInLocations, NEW_SIGN_IN_LOCATION } from './new-sign-in-location';

const ADA = '0195e0a0-0000-7000-8000-0000000000a1';
const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

const success = (day: number, overrides: Partial<SignInEvent> = {}): SignInEvent => ({
  id: `s${day}`,
  userId: ADA,
  ip: '203.0.113.9',
  userAgent: CHROME_MAC,
  country: 'GB',
  outcome: 'success',
  reason: null,
  occurredAt: new Date(Date.UTC(2026, 8, 1) + day * 86_400_000),
  ...overrides,
});

describe('device names', () => {
  it('names browser and system without versions', () => {
    expect(deviceOf(CHROME_MAC)).toBe('Chrome on macOS');
    expect(deviceOf(FIREFOX_WINDOWS)).toBe('Firefox on Windows');
    expect(deviceOf(null)).toBe('Unknown device');
  });
});

describe('new sign-in location of an administrator', () => {
  it('raises for a new country (high) and for a new device (medium), against the previous 90 days', () => {
    const history = [success(1), success(30)];

    const found = detectNewSignInLocations(
      [success(40, { country: 'BR' }), success(41, { userAgent: FIREFOX_WINDOWS })],
      history,
    );

    expect(found.map((detection) => [detection.severity, detection.dedupKey])).toEqual([
      ['high', `${NEW_SIGN_IN_LOCATION}:user:${ADA}:country:BR`],
      ['medium', `${NEW_SIGN_IN_LOCATION}:user:${ADA}:device:Firefox on Windows`],
    ]);
    expect(found[0]?.target).toEqual({ kind: 'users', userIds: [ADA], adminsOnly: true });
  });

  it('says nothing for the usual place, for a first sign-in, or when the last one is older than 90 days', () => {
    expect(detectNewSignInLocations([success(40)], [success(1)])).toEqual([]);
    expect(detectNewSignInLocations([success(40, { country: 'BR' })], [])).toEqual([]);
    expect(detectNewSignInLocations([success(200, { country: 'BR' })], [success(1)])).toEqual([]);
  });

  it('learns within a run: the second sign-in from the new country is not new', () => {
    const found = detectNewSignInLocations(
      [success(40, { country: 'BR' }), success(41, { country: 'BR' })],
      [success(1)],
    );

    expect(found).toHaveLength(1);
  });
});
