import type { Principal } from './auth/principal';
import type { Tx } from './db/transaction';
import { uuidv7 } from './ids';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export interface AuditActor {
  principal:
    | Pick<Principal, 'principalId' | 'principalType'>
    | { principalId: string; principalType: 'system' };
  ip?: string;
  correlationId?: string;
}

/**
 * Writes one audit record in the caller's tenant transaction, so the record
 * exists exactly when the change does. The table is append-only for the
 * application role.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.query(
    `insert into platform.audit_log
       (tenant_id, id, actor_id, actor_type, action, target_type, target_id, ip, correlation_id, details)
     values (platform.current_tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      uuidv7(),
      actor.principal.principalId,
      actor.principal.principalType,
      entry.action,
      entry.targetType,
      entry.targetId ?? null,
      actor.ip ?? null,
      actor.correlationId ?? null,
      entry.details ?? {},
    ],
  );
}

/**
 * Marks that an authorization decision may have changed in the current tenant
 * (roles, memberships, API keys, status). Authorizer caches compare versions,
 * so the change is enforced within seconds everywhere.
 */
export async function bumpRbacVersion(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ rbac_version: number }>(
    `update platform.tenants set rbac_version = rbac_version + 1, updated_at = now()
      where id = platform.current_tenant_id() returning rbac_version`,
  );
  return rows[0]?.rbac_version ?? 0;
}
