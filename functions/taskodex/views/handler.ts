import type { Principal } from '@halooid/shared/auth/principal';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { viewsService } from './service';
import { changeView, createView, findViews, getView, removeView, type ViewDeps } from './view-use-cases';

/** Views emit no events: they are one user's settings, not shared work. */
function inTenant<T>(principal: Principal, work: (deps: ViewDeps) => Promise<T>): Promise<T> {
  return withTenantTransaction({ tenantId: principal.tenantId, userId: principal.principalId }, (tx) =>
    work({ tx, principal, newId: uuidv7 }),
  );
}

export const handler = createHttpHandler(viewsService, {
  listViews: async ({ query, principal }) => ({
    body: await inTenant(principal, (deps) => findViews(query, deps)),
  }),
  createView: async ({ body, principal }) => {
    const view = await inTenant(principal, (deps) => createView(body, deps));
    return { body: view, headers: { Location: `/v1/taskodex/views/${view.id}` } };
  },
  getView: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => getView(params.viewId, deps)),
  }),
  updateView: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => changeView(params.viewId, body, deps)),
  }),
  deleteView: async ({ params, principal }) => {
    await inTenant(principal, (deps) => removeView(params.viewId, deps));
    return { body: undefined };
  },
});
