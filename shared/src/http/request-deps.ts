import type { AuditActor } from '../audit';
import type { Principal } from '../auth/principal';
import type { Tx } from '../db/transaction';
import { UnauthorizedError } from '../errors';
import { actorOf, type EventRecorder, withTenantEvents } from '../events/outbox';
import { uuidv7 } from '../ids';

/**
 * What a use case gets from the request it serves: the caller's tenant
 * transaction, the caller, who to write in the audit log, an id source, the
 * outbox and a clock. A capability's own `*Deps` type is a subset of this
 * (plus whatever it adds itself, such as a permission catalog), so tests can
 * pass real or fake pieces.
 */
export interface RequestDeps {
  tx: Tx;
  principal: Principal;
  /** The caller as the audit log records it: principal, client IP, correlation id. */
  actor: AuditActor;
  newId: () => string;
  /** Writes events to the outbox in the same transaction as the change; published after commit. */
  events: EventRecorder;
  now: () => Date;
}

/** Runs `work` in the caller's tenant transaction; the adapter hands every request one (`request.inTenant`). */
export type InTenant = <T>(work: (deps: RequestDeps) => Promise<T>) => Promise<T>;

export interface RequestOrigin {
  sourceIp: string;
  correlationId: string;
}

/**
 * The one rule for a request's tenant transaction:
 * - the tenant is the authorizer's (`X-Tenant-Id` as checked); a call with no
 *   tenant (AUTHENTICATED routes such as `GET /v1/me`) runs with none, so
 *   tenant rows stay invisible to it under RLS;
 * - `app.user_id` is the caller's id only when the caller is a user, never
 *   an API key's `apikey:…` id (docs/decisions.md "app.user_id holds a
 *   user's id or nothing");
 * - events recorded through `deps.events` go to the outbox in the same
 *   transaction and are published after COMMIT; a rollback publishes nothing.
 * A request without a principal (a PUBLIC route) has no tenant to run in: 401.
 */
export function inTenantFor(principal: Principal | undefined, origin: RequestOrigin): InTenant {
  return async (work) => {
    if (!principal) throw new UnauthorizedError();
    return withTenantEvents(
      {
        tenantId: principal.tenantId,
        ...(principal.principalType === 'user' ? { userId: principal.principalId } : {}),
        actor: actorOf(principal),
      },
      (tx, events) =>
        work({
          tx,
          principal,
          actor: { principal, ip: origin.sourceIp, correlationId: origin.correlationId },
          newId: uuidv7,
          events,
          now: () => new Date(),
        }),
    );
  };
}
