import { type RevocationState, revocationReason, type TokenIdentity } from '@halooid/shared/auth/revocations';

/**
 * The revocation check at cache-hit cost: each instance keeps the state of a
 * (user, session) pair for at most `ttlMs` (2 s, the same bound as the
 * tenant's RBAC version in access-cache.ts), then reads DynamoDB again. So a
 * sign-out or password change bites within about 2 s on every instance, and
 * a warm decision makes no call. Concurrent checks of one pair share a read.
 * A failing read is not swallowed: like a failing Postgres read, it fails the
 * decision rather than letting a possibly revoked token through.
 */
export function cachedRevocations(
  read: (userId: string, sessionId: string) => Promise<RevocationState>,
  options: { now?: () => number; ttlMs?: number; maxEntries?: number } = {},
): (token: TokenIdentity) => Promise<string | undefined> {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { state: RevocationState; fetchedAt: number }>();
  const inflight = new Map<string, Promise<RevocationState>>();

  async function stateOf(userId: string, sessionId: string): Promise<RevocationState> {
    const key = `${userId}\n${sessionId}`;
    const hit = entries.get(key);
    if (hit && now() - hit.fetchedAt < ttlMs) return hit.state;
    let pending = inflight.get(key);
    if (!pending) {
      const fetchedAt = now();
      pending = read(userId, sessionId)
        .then((state) => {
          if (entries.size >= maxEntries) entries.clear();
          entries.set(key, { state, fetchedAt });
          return state;
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  return async (token) => revocationReason(token, await stateOf(token.sub, token.sessionId));
}
