import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { createItem } from './create-item';
import { exportItems } from './export-items';
import { getItem } from './get-item';
import { listItems } from './list-items';
import { deleteReorderSetting, listReorderSettings, putReorderSetting } from './reorder-settings';
import { itemsService } from './service';
import { updateItem } from './update-item';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(itemsService, {
  listItems: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listItems(query, deps)),
  }),
  exportItems: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportItems(query, deps));
    return csvResponse(`items-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
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
  updateItem: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const item = await inTenant((deps) => updateItem(params.itemId, version, changes, deps));
    return { body: item, headers: etag(item.version) };
  },
  listItemReorderSettings: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => listReorderSettings(params.itemId, deps)),
  }),
  putItemReorderSetting: async ({ params, body, inTenant }) => {
    const setting = await inTenant((deps) =>
      putReorderSetting(params.itemId, params.warehouseId, body, deps),
    );
    return { body: setting, headers: etag(setting.version) };
  },
  deleteItemReorderSetting: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteReorderSetting(params.itemId, params.warehouseId, deps));
    return { body: undefined };
  },
});
