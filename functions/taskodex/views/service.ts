import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CreateViewBody, ListViewsQuery, SavedView, UpdateViewBody, ViewParams } from './schemas';

/**
 * Saved views of the task list. Saving how you look at tasks is reading
 * them, so `taskodex:task:read` covers every route; ownership decides edits.
 */
export const viewsService = defineService({
  product: 'taskodex',
  capability: 'views',
  description: 'Saved task views: filters, sort and layout per user, shareable in a project or the tenant.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listViews',
      method: 'GET',
      path: '/v1/taskodex/views',
      permission: 'taskodex:task:read',
      summary: 'List saved views',
      description:
        "Yours and the shared ones you can see (the tenant's, and those of projects you can see), by name.",
      query: ListViewsQuery,
      response: pageOf(SavedView),
    }),
    defineRoute({
      operationId: 'createView',
      method: 'POST',
      path: '/v1/taskodex/views',
      permission: 'taskodex:task:read',
      summary: 'Save a view',
      description:
        'Filters, sort and layout under a name, yours alone unless `shared` (then everyone who can see its project, or the tenant when it has none, sees it).',
      body: CreateViewBody,
      status: 201,
      response: SavedView,
    }),
    defineRoute({
      operationId: 'getView',
      method: 'GET',
      path: '/v1/taskodex/views/{viewId}',
      permission: 'taskodex:task:read',
      summary: 'Get a saved view',
      description: 'Yours, or one shared with you.',
      params: ViewParams,
      response: SavedView,
    }),
    defineRoute({
      operationId: 'updateView',
      method: 'PATCH',
      path: '/v1/taskodex/views/{viewId}',
      permission: 'taskodex:task:read',
      summary: 'Change your view',
      description:
        'Only the owner changes a view (403 for others who can see it). Send `version` (or `If-Match`); a stale one gets 409.',
      params: ViewParams,
      body: UpdateViewBody,
      headers: IF_MATCH_HEADER,
      response: SavedView,
    }),
    defineRoute({
      operationId: 'deleteView',
      method: 'DELETE',
      path: '/v1/taskodex/views/{viewId}',
      permission: 'taskodex:task:read',
      summary: 'Delete your view',
      description: 'Only the owner deletes a view (403 for others who can see it).',
      params: ViewParams,
      status: 204,
    }),
  ],
});
