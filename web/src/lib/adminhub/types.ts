/**
 * The shapes AdminHub's screens read, declared from the capabilities' zod
 * schemas (functions/adminhub/<capability>/schemas.ts): the routes were built
 * beside these screens. Only the fields a screen reads are listed.
 */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type UserStatus = 'active' | 'invited' | 'disabled' | 'locked';

export interface UserRole {
  id: string;
  key: string;
  name: string;
}

export interface DirectoryUser {
  userId: string;
  email: string;
  name: string | null;
  status: UserStatus;
  lastSignInAt: string | null;
  mfaEnabled: boolean;
  roles: UserRole[];
  employee: { id: string; name: string } | null;
}

export interface Session {
  id: string;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  country: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export type BulkAction = 'disable' | 'enable' | 'sign_out' | 'assign_role';

export interface BulkResult {
  userId: string;
  email?: string | null;
  outcome: 'ok' | 'skipped' | 'failed';
  reason: string | null;
}

export interface BulkJob {
  id: string;
  action: BulkAction;
  status: string;
  total: number;
  succeeded?: number;
  failed?: number;
  skipped?: number;
  results: BulkResult[];
  createdAt: string;
}

export interface ImportRow {
  line: number;
  email: string | null;
  outcome: string;
  reason: string | null;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: { id: string | null; type: string; name?: string | null; email?: string | null };
  target: { type: string | null; id: string | null };
  ip: string | null;
  correlationId?: string | null;
  details: Record<string, unknown> | null;
  occurredAt: string;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  detector: string;
  severity: Severity;
  status: AlertStatus;
  title: string;
  evidence: Record<string, unknown>;
  firstSeen: string;
  lastSeen: string;
  occurrences: number;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  resolutionNote?: string | null;
}
