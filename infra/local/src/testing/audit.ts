import type { TestPlatform } from './test-platform';

/** For integration tests of any product: what the kernel's audit log holds, read as the database owner. */

export interface AuditRecord {
  actorId: string;
  actorType: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

/**
 * The audit records of one action, oldest first: what a mutating route leaves
 * behind. Narrowed to one target, or to one tenant for actions without one
 * (a reorder run).
 */
export async function auditRecords(
  platform: Pick<TestPlatform, 'db'>,
  action: string,
  where: { targetId: string } | { tenantId: string },
): Promise<AuditRecord[]> {
  const { rows } = await platform.db.query<AuditRecord>(
    `select actor_id as "actorId", actor_type as "actorType", target_type as "targetType",
            target_id as "targetId", details
     from platform.audit_log
     where action = $1 and ($2::text is null or target_id = $2) and ($3::uuid is null or tenant_id = $3)
     order by occurred_at, id`,
    [action, 'targetId' in where ? where.targetId : null, 'tenantId' in where ? where.tenantId : null],
  );
  return rows;
}
