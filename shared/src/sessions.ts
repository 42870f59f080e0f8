import { createHash } from 'node:crypto';
import type { RevocationStore } from './auth/revocations';
import type { Tx } from './db/transaction';

/**
 * Sign-in sessions (platform.sessions): one row per sign-in, i.e. per
 * refresh-token family, written by the auth capability. A tenant
 * transaction reads the sessions of its own members; the user reads their
 * own. Ending a session stops its refresh token (the auth capability looks
 * the row up on every refresh) and revokes its access tokens.
 */
export interface SessionRow {
  id: string;
  userId: string;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  country: string | null;
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
  endReason: string | null;
}

/** How a refresh token is stored: SHA-256, base64url. The token itself is never kept. */
export function refreshTokenHash(refreshToken: string): string {
  return createHash('sha256').update(refreshToken, 'utf8').digest('base64url');
}

interface DbSession {
  id: string;
  user_id: string;
  device: string | null;
  user_agent: string | null;
  ip: string | null;
  country: string | null;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

function toSession(row: DbSession): SessionRow {
  return {
    id: row.id,
    userId: row.user_id,
    device: row.device,
    userAgent: row.user_agent,
    ip: row.ip,
    country: row.country,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
  };
}

/**
 * A user's sessions, newest first: the open ones, or with `includeEnded`
 * also those ended in the last 30 days. Empty for a user the transaction
 * may not see (not a member of its tenant, not the signed-in user).
 */
export async function listSessions(
  tx: Tx,
  userId: string,
  options: { includeEnded?: boolean; limit?: number } = {},
): Promise<SessionRow[]> {
  const { rows } = await tx.query<DbSession>(
    `select id, user_id, device, user_agent, ip, country, created_at, last_seen_at, ended_at, end_reason
       from platform.sessions
      where user_id = $1
        and (ended_at is null or ($2 and ended_at > now() - interval '30 days'))
      order by created_at desc, id desc
      limit $3`,
    [userId, options.includeEnded === true, Math.min(Math.max(options.limit ?? 100, 1), 500)],
  );
  return rows.map(toSession);
}

export interface EndSessionsDeps {
  revocations: Pick<RevocationStore, 'revokeUser' | 'revokeSession'>;
}

/**
 * Ends one session (`sessionId`) or every open session of a user, allowed
 * when the user is the signed-in user or a member of the transaction's
 * tenant (check the caller's permission first). Ended rows refuse their
 * refresh tokens. Every session: the user's not-before moves to now, so
 * every access token issued so far is refused within seconds (and every
 * refresh token too, whatever its row says). One session: its latest access
 * token's session id goes on the denylist. Returns the number of rows ended
 * (0 when the session was already ended or is not visible).
 */
export async function endSessions(
  tx: Tx,
  deps: EndSessionsDeps,
  input: { userId: string; sessionId?: string; reason?: string },
): Promise<number> {
  const { rows } = await tx.query<{ id: string; access_session_id: string | null }>(
    'select id, access_session_id from platform.end_sessions($1, $2, $3)',
    [
      input.userId,
      input.sessionId ?? null,
      input.reason ?? (input.sessionId ? 'signed_out' : 'signed_out_all'),
    ],
  );
  if (!input.sessionId) {
    await deps.revocations.revokeUser(input.userId);
    return rows.length;
  }
  for (const row of rows) {
    if (row.access_session_id) await deps.revocations.revokeSession(row.access_session_id);
  }
  return rows.length;
}
