import type { Principal } from '@halooid/shared/auth/principal';
import { actorOf, withTenantEvents } from '@halooid/shared/events/outbox';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { addRelation, findRelations, type RelationDeps, removeRelation } from './relation-use-cases';
import { relationsService } from './service';

/** Runs a use case in the caller's tenant transaction; its events are published after commit. */
function inTenant<T>(principal: Principal, work: (deps: RelationDeps) => Promise<T>): Promise<T> {
  return withTenantEvents(
    { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
    (tx, events) => work({ tx, principal, newId: uuidv7, events }),
  );
}

export const handler = createHttpHandler(relationsService, {
  listTaskRelations: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => findRelations(params.taskId, deps)),
  }),
  addTaskRelation: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => addRelation(params.taskId, body, deps)),
  }),
  deleteTaskRelation: async ({ params, principal }) => {
    await inTenant(principal, (deps) => removeRelation(params.taskId, params.relationId, deps));
    return { body: undefined };
  },
});
