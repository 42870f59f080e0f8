import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { createItem } from './create-item';
import { getItem } from './get-item';
import { listItems } from './list-items';
import { itemsService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(itemsService, {
  listItems: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listItems(query, deps)),
  }),
  createItem: async ({ body, inTenant }) => {
    const item = await inTenant((deps) => createItem(body, deps));
    return {
      body: item,
      headers: { Location: `/v1/invantray/items/${item.id}`, ...etag(item.version) },
    };
  },
  getItem: async ({ params, inTenant }) => {
    const item = await inTenant((deps) => getItem(params.itemId, deps));
    return { body: item, headers: etag(item.version) };
  },
});
