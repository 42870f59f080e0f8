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

/** functions/adminhub/domain/members-directory.ts DirectoryMember. */
export interface DirectoryUser {
  memberId: string;
  email: string;
  name: string;
  status: UserStatus;
  membershipStatus: 'active' | 'invited' | 'suspended';
  mfaEnrolled: boolean;
  passwordResetRequired: boolean;
  /** This workspace manages the account: only then may it reset MFA or the password, or sign them out. */
  accountManaged: boolean;
  lastSignInAt: string | null;
  joinedAt: string;
  roles: UserRole[];
  employee: { id: string; employeeNumber: string; name: string; status: string } | null;
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

/** functions/adminhub/bulk-jobs/schemas.ts BulkJob. */
export interface BulkResult {
  memberId: string;
  email: string;
  outcome: 'ok' | 'skipped' | 'failed';
  reason: string | null;
}

export interface BulkJob {
  id: string;
  action: BulkAction;
  status: 'running' | 'completed';
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  results: BulkResult[];
  createdAt: string;
}

/** functions/adminhub/user-import/schemas.ts ImportUsersResult. */
export interface ImportRow {
  /** The CSV record number, the header being row 1. */
  row: number;
  email: string;
  outcome: 'invited' | 'would_invite' | 'skipped' | 'failed';
  reason: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  invited: number;
  skipped: number;
  failed: number;
  rows: ImportRow[];
  ignoredColumns: string[];
}

/** functions/adminhub/audit/schemas.ts AuditEntry. */
export interface AuditEntry {
  id: string;
  action: string;
  actor: { id: string; type: string; name: string | null; email: string | null };
  target: { type: string; id: string | null };
  ip: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** functions/adminhub/alerts/schemas.ts Alert. */
export interface Alert {
  id: string;
  detector: string;
  severity: Severity;
  status: AlertStatus;
  title: string;
  subject: { type: 'user' | 'api_key' | 'ip' | 'role'; id: string } | null;
  evidence: Record<string, unknown>;
  firstSeen: string;
  lastSeen: string;
  occurrences: number;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

/** shared/src/security-policy.ts SecurityPolicy. */
export interface SecurityPolicy {
  password: {
    minLength: number;
    requireUppercase: boolean;
    requireLowercase: boolean;
    requireDigit: boolean;
    requireSymbol: boolean;
    reuseCount: number;
    maxAgeDays: number;
  };
  mfa: { required: 'off' | 'all' | 'roles'; roleKeys: string[] };
  sessions: { lifetimeHours: number; idleTimeoutMinutes: number };
  ipAllowlist: { cidrs: string[]; applyToPeople: boolean };
  invitations: { allowedDomains: string[] };
}

/** A stored version of the policy (version 0: never saved, the defaults). */
export interface PolicyVersion {
  version: number;
  policy: SecurityPolicy;
  createdBy?: string | null;
  createdAt?: string | null;
}

/** functions/adminhub/organization/schemas.ts Organization. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  tier: string;
  logoUrl: string | null;
  locale: string | null;
  timeZone: string | null;
  fiscalYearStartMonth: number;
  currency: string | null;
  enabledProducts: string[];
  updatedAt: string;
}

/** functions/adminhub/domains/schemas.ts Domain. */
export interface VerifiedDomain {
  id: string;
  domain: string;
  status: 'pending' | 'verified';
  txtRecord: { name: string; type: 'TXT'; value: string };
  createdAt: string;
  lastCheckedAt: string | null;
  verifiedAt: string | null;
}

/** functions/adminhub/domain/data-exports.ts DataExport (tenant admins and operators alike). */
export interface DataExport {
  id: string;
  tenantId: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  requestedBy: string;
  requestedByType: 'user' | 'apiKey' | 'operator';
  tables: { table: string; rows: number }[] | null;
  rowCount: number | null;
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  download: { url: string; expiresAt: string } | null;
}

interface Counts {
  requests: number;
  errors: number;
  clientErrors: number;
}
interface ProductLatency extends Counts {
  product: string;
  errorRate: number;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** functions/adminhub/usage/schemas.ts UsageReport. */
export interface UsageReport {
  tier: string;
  quotaPerDay: number;
  from: string;
  to: string;
  days: (Counts & { date: string; quotaUsed: number })[];
  today: { requests: number; remaining: number; quotaUsed: number };
  byApiKey: (Counts & {
    keyId: string;
    networks: { network: string; requests: number; lastSeen: string }[];
  })[];
  byProduct: ProductLatency[];
  last24Hours: (ProductLatency & { hourly: (Counts & { hour: string; p95Ms: number | null })[] })[];
  storage: {
    method: string;
    rows: number;
    estimatedBytes: number;
    tables: { table: string; rows: number; estimatedBytes: number }[];
  };
  webhooks: {
    deliveries: { succeeded: number; failed: number; pending: number };
    successRate: number | null;
    failingEndpoints: {
      webhookId: string;
      url: string;
      enabled: boolean;
      failingSince: string | null;
      disabledReason: string | null;
      failedLast24Hours: number;
      lastStatusCode: number | null;
    }[];
  };
  deadLetters: { available: boolean; depth: number | null };
}

export interface DeadLetter {
  id: string;
  rule: string;
  eventId: string;
  eventType: string;
  attempts: number;
  error: string;
  deadAt: string;
}

/** functions/adminhub/operator-tenants/schemas.ts OperatorTenant. */
export interface OperatorTenant {
  id: string;
  name: string;
  slug: string;
  tier: 'free' | 'pro' | 'enterprise';
  status: 'active' | 'disabled' | 'suspended';
  members: number;
  usageToday: { requests: number; errors: number };
  suspendedAt: string | null;
  suspendedReason: string | null;
  enabledProducts: string[];
  createdAt: string;
  updatedAt: string;
}

/** functions/adminhub/domain/tenant-deletions.ts TenantDeletion. */
export interface TenantDeletion {
  id: string;
  tenantId: string;
  status: 'scheduled' | 'cancelled' | 'completed';
  dueAt: string;
  requestedBy: string;
  requestedAt: string;
  cancelledAt: string | null;
  completedAt: string | null;
  deletedRows: Record<string, number> | null;
}

interface Backlog {
  pending: number;
  oldestAgeSeconds: number | null;
}

/** functions/adminhub/operator-health/schemas.ts OperatorHealth. */
export interface OperatorHealth {
  status: 'ok' | 'degraded';
  checkedAt: string;
  components: Record<string, { status: 'ok' | 'down'; latencyMs: number }>;
  database: { connections: number; maxConnections: number | null; replicationLagSeconds: number | null };
  queues: {
    outbox: Backlog;
    webhookDeliveries: Backlog & { failedLast24Hours: number };
    deadLetters: { available: boolean; total: number; queues: { name: string; depth: number }[] };
  };
  functions: {
    source: 'cloudwatch' | 'in-process';
    available: boolean;
    from: string;
    to: string;
    items: {
      name: string;
      invocations: number;
      errors: number;
      errorRate: number;
      p95Ms: number | null;
      p99Ms: number | null;
    }[];
  };
}

/** functions/adminhub/operator-health/schemas.ts TopTenants. */
export interface TopTenants {
  from: string;
  to: string;
  items: {
    tenantId: string;
    name: string;
    slug: string;
    tier: string;
    status: OperatorTenant['status'];
    requests: number;
    errors: number;
    quotaPerDay: number;
    quotaUsed: number;
  }[];
}
