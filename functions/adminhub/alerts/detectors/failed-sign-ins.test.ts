import { describe, expect, it } from 'vitest';
import type { SignInEvent } from './detection';
import { ACCOUNT_LOCKOUT, detectFailedSignIns, FAILED_SIGN_IN_BURST } from './failed-sign-ins';

const T0 = new Date('2026-12-06T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const ADA = '0195e0a0-0000-7000-8000-0000000000a1';
const BOB = '0195e0a0-0000-7000-8000-0000000000b1';

let sequence = 0;
function attempt(overrides: Partial<SignInEvent> & { seconds: number }): SignInEvent {
  const { seconds, ...rest } = overrides;
  sequence += 1;
  return {
    id: `e${sequence}`,
    userId: ADA,
    ip: '203.0.113.9',
    userAgent: 'curl/8.5',
    country: null,
    outcome: 'failure',
    reason: 'bad_password',
    occurredAt: at(seconds),
    ...rest,
  };
}
const burst = (count: number, overrides: Partial<SignInEvent> = {}, start = 0) =>
  Array.from({ length: count }, (_, index) => attempt({ seconds: start + index * 5, ...overrides }));

describe('failed sign-in bursts', () => {
  it('raises exactly one alert for 30 failures of one account from one IP, locked ones included', () => {
    const events = [...burst(10), ...burst(20, { outcome: 'locked' }, 50)];

    const found = detectFailedSignIns(events, at(-1));

    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      detector: FAILED_SIGN_IN_BURST,
      dedupKey: `${FAILED_SIGN_IN_BURST}:ip:203.0.113.9`,
      subject: { type: 'ip', id: '203.0.113.9' },
      occurrences: 30,
      addOccurrences: 30,
      target: { kind: 'users', userIds: [ADA] },
      evidence: { failures: 30, users: [{ userId: ADA, failures: 30, locked: true }] },
    });
  });

  it('stays quiet below the threshold, for successes, and outside the window', () => {
    const spread = Array.from({ length: 12 }, (_, index) => attempt({ seconds: index * 120 }));

    expect(detectFailedSignIns(burst(9), at(-1))).toEqual([]);
    expect(detectFailedSignIns(burst(20, { outcome: 'success' }), at(-1))).toEqual([]);
    expect(detectFailedSignIns(spread, at(-1))).toEqual([]);
  });

  it('counts the window back past the watermark, but adds only what is new to an open alert', () => {
    const earlier = burst(8);
    const later = burst(4, {}, 60);

    const found = detectFailedSignIns([...earlier, ...later], at(50));

    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ occurrences: 12, addOccurrences: 4 });
    expect(detectFailedSignIns(earlier, at(50))).toEqual([]);
  });

  it('sees a spread-out attack on one account as a user burst, and one IP spraying accounts as an IP burst', () => {
    const spread = Array.from({ length: 10 }, (_, index) =>
      attempt({ seconds: index * 10, ip: `198.51.100.${index}` }),
    );
    const spray = Array.from({ length: 10 }, (_, index) =>
      attempt({ seconds: index * 10, userId: index % 2 ? ADA : BOB, ip: '192.0.2.7' }),
    );

    const [userBurst] = detectFailedSignIns(spread, at(-1));
    const sprayed = detectFailedSignIns(spray, at(-1));

    expect(userBurst).toMatchObject({
      dedupKey: `${FAILED_SIGN_IN_BURST}:user:${ADA}`,
      subject: { type: 'user' },
    });
    expect(sprayed).toHaveLength(1);
    expect(sprayed[0]?.target).toEqual({ kind: 'users', userIds: [BOB, ADA] });
  });

  it('raises a lockout only when no burst explains it', () => {
    const slow = [...burst(3), attempt({ seconds: 30, outcome: 'locked', ip: '198.51.100.1' })];

    const found = detectFailedSignIns(slow, at(-1));

    expect(found.map((detection) => detection.detector)).toEqual([ACCOUNT_LOCKOUT]);
    expect(found[0]).toMatchObject({ dedupKey: `${ACCOUNT_LOCKOUT}:user:${ADA}`, severity: 'medium' });
  });

  it('ignores failures for unknown accounts when it comes to whom to tell, but still counts them for the IP', () => {
    const found = detectFailedSignIns([...burst(9, { userId: null }), attempt({ seconds: 60 })], at(-1));

    expect(found[0]?.target).toEqual({ kind: 'users', userIds: [ADA] });
    expect(found[0]?.evidence.failures).toBe(10);
  });
});
