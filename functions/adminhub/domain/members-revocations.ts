import { dynamoRevocationStore, type RevocationStore } from '@halooid/shared/auth/revocations';

/**
 * Token revocations collected inside a transaction and written after it
 * commits, all at once. `revokeUser` waits for the next whole second before
 * it answers (shared/src/auth/revocations.ts), so fifty of them in a row
 * inside one transaction would hold it for fifty seconds; run together after
 * commit they take about one. A rolled-back change revokes nothing. Until
 * they land (well under the 5 s promise) a disabled member is already
 * refused in this tenant by the RBAC version bump of the same transaction.
 */
export interface PendingRevocations {
  /** Hand this to code that revokes (shared/src/sessions.ts endSessions). */
  store: Pick<RevocationStore, 'revokeUser' | 'revokeSession'>;
  /** Writes what was collected, concurrently. */
  flush(): Promise<void>;
}

export function pendingRevocations(
  target: () => RevocationStore = dynamoRevocationStore,
): PendingRevocations {
  const users = new Set<string>();
  const sessions = new Set<string>();
  return {
    store: {
      revokeUser: async (userId) => {
        users.add(userId);
        return 0;
      },
      revokeSession: async (sessionId) => {
        sessions.add(sessionId);
      },
    },
    async flush() {
      if (users.size === 0 && sessions.size === 0) return;
      const store = target();
      await Promise.all([
        ...[...users].map((userId) => store.revokeUser(userId)),
        ...[...sessions].map((sessionId) => store.revokeSession(sessionId)),
      ]);
    },
  };
}
