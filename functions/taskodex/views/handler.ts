import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { viewsService } from './service';
import { changeView, createView, findViews, getView, removeView } from './view-use-cases';

export const handler = createHttpHandler(viewsService, {
  listViews: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => findViews(query, deps)),
  }),
  createView: async ({ body, inTenant }) => {
    const view = await inTenant((deps) => createView(body, deps));
    return { body: view, headers: { Location: `/v1/taskodex/views/${view.id}`, ...etag(view.version) } };
  },
  getView: async ({ params, inTenant }) => {
    const view = await inTenant((deps) => getView(params.viewId, deps));
    return { body: view, headers: etag(view.version) };
  },
  updateView: async ({ params, body, headers, inTenant }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    const view = await inTenant((deps) => changeView(params.viewId, { ...body, version }, deps));
    return { body: view, headers: etag(view.version) };
  },
  deleteView: async ({ params, inTenant }) => {
    await inTenant((deps) => removeView(params.viewId, deps));
    return { body: undefined };
  },
});
