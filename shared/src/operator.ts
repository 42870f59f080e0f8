import { type AuditActor, recordAudit } from './audit';
import type { Principal } from './auth/principal';
import { type Tx, withOperatorTransaction } from './db/transaction';
import { ForbiddenError, NotFoundError } from './errors';
import { actorOf, createEventRecorder, type EventRecorder } from './events/outbox';
import { isUuid, uuidv7 } from './ids';

/** The user pool group whose members are platform operators (`cognito:groups` in their access token). */
export const OPERATOR_GROUP = 'operators';

export interface OperatorAuditEntry {
  /** `adminhub.<resource>.<verb>`, as tenant audit actions. */
  action: string;
  targetType: string;
  targetId?: string;
  /** The tenant the call concerns: the entry is then also written into that tenant's audit log. */
  tenantId?: string;
  details?: Record<string, unknown>;
}

/** What an operator use case gets: the operator transaction and the ways to audit and to act on one tenant. */
export interface OperatorDeps {
  /** A transaction as halooid_operator: every tenant's console columns readable, no tenant's rows writable until `actOn`. */
  tx: Tx;
  operatorId: string;
  actor: AuditActor;
  newId: () => string;
  now: () => Date;
  /**
   * Records the call in platform.operator_audit (every operator route, reads
   * included) and, with a tenant, in that tenant's own audit log as actor
   * type `operator`, so its administrators see who looked or acted.
   */
  audit(entry: OperatorAuditEntry): Promise<void>;
  /**
   * Points the transaction at one tenant (app.tenant_id): from here the
   * tenant_isolation policies let it write that tenant's rows the operator
   * role is granted (status, tier, RBAC version, audit, outbox). Returns the
   * tenant's event recorder; its events are published by the outbox relay.
   */
  actOn(tenantId: string): Promise<EventRecorder>;
}

export type AsOperator = <T>(work: (deps: OperatorDeps) => Promise<T>) => Promise<T>;

/**
 * The one way an OPERATOR route reaches the database. The caller must be an
 * operator principal (the authorizer decided, this re-checks). The work runs
 * as halooid_operator, not as the worker role and not as a tenant member:
 * it can list tenants and usage across the platform and change one tenant at
 * a time, nothing else (platform/0011 says exactly what).
 */
export function asOperatorFor(
  principal: Principal | undefined,
  origin: { sourceIp: string; correlationId: string },
): AsOperator {
  return async (work) => {
    if (principal?.principalType !== 'operator') throw new ForbiddenError('Operators only.');
    const actor: AuditActor = {
      principal: { principalId: principal.principalId, principalType: 'operator' },
      ip: origin.sourceIp,
      correlationId: origin.correlationId,
    };
    return withOperatorTransaction((tx) => {
      const pointAt = async (tenantId: string) => {
        if (!isUuid(tenantId)) throw new NotFoundError('No such tenant.');
        await tx.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      };
      return work({
        tx,
        operatorId: principal.principalId,
        actor,
        newId: uuidv7,
        now: () => new Date(),
        async audit(entry) {
          await tx.query(
            `insert into platform.operator_audit
               (id, operator_id, action, tenant_id, target_type, target_id, ip, correlation_id, details)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              uuidv7(),
              principal.principalId,
              entry.action,
              entry.tenantId ?? null,
              entry.targetType,
              entry.targetId ?? null,
              origin.sourceIp || null,
              origin.correlationId,
              entry.details ?? {},
            ],
          );
          if (!entry.tenantId) return;
          await pointAt(entry.tenantId);
          await recordAudit(tx, actor, entry);
        },
        async actOn(tenantId) {
          await pointAt(tenantId);
          return createEventRecorder(tx, {
            tenantId,
            actor: actorOf({ principalId: principal.principalId, principalType: 'operator' }),
            correlationId: origin.correlationId,
          });
        },
      });
    });
  };
}
