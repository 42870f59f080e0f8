import type { RevocationState } from '@halooid/shared/auth/revocations';
import { describe, expect, it } from 'vitest';
import { cachedRevocations } from './revocation-cache';

const token = { sub: 'user-1', issuedAt: 1000, sessionId: 'session-1' };

function source(initial: RevocationState) {
  const reads: string[] = [];
  let state = initial;
  return {
    reads,
    set(next: RevocationState) {
      state = next;
    },
    read: async (userId: string, sessionId: string) => {
      reads.push(`${userId}/${sessionId}`);
      return state;
    },
  };
}

describe('cachedRevocations', () => {
  it('answers a warm check from memory, then sees a revocation once 2 s have passed', async () => {
    let now = 0;
    const store = source({ sessionRevoked: false });
    const revoked = cachedRevocations(store.read, { now: () => now });

    expect(await revoked(token)).toBeUndefined();
    store.set({ notBefore: 1001, sessionRevoked: false });
    now = 1_999;
    const warm = await revoked(token);
    now = 2_000;
    const fresh = await revoked(token);

    expect(warm).toBeUndefined();
    expect(fresh).toMatch(/signed out/);
    expect(store.reads).toEqual(['user-1/session-1', 'user-1/session-1']);
  });

  it('keeps each session apart: one signed out, another of the same user not', async () => {
    const reads: string[] = [];
    const revoked = cachedRevocations(async (_userId, sessionId) => {
      reads.push(sessionId);
      return { sessionRevoked: sessionId === 'session-1' };
    });

    expect(await revoked(token)).toBeDefined();
    expect(await revoked({ ...token, sessionId: 'session-2' })).toBeUndefined();
    expect(reads).toEqual(['session-1', 'session-2']);
  });

  it('shares one read between concurrent checks', async () => {
    const store = source({ sessionRevoked: false });
    const revoked = cachedRevocations(store.read, { now: () => 0 });

    await Promise.all([revoked(token), revoked(token), revoked(token)]);

    expect(store.reads).toHaveLength(1);
  });

  it('fails the check when the store cannot be read, and reads again next time', async () => {
    let fail = true;
    const revoked = cachedRevocations(
      async () => {
        if (fail) throw new Error('DynamoDB unavailable');
        return { sessionRevoked: false };
      },
      { now: () => 0 },
    );

    await expect(revoked(token)).rejects.toThrow('DynamoDB unavailable');
    fail = false;
    await expect(revoked(token)).resolves.toBeUndefined();
  });
});
