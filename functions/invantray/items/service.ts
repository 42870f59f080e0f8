import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CreateItemBody, Item, ItemParams, ListItemsQuery } from './schemas';

/**
 * Items of invantray. Scaffolded by `npm run new`: say here what the
 * capability is for and why its permissions are split the way they are.
 */
export const itemsService = defineService({
  product: 'invantray',
  capability: 'items',
  description: 'The items of a tenant.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'invantray:item:read', description: 'See items.' },
    { name: 'invantray:item:write', description: 'Create items.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listItems',
      method: 'GET',
      path: '/v1/invantray/items',
      permission: 'invantray:item:read',
      summary: 'List items',
      description: 'Newest first, a page at a time (`cursor` from the previous page).',
      query: ListItemsQuery,
      response: pageOf(Item),
    }),
    defineRoute({
      operationId: 'createItem',
      method: 'POST',
      path: '/v1/invantray/items',
      permission: 'invantray:item:write',
      summary: 'Create an item',
      body: CreateItemBody,
      status: 201,
      response: Item,
    }),
    defineRoute({
      operationId: 'getItem',
      method: 'GET',
      path: '/v1/invantray/items/{itemId}',
      permission: 'invantray:item:read',
      summary: 'Get an item',
      description: "Another tenant's item, or none, is a 404.",
      params: ItemParams,
      response: Item,
    }),
  ],
});
