import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { readStoredPolicy, type SecurityPolicy } from '@halooid/shared/security-policy';

/**
 * The auth capability's reads and writes of platform identity records
 * (migration 0009): sessions, sign-in events, password history and the
 * security policies of the user's tenants. Paths that run before a user is
 * known go through the migration's SECURITY DEFINER functions.
 */

export type SignInOutcomeKind = 'success' | 'failure' | 'locked' | 'mfa_setup_required' | 'refresh_refused';

/** Where an attempt came from; all optional but the IP. */
export interface ClientFacts {
  ip: string;
  userAgent?: string | undefined;
  country?: string | undefined;
}

export async function recordSignInEvent(
  tx: Tx,
  event: { email?: string; userId?: string; outcome: SignInOutcomeKind; reason?: string },
  client: ClientFacts,
): Promise<void> {
  await tx.query('select platform.record_sign_in_event($1, $2, $3, $4, $5, $6, $7, $8)', [
    uuidv7(),
    event.email ?? null,
    event.userId ?? null,
    client.ip,
    client.userAgent ?? null,
    client.country ?? null,
    event.outcome,
    event.reason ?? null,
  ]);
}

export async function userIdForEmail(tx: Tx, email: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string | null }>('select platform.user_id_for_email($1) as id', [
    email,
  ]);
  return rows[0]?.id ?? undefined;
}

export interface TenantPolicy {
  tenantId: string;
  policy: SecurityPolicy;
  roleKeys: string[];
}

/** The policies of the signed-in user's tenants (transaction scope `userId`), with their role keys there. */
export async function myTenantPolicies(tx: Tx): Promise<TenantPolicy[]> {
  const { rows } = await tx.query<{ tenant_id: string; policy: unknown; role_keys: string[] }>(
    'select tenant_id, policy, role_keys from platform.my_security_policies()',
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    policy: readStoredPolicy(row.policy),
    roleKeys: row.role_keys,
  }));
}

export interface UserSecurityFacts {
  mfaEnabled: boolean;
  /** When the password was last set (or the account created, before history existed). */
  passwordSetAt: Date;
  passwordResetRequired: boolean;
}

export async function mySecurityFacts(tx: Tx, userId: string): Promise<UserSecurityFacts | undefined> {
  const { rows } = await tx.query<{
    mfa_enabled: boolean;
    password_set_at: Date;
    password_reset_required: boolean;
  }>(
    `select mfa_enabled, coalesce(password_changed_at, created_at) as password_set_at, password_reset_required
       from platform.users where id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    mfaEnabled: row.mfa_enabled,
    passwordSetAt: row.password_set_at,
    passwordResetRequired: row.password_reset_required,
  };
}

/**
 * The platform row of a Cognito user who has none (an account made in the
 * pool directly, not through sign-up or an invitation), so their sessions
 * and sign-in events have a user to belong to.
 */
export async function ensureMyUserRow(tx: Tx, userId: string, email: string): Promise<void> {
  await tx.query(`insert into platform.users (id, email, name) values ($1, $2, $3) on conflict do nothing`, [
    userId,
    email,
    (email.split('@')[0] || email).slice(0, 200),
  ]);
}

export async function markSignedIn(tx: Tx, userId: string): Promise<void> {
  await tx.query('update platform.users set last_sign_in_at = now() where id = $1', [userId]);
}

export async function markMfaEnabled(tx: Tx, userId: string): Promise<void> {
  await tx.query('update platform.users set mfa_enabled = true, updated_at = now() where id = $1', [userId]);
}

export async function myPasswordHashes(tx: Tx, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await tx.query<{ hash: string }>(
    'select h as hash from platform.my_password_hashes($1) h',
    [count],
  );
  return rows.map((row) => row.hash);
}

export async function rememberMyPassword(tx: Tx, hash: string): Promise<void> {
  await tx.query('select platform.remember_my_password($1, $2)', [uuidv7(), hash]);
}

export async function startSession(
  tx: Tx,
  session: {
    userId: string;
    refreshHash: string;
    accessSessionId: string;
    device: string;
  },
  client: ClientFacts,
): Promise<string> {
  const id = uuidv7();
  await tx.query(
    `insert into platform.sessions (id, user_id, refresh_hash, access_session_id, user_agent, device, ip, country)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      session.userId,
      session.refreshHash,
      session.accessSessionId,
      client.userAgent?.slice(0, 512) ?? null,
      session.device,
      client.ip,
      client.country ?? null,
    ],
  );
  return id;
}

export interface StoredSession {
  id: string;
  userId: string;
  accessSessionId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export async function sessionForRefresh(tx: Tx, refreshHash: string): Promise<StoredSession | undefined> {
  const { rows } = await tx.query<{
    id: string;
    user_id: string;
    access_session_id: string | null;
    created_at: Date;
    last_seen_at: Date;
    ended_at: Date | null;
  }>('select * from platform.session_for_refresh($1)', [refreshHash]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    accessSessionId: row.access_session_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    endedAt: row.ended_at,
  };
}

/** A refresh that went through: the session's latest access token, address and (rotated) refresh token. */
export async function touchSession(
  tx: Tx,
  sessionId: string,
  update: { accessSessionId: string; refreshHash?: string | undefined },
  client: ClientFacts,
): Promise<void> {
  await tx.query(
    `update platform.sessions
        set last_seen_at = now(), access_session_id = $2, ip = $3,
            refresh_hash = coalesce($4, refresh_hash)
      where id = $1`,
    [sessionId, update.accessSessionId, client.ip, update.refreshHash ?? null],
  );
}

/** Ends one session of the signed-in user (no revocation: callers decide what else ends). */
export async function endMySession(tx: Tx, userId: string, sessionId: string, reason: string): Promise<void> {
  await tx.query('select 1 from platform.end_sessions($1, $2, $3)', [userId, sessionId, reason]);
}
