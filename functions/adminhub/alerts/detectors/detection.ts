import type { AlertSubject, Severity } from '../schemas';

/**
 * What a detector found, before it is an alert: the job turns each detection
 * into an upsert of one alert per affected tenant (alert-store.ts). Detectors
 * are pure functions over rows, so every rule is unit-tested without a database.
 */
export interface Detection {
  detector: string;
  severity: Severity;
  title: string;
  /** The incident's identity: one unresolved alert per tenant and key. */
  dedupKey: string;
  subject: AlertSubject | null;
  evidence: Record<string, unknown>;
  firstSeen: Date;
  lastSeen: Date;
  /** The count a new alert starts with (the failures of a burst). */
  occurrences: number;
  /** What a repeat adds to the open alert: the events this run saw that the last did not. */
  addOccurrences: number;
  target: DetectionTarget;
}

/**
 * Who hears of it. A tenant's own stream (its audit records, its API keys)
 * names the tenant; the sign-in stream names people, and the alert goes to
 * every tenant they are a member of (`adminsOnly`: only where they administer).
 * `onlyIfAdmin`: a tenant detection that matters only when that user
 * administers the tenant (MFA reset of an admin); `onlyIfAdminRole`: only
 * when that role administers it (a role assigned by id).
 */
export type DetectionTarget =
  | { kind: 'tenant'; tenantId: string; onlyIfAdmin?: string; onlyIfAdminRole?: string }
  | { kind: 'users'; userIds: readonly string[]; adminsOnly?: boolean };

/** A sign-in attempt as platform.sign_in_events records it (platform migration 0009). */
export interface SignInEvent {
  id: string;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  country: string | null;
  outcome: 'success' | 'failure' | 'locked' | 'mfa_setup_required' | 'refresh_refused';
  reason: string | null;
  occurredAt: Date;
}

/** An audit record as platform.audit_log keeps it. */
export interface AuditRecord {
  tenantId: string;
  id: string;
  actorId: string;
  actorType: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  occurredAt: Date;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
