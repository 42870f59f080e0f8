import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABUSE_LIMITS } from './abuse-limits';
import { GOOD_PASSWORD, uniqueEmail } from './totp.test-helper';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

const post = (path: string, body?: unknown) => platform.request('POST', path, { body });

async function confirmedAccount(label: string): Promise<string> {
  const email = uniqueEmail(label);
  await post('/v1/auth/signup', { email, password: GOOD_PASSWORD, name: 'Locked Out', tenantName: label });
  const mail = await platform.request('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
  expect((await post('/v1/auth/confirm', { email, code: mail.body.items.at(-1).code })).status).toBe(200);
  return email;
}

const { failures } = ABUSE_LIMITS.lockout;

describe('account lockout', () => {
  it('locks after repeated wrong passwords: 20 in a row end in 429 and the right password is refused too', async () => {
    const email = await confirmedAccount('lockout');

    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      last = await post('/v1/auth/login', { email, password: `Wrong-password-${attempt}` });
      statuses.push(last.status);
    }

    expect(statuses).toEqual([...Array(failures - 1).fill(401), ...Array(20 - failures + 1).fill(429)]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    const correct = await post('/v1/auth/login', { email, password: GOOD_PASSWORD });
    expect(correct.status).toBe(429);
    expect(correct.body).toEqual({ ...last?.body, correlationId: expect.any(String) });
    expect(correct.body.accessToken).toBeUndefined();
  });

  it('locks an unknown email exactly like a real one, so the lock reveals nothing', async () => {
    const real = await confirmedAccount('real');
    const unknown = uniqueEmail('ghost');

    const attempts = async (email: string) => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < failures + 1; attempt++) {
        statuses.push((await post('/v1/auth/login', { email, password: 'Wrong-password-1' })).status);
      }
      return statuses;
    };

    expect(await attempts(unknown)).toEqual(await attempts(real));
  });

  it('locks one account only: another account from the same address still signs in', async () => {
    const victim = await confirmedAccount('victim');
    const neighbour = await confirmedAccount('neighbour');
    for (let attempt = 0; attempt < failures; attempt++) {
      await post('/v1/auth/login', { email: victim, password: 'Wrong-password-1' });
    }

    expect((await post('/v1/auth/login', { email: victim, password: GOOD_PASSWORD })).status).toBe(429);
    expect((await post('/v1/auth/login', { email: neighbour, password: GOOD_PASSWORD })).status).toBe(200);
  });

  it('treats the email case-insensitively', async () => {
    const email = await confirmedAccount('casing');
    for (let attempt = 0; attempt < failures; attempt++) {
      const variant = attempt % 2 ? email.toUpperCase() : email;
      await post('/v1/auth/login', { email: variant, password: 'Wrong-password-1' });
    }

    expect((await post('/v1/auth/login', { email, password: GOOD_PASSWORD })).status).toBe(429);
  });
});

describe('rate limits per account', () => {
  it('limits password reset emails per account, identically for unknown addresses', async () => {
    const real = await confirmedAccount('resets');
    const unknown = uniqueEmail('ghost-resets');
    const limit = ABUSE_LIMITS.perAccount.password.limit;

    const burst = async (email: string) => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt <= limit; attempt++) {
        statuses.push((await post('/v1/auth/password/forgot', { email })).status);
      }
      return statuses;
    };
    const realStatuses = await burst(real);

    expect(realStatuses).toEqual([...Array(limit).fill(202), 429]);
    expect(await burst(unknown)).toEqual(realStatuses);
  });

  it('limits sign-up attempts per email with 429 and Retry-After', async () => {
    const email = uniqueEmail('signups');
    const limit = ABUSE_LIMITS.perAccount.signup.limit;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let attempt = 0; attempt <= limit; attempt++) {
      last = await post('/v1/auth/signup', {
        email,
        password: GOOD_PASSWORD,
        name: 'S',
        tenantName: 'Signups',
      });
      statuses.push(last.status);
    }

    expect(statuses).toEqual([...Array(limit).fill(202), 429]);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last?.headers.get('content-type')).toBe('application/problem+json');
  });
});
