import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { etag, expectedVersion } from '../common/versioning';
import { viewsService } from './service';
import { changeView, createView, findViews, getView, removeView } from './view-use-cases';

export const handler = createHttpHandler(viewsService, {
  listViews: async ({ query, principal }) => ({
    body: await inTenant(principal, (deps) => findViews(query, deps)),
  }),
  createView: async ({ body, principal }) => {
    const view = await inTenant(principal, (deps) => createView(body, deps));
    return { body: view, headers: { Location: `/v1/taskodex/views/${view.id}`, ...etag(view.version) } };
  },
  getView: async ({ params, principal }) => {
    const view = await inTenant(principal, (deps) => getView(params.viewId, deps));
    return { body: view, headers: etag(view.version) };
  },
  updateView: async ({ params, body, headers, principal }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    const view = await inTenant(principal, (deps) => changeView(params.viewId, { ...body, version }, deps));
    return { body: view, headers: etag(view.version) };
  },
  deleteView: async ({ params, principal }) => {
    await inTenant(principal, (deps) => removeView(params.viewId, deps));
    return { body: undefined };
  },
});
