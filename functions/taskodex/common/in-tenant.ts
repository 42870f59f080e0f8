import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { actorOf, type EventRecorder, withTenantEvents } from '@halooid/shared/events/outbox';
import { uuidv7 } from '@halooid/shared/ids';

/**
 * What every Taskodex handler gives its use cases: the caller's tenant
 * transaction, the caller, an id source, the outbox and a clock. Each
 * capability's `*Deps` type is a subset of this, so one helper serves all.
 */
export interface RequestDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  /** Writes events to the outbox in the same transaction as the change. */
  events: EventRecorder;
  now: () => Date;
}

/** Runs a use case in the caller's tenant transaction; its events are published after commit. */
export function inTenant<T>(principal: Principal, work: (deps: RequestDeps) => Promise<T>): Promise<T> {
  return withTenantEvents(
    { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
    (tx, events) => work({ tx, principal, newId: uuidv7, events, now: () => new Date() }),
  );
}
