import { describe, expect, it } from 'vitest';
import { ADMIN_MFA_REMOVED, detectAuditChanges, ROLE_ESCALATION } from './audit-changes';
import type { AuditRecord } from './detection';

const TENANT = '0195e0a0-0000-7000-8000-000000000001';
const ADA = '0195e0a0-0000-7000-8000-0000000000a1';

const record = (
  action: string,
  details: Record<string, unknown>,
  target = ADA,
  targetType = 'user',
): AuditRecord => ({
  tenantId: TENANT,
  id: `0195e0a0-0000-7000-8000-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
  actorId: 'someone',
  actorType: 'user',
  action,
  targetType,
  targetId: target,
  details,
  occurredAt: new Date('2026-12-06T10:00:00.000Z'),
});

describe('role escalation', () => {
  it('raises when a member gains Owner or Admin, by role change or invitation', () => {
    const found = detectAuditChanges([
      record('member.roles_changed', { before: ['member'], after: ['member', 'admin'] }),
      record('member.invited', { email: 'x@y.example', roles: ['owner'] }),
    ]);

    expect(
      found.map((detection) => [detection.detector, detection.severity, detection.evidence.gained]),
    ).toEqual([
      [ROLE_ESCALATION, 'medium', ['admin']],
      [ROLE_ESCALATION, 'high', ['owner']],
    ]);
    expect(found[0]?.target).toEqual({ kind: 'tenant', tenantId: TENANT });
  });

  it('raises for AdminHub’s role assignment, leaving to the job whether the role administers', () => {
    const [found] = detectAuditChanges([
      record('adminhub.user.role_assigned', { roleId: 'role-9', email: 'x@y' }),
    ]);

    expect(found).toMatchObject({
      detector: ROLE_ESCALATION,
      subject: { type: 'user', id: ADA },
      target: { kind: 'tenant', tenantId: TENANT, onlyIfAdminRole: 'role-9' },
    });
  });

  it('raises when a role gains a wildcard product or resource, not for narrower changes', () => {
    const widened = record(
      'role.updated',
      { before: { permissions: ['taskodex:task:read'] }, after: { permissions: ['*:*:*'] } },
      'role-1',
      'role',
    );
    const narrow = record(
      'role.updated',
      { before: { permissions: [] }, after: { permissions: ['taskodex:task:read', 'taskodex:task:*'] } },
      'role-2',
      'role',
    );
    const demoted = record('member.roles_changed', { before: ['admin'], after: ['member'] });

    const found = detectAuditChanges([widened, narrow, demoted]);

    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'high', subject: { type: 'role', id: 'role-1' } });
  });
});

describe('MFA removed', () => {
  it('raises for AdminHub’s MFA reset, only where the target administers the tenant', () => {
    const [found] = detectAuditChanges([record('adminhub.user.mfa_reset', {})]);

    expect(found).toMatchObject({
      detector: ADMIN_MFA_REMOVED,
      severity: 'high',
      target: { kind: 'tenant', tenantId: TENANT, onlyIfAdmin: ADA },
    });
    expect(detectAuditChanges([record('adminhub.user.disabled', {})])).toEqual([]);
  });
});
