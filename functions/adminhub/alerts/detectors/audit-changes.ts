import type { AuditRecord, Detection } from './detection';

export const ROLE_ESCALATION = 'role-escalation';
export const ADMIN_MFA_REMOVED = 'admin-mfa-removed';

/** Roles that administer a tenant: being given one is an escalation worth a second look. */
const ADMIN_ROLE_KEYS = new Set(['owner', 'admin']);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** A grant that opens a whole product or every product (`*:*:*`, `platform:*:write`). */
const isWide = (grant: string) => grant.split(':').slice(0, 2).includes('*');

function detection(
  record: AuditRecord,
  fields: Pick<Detection, 'detector' | 'severity' | 'title' | 'dedupKey' | 'subject'>,
  evidence: Record<string, unknown>,
  only: { onlyIfAdmin?: string; onlyIfAdminRole?: string } = {},
): Detection {
  return {
    ...fields,
    evidence: {
      auditId: record.id,
      action: record.action,
      actor: { id: record.actorId, type: record.actorType },
      ...evidence,
    },
    firstSeen: record.occurredAt,
    lastSeen: record.occurredAt,
    occurrences: 1,
    addOccurrences: 1,
    target: { kind: 'tenant', tenantId: record.tenantId, ...only },
  };
}

/**
 * Role escalation, from the audit log of the tenant:
 * - a member given the Owner or Admin role (`member.roles_changed` with one
 *   of them in `after` and not in `before`, or an invitation with one), or
 *   a role that administers the tenant through AdminHub's bulk assignment
 *   (`adminhub.user.role_assigned`);
 * - a role's grants widened with a wildcard product or resource
 *   (`role.updated`/`role.created` whose permissions gained `*:*:*`,
 *   `platform:*:write` and the like).
 * Each record is its own alert (dedup on the audit record): two escalations
 * are two things to check.
 */
function roleEscalation(record: AuditRecord): Detection | null {
  const { details } = record;
  if (record.action === 'member.roles_changed' || record.action === 'member.invited') {
    const before = new Set(strings(details.before));
    const after = strings(record.action === 'member.invited' ? details.roles : details.after);
    const gained = after.filter((key) => ADMIN_ROLE_KEYS.has(key) && !before.has(key));
    if (gained.length === 0 || !record.targetId) return null;
    return detection(
      record,
      {
        detector: ROLE_ESCALATION,
        severity: gained.includes('owner') ? 'high' : 'medium',
        title: `A member was given the ${gained.join(' and ')} role`,
        dedupKey: `${ROLE_ESCALATION}:audit:${record.id}`,
        subject: { type: 'user', id: record.targetId },
      },
      { userId: record.targetId, gained, before: [...before], after },
    );
  }
  // AdminHub's bulk "assign role" names the role by id: whether it administers is the job's check.
  if (record.action === 'adminhub.user.role_assigned') {
    const roleId = typeof details.roleId === 'string' ? details.roleId : null;
    if (!roleId || !record.targetId) return null;
    return detection(
      record,
      {
        detector: ROLE_ESCALATION,
        severity: 'medium',
        title: 'A member was given an administrator role',
        dedupKey: `${ROLE_ESCALATION}:audit:${record.id}`,
        subject: { type: 'user', id: record.targetId },
      },
      { userId: record.targetId, roleId },
      { onlyIfAdminRole: roleId },
    );
  }
  if (record.action === 'role.updated' || record.action === 'role.created') {
    const beforeDetails = (details.before ?? {}) as Record<string, unknown>;
    const afterDetails = (record.action === 'role.created' ? details : (details.after ?? {})) as Record<
      string,
      unknown
    >;
    const before = new Set(strings(beforeDetails.permissions));
    const widened = strings(afterDetails.permissions).filter((grant) => isWide(grant) && !before.has(grant));
    if (widened.length === 0 || !record.targetId) return null;
    return detection(
      record,
      {
        detector: ROLE_ESCALATION,
        severity: widened.some((grant) => grant.startsWith('*:')) ? 'high' : 'medium',
        title: `A role's permissions were widened to ${widened.join(', ')}`,
        dedupKey: `${ROLE_ESCALATION}:audit:${record.id}`,
        subject: { type: 'role', id: record.targetId },
      },
      { roleId: record.targetId, widened },
    );
  }
  return null;
}

/**
 * MFA removed from someone who administers the tenant: AdminHub's reset
 * (`adminhub.user.mfa_reset`) or any audited MFA disable/reset/removal of the
 * platform's auth. Only administrators matter (the job checks, at the time it
 * runs, that the target administers the tenant).
 */
function mfaRemoved(record: AuditRecord): Detection | null {
  if (!/(^|\.)mfa[._-]?(reset|disabled|removed)$/.test(record.action)) return null;
  const userId = record.targetType === 'user' && record.targetId ? record.targetId : null;
  if (!userId) return null;
  return detection(
    record,
    {
      detector: ADMIN_MFA_REMOVED,
      severity: 'high',
      title: 'Multi-factor authentication was removed from an administrator',
      dedupKey: `${ADMIN_MFA_REMOVED}:audit:${record.id}`,
      subject: { type: 'user', id: userId },
    },
    { userId },
    { onlyIfAdmin: userId },
  );
}

/** Every detection in these audit records, in their order. */
export function detectAuditChanges(records: readonly AuditRecord[]): Detection[] {
  return records.flatMap((record) =>
    [roleEscalation(record), mfaRemoved(record)].filter((found) => found !== null),
  );
}
