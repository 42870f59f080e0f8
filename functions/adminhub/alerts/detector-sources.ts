import type { Tx } from '@halooid/shared/db/transaction';
import type { KeyHour, KeyNetwork } from './detectors/api-key-usage';
import { type AuditRecord, DAY_MS, HOUR_MS, type SignInEvent } from './detectors/detection';
import { HISTORY_DAYS } from './detectors/new-sign-in-location';

/**
 * The detector job's reads across tenants, as halooid_worker (adminhub
 * migration 0004 grants it exactly these columns). Each returns rows oldest
 * first.
 */

/** At most this many rows of one stream per run; the watermark then moves only as far as the last one read. */
export const MAX_ROWS = 20_000;

interface SignInRow {
  id: string;
  user_id: string | null;
  ip: string | null;
  user_agent: string | null;
  country: string | null;
  outcome: SignInEvent['outcome'];
  reason: string | null;
  occurred_at: Date;
}

const toSignIn = (row: SignInRow): SignInEvent => ({
  id: row.id,
  userId: row.user_id,
  ip: row.ip,
  userAgent: row.user_agent,
  country: row.country,
  outcome: row.outcome,
  reason: row.reason,
  occurredAt: row.occurred_at,
});

/** Sign-in attempts in (from, to]. */
export async function signInEvents(tx: Tx, from: Date, to: Date): Promise<SignInEvent[]> {
  const { rows } = await tx.query<SignInRow>(
    `select id, user_id, ip, user_agent, country, outcome, reason, occurred_at
       from platform.sign_in_events
      where occurred_at > $1 and occurred_at <= $2
      order by occurred_at, id
      limit ${MAX_ROWS}`,
    [from, to],
  );
  return rows.map(toSignIn);
}

/** These users' successful sign-ins in the 90 days up to `before`. */
export async function successHistory(
  tx: Tx,
  userIds: readonly string[],
  before: Date,
): Promise<SignInEvent[]> {
  if (userIds.length === 0) return [];
  const { rows } = await tx.query<SignInRow>(
    `select id, user_id, ip, user_agent, country, outcome, reason, occurred_at
       from platform.sign_in_events
      where user_id = any($1::uuid[]) and outcome = 'success' and occurred_at > $2 and occurred_at <= $3
      order by occurred_at, id
      limit ${MAX_ROWS}`,
    [userIds, new Date(before.getTime() - HISTORY_DAYS * DAY_MS), before],
  );
  return rows.map(toSignIn);
}

/** The tenants each user is a member of (any status but invited: an invitee has not joined). */
export async function tenantsOfUsers(tx: Tx, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const tenants = new Map<string, string[]>();
  if (userIds.length === 0) return tenants;
  const { rows } = await tx.query<{ tenant_id: string; user_id: string }>(
    `select tenant_id, user_id from platform.memberships
      where user_id = any($1::uuid[]) and status <> 'invited'`,
    [userIds],
  );
  for (const row of rows) tenants.set(row.user_id, [...(tenants.get(row.user_id) ?? []), row.tenant_id]);
  return tenants;
}

/** Audit records in (from, to] whose action a detector reads. */
export async function auditRecords(tx: Tx, from: Date, to: Date): Promise<AuditRecord[]> {
  const { rows } = await tx.query<{
    tenant_id: string;
    id: string;
    actor_id: string;
    actor_type: string;
    action: string;
    target_type: string;
    target_id: string | null;
    details: Record<string, unknown>;
    occurred_at: Date;
  }>(
    `select tenant_id, id, actor_id, actor_type, action, target_type, target_id, details, occurred_at
       from platform.audit_log
      where occurred_at > $1 and occurred_at <= $2
        and (action in ('member.roles_changed', 'member.invited', 'role.updated', 'role.created',
                        'adminhub.user.role_assigned')
             or action ~ '(^|\\.)mfa[._-]?(reset|disabled|removed)$')
      order by occurred_at, id
      limit ${MAX_ROWS}`,
    [from, to],
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    id: row.id,
    actorId: row.actor_id,
    actorType: row.actor_type,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details ?? {},
    occurredAt: row.occurred_at,
  }));
}

/**
 * API keys' hourly requests (all products together) for the keys used in the
 * current hour, over the baseline's days and that hour.
 */
export async function apiKeyHours(tx: Tx, now: Date, baselineDays: number): Promise<KeyHour[]> {
  const currentHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const { rows } = await tx.query<{ tenant_id: string; key_id: string; hour: Date; requests: string }>(
    `select u.tenant_id, substr(u.principal, 8) as key_id, u.hour, sum(u.requests)::text as requests
       from platform.request_usage u
      where u.principal like 'apikey:%' and u.hour >= $1 and u.hour <= $2
        and u.principal in (select principal from platform.request_usage
                             where hour = $2 and principal like 'apikey:%')
      group by u.tenant_id, u.principal, u.hour
      order by u.hour`,
    [new Date(currentHour.getTime() - baselineDays * DAY_MS), currentHour],
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    keyId: row.key_id,
    hour: row.hour,
    requests: Number(row.requests),
  }));
}

/** Networks first seen in (from, to], and every network of those keys seen in the memory before. */
export async function apiKeyNetworks(
  tx: Tx,
  from: Date,
  to: Date,
  memoryDays: number,
): Promise<{ fresh: KeyNetwork[]; known: KeyNetwork[] }> {
  const { rows } = await tx.query<{
    tenant_id: string;
    key_id: string;
    network: string;
    first_seen: Date;
    last_seen: Date;
    requests: string;
  }>(
    `select tenant_id, key_id::text as key_id, network, first_seen, last_seen, requests::text as requests
       from platform.api_key_networks n
      where last_seen > $3
        and (tenant_id, key_id) in (select tenant_id, key_id from platform.api_key_networks
                                     where first_seen > $1 and first_seen <= $2)
      order by first_seen
      limit ${MAX_ROWS}`,
    [from, to, new Date(from.getTime() - memoryDays * DAY_MS)],
  );
  const all = rows.map((row) => ({
    tenantId: row.tenant_id,
    keyId: row.key_id,
    network: row.network,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    requests: Number(row.requests),
  }));
  return { fresh: all.filter((row) => row.firstSeen > from && row.firstSeen <= to), known: all };
}
