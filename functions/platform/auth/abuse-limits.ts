import type { Cache } from '@halooid/shared/cache/get-cache';
import { TooManyRequestsError } from '@halooid/shared/errors';
import { enforceRateLimit, type RateLimitRule } from '@halooid/shared/rate-limit';

export type GuardedAction = 'login' | 'signup' | 'confirm' | 'challenge' | 'password' | 'mfa';

export interface AbuseLimits {
  /** Per source IP and action. */
  perIp: RateLimitRule;
  /** Per account (lower-cased email, or user id once signed in) and action. */
  perAccount: Record<GuardedAction, RateLimitRule>;
  /** Failed sign-ins (wrong password, wrong MFA code) that lock the account. */
  lockout: { failures: number; windowSeconds: number; lockSeconds: number };
}

/**
 * The numbers, and why:
 * - perIp 100 per 5 min per action: a credential-stuffing bot is slowed to
 *   ~20 tries a minute per address, while an office behind one NAT (dozens of
 *   people signing in at 9:00) stays well clear of it. API Gateway's per-tenant
 *   throttles do not apply here: these routes are public.
 * - login/challenge 20 per 15 min per account: a person retyping a password
 *   never needs more; the lockout below usually trips first.
 * - signup/password 5 per hour per account: each one sends an email, so this
 *   also caps how much mail we can be made to send to one inbox.
 * - confirm/mfa 10 per 15 min per account: a 6-digit code has 10^6 values, so
 *   guessing one stays hopeless.
 * - lockout 10 failures within 15 min → locked 15 min (OWASP's suggested
 *   range). While locked even the right password gets the same 429, so the
 *   lock tells an attacker nothing. Unknown emails lock the same way, so the
 *   lock does not reveal who has an account. The price is that anyone can lock
 *   an account for 15 minutes; password reset by emailed code stays open and
 *   lifts the lock.
 */
export const ABUSE_LIMITS: AbuseLimits = {
  perIp: { limit: 100, windowSeconds: 300 },
  perAccount: {
    login: { limit: 20, windowSeconds: 900 },
    challenge: { limit: 20, windowSeconds: 900 },
    signup: { limit: 5, windowSeconds: 3600 },
    password: { limit: 5, windowSeconds: 3600 },
    confirm: { limit: 10, windowSeconds: 900 },
    mfa: { limit: 10, windowSeconds: 900 },
  },
  lockout: { failures: 10, windowSeconds: 900, lockSeconds: 900 },
};

export interface AbuseDeps {
  cache: Cache;
  limits: AbuseLimits;
}

/** Accounts are keyed by the lower-cased email, so `Ada@x` and `ada@x` share one budget. */
export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Counts one attempt against the IP's and the account's budget; 429 + Retry-After when either is spent. */
export async function guardAttempt(
  action: GuardedAction,
  who: { ip: string; account: string },
  deps: AbuseDeps,
): Promise<void> {
  await enforceRateLimit(deps.cache, `auth:${action}:ip:${who.ip}`, deps.limits.perIp);
  await enforceRateLimit(deps.cache, `auth:${action}:acct:${who.account}`, deps.limits.perAccount[action]);
}

const lockKey = (account: string) => `auth:lock:${account}`;
const failuresKey = (account: string) => `auth:fail:${account}`;

/** 429 while the account is locked; the same answer a rate limit gives. A cache outage locks nobody. */
export async function assertNotLocked(account: string, deps: AbuseDeps): Promise<void> {
  const lock = await deps.cache.get<{ until: number }>(lockKey(account)).catch(() => undefined);
  const remaining = lock ? Math.ceil(lock.until - Date.now() / 1000) : 0;
  if (remaining > 0) throw new TooManyRequestsError(remaining);
}

/** Records a failed sign-in; returns true when this failure locked the account. */
export async function recordFailedSignIn(account: string, deps: AbuseDeps): Promise<boolean> {
  const { failures, windowSeconds, lockSeconds } = deps.limits.lockout;
  try {
    const { count } = await deps.cache.increment(failuresKey(account), windowSeconds);
    if (count < failures) return false;
    await deps.cache.set(
      lockKey(account),
      { until: Math.floor(Date.now() / 1000) + lockSeconds },
      lockSeconds,
    );
    await deps.cache.delete(failuresKey(account));
    return true;
  } catch {
    return false;
  }
}

/** A successful sign-in or password reset starts the count afresh and lifts a lock. */
export async function clearFailedSignIns(account: string, deps: AbuseDeps): Promise<void> {
  await Promise.all([deps.cache.delete(failuresKey(account)), deps.cache.delete(lockKey(account))]).catch(
    () => undefined,
  );
}
