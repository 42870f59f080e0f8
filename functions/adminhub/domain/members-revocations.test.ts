import type { RevocationStore } from '@halooid/shared/auth/revocations';
import { describe, expect, it } from 'vitest';
import { pendingRevocations } from './members-revocations';

/** A store whose revokeUser waits as the real one does (up to a second), recording what it was asked. */
function slowStore(waitMs: number) {
  const users: string[] = [];
  const sessions: string[] = [];
  const store: RevocationStore = {
    read: async () => ({ sessionRevoked: false }),
    revokeUser: async (userId) => {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      users.push(userId);
      return 0;
    },
    revokeSession: async (sessionId) => {
      sessions.push(sessionId);
    },
  };
  return { store, users, sessions };
}

describe('pending revocations', () => {
  it('writes nothing until flushed, then every distinct one at once rather than one after another', async () => {
    const target = slowStore(100);
    const pending = pendingRevocations(() => target.store);
    const ids = Array.from({ length: 50 }, (_, index) => `user-${index}`);

    for (const id of ids) await pending.store.revokeUser(id);
    await pending.store.revokeUser('user-0');
    await pending.store.revokeSession('session-1');
    const beforeFlush = target.users.length;
    const started = Date.now();
    await pending.flush();
    const took = Date.now() - started;

    expect(beforeFlush).toBe(0);
    expect(target.users.sort()).toEqual([...ids].sort());
    expect(target.sessions).toEqual(['session-1']);
    // Fifty waits of 100 ms in a row would be 5 s.
    expect(took).toBeLessThan(1_000);
  });

  it('does not touch the store when nothing was revoked', async () => {
    let built = false;
    const pending = pendingRevocations(() => {
      built = true;
      return slowStore(0).store;
    });

    await pending.flush();

    expect(built).toBe(false);
  });
});
