import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CreateItemBody,
  ExportItemsQuery,
  Item,
  ItemDetail,
  ItemParams,
  ListItemsQuery,
  PutReorderSettingBody,
  ReorderSetting,
  ReorderSettingList,
  ReorderSettingParams,
  UpdateItemBody,
} from './schemas';

/**
 * Items: what a tenant stocks and buys. An item has a SKU unique per tenant,
 * a base unit every quantity is counted in (with conversions such as a box
 * of 12), barcodes, lot or serial tracking, a default supplier, and reorder
 * settings per warehouse. `read` is for everyone who works with stock;
 * `write` is for whoever keeps the catalogue (Warehouse Managers). Categories
 * (categories/) use the same two grants.
 */
export const itemsService = defineService({
  product: 'invantray',
  capability: 'items',
  description: 'Items: SKUs, units and conversions, barcodes, tracking, reorder settings; CSV export.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'item.created' }, { type: 'item.updated' }],
  permissions: [
    { name: 'invantray:item:read', description: 'See items, categories and reorder settings; export items.' },
    {
      name: 'invantray:item:write',
      description: 'Create and change items and categories; set reorder points.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listItems',
      method: 'GET',
      path: '/v1/invantray/items',
      permission: 'invantray:item:read',
      summary: 'List items',
      description:
        'Active items, newest first unless `sort` says otherwise (`sku`, `name`, `createdAt`, `updatedAt`), a page at a time (`cursor` from the previous page). `q` matches the SKU or name (contains) or a barcode (starts with); `categoryId` includes the categories below it. Each item carries its stock totals across warehouses.',
      query: ListItemsQuery,
      response: pageOf(Item),
    }),
    defineRoute({
      operationId: 'exportItems',
      method: 'GET',
      path: '/v1/invantray/items/export',
      permission: 'invantray:item:read',
      summary: 'Export items as CSV',
      description:
        "Every item the list would return for the same filters and sort, as one `text/csv` download (UTF-8 with BOM, CRLF, RFC 4180 quoting; cells starting with = + - @ get a leading `'`). Columns: sku, name, description, category (its path, ` / `-separated), unit, units (`box=12; `-separated), barcodes, tracking, average cost, on hand, available, default supplier (code), active, id, created at, updated at. More than 25,000 items is a 400: narrow the filters.",
      query: ExportItemsQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'createItem',
      method: 'POST',
      path: '/v1/invantray/items',
      permission: 'invantray:item:write',
      summary: 'Create an item',
      description:
        'The SKU is unique in the tenant in any case: a taken one is a 409 `duplicate_sku` whose `existingId` names the item. So is each barcode (409 `duplicate_barcode`, `existingId` and `code`). `units` convert other units to the base `unit` (`{"unit": "box", "factor": "12"}`); a barcode counts its `unit` (the base unit when omitted). A `categoryId` or `defaultSupplierId` that does not exist is a 422. Honours `Idempotency-Key`.',
      body: CreateItemBody,
      status: 201,
      response: ItemDetail,
    }),
    defineRoute({
      operationId: 'getItem',
      method: 'GET',
      path: '/v1/invantray/items/{itemId}',
      permission: 'invantray:item:read',
      summary: 'Get an item',
      description:
        "With its units, barcodes, category path, moving-average cost and stock totals (on hand, reserved, available) across warehouses. Another tenant's item, or none, is a 404.",
      params: ItemParams,
      response: ItemDetail,
    }),
    defineRoute({
      operationId: 'updateItem',
      method: 'PATCH',
      path: '/v1/invantray/items/{itemId}',
      permission: 'invantray:item:write',
      summary: 'Change an item',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. `units` and `barcodes` replace the lists. Once the item has a stock move its `unit` and `tracking` are fixed (422 `item_has_moves`). A SKU or barcode another item has is a 409 naming it (`existingId`). Emits `item.updated` naming the changed fields.',
      params: ItemParams,
      body: UpdateItemBody,
      headers: IF_MATCH_HEADER,
      response: ItemDetail,
    }),
    defineRoute({
      operationId: 'listItemReorderSettings',
      method: 'GET',
      path: '/v1/invantray/items/{itemId}/reorder-settings',
      permission: 'invantray:item:read',
      summary: "List an item's reorder settings",
      description:
        'One entry per warehouse that has a reorder point for the item, by warehouse code (a short list: at most one per warehouse).',
      params: ItemParams,
      response: ReorderSettingList,
    }),
    defineRoute({
      operationId: 'putItemReorderSetting',
      method: 'PUT',
      path: '/v1/invantray/items/{itemId}/reorder-settings/{warehouseId}',
      permission: 'invantray:item:write',
      summary: "Set an item's reorder point in a warehouse",
      description:
        'Creates or overwrites the setting: when available plus on order in the warehouse falls below `reorderPoint`, `reorderQuantity` is ordered (both in the base unit). Send `version` to overwrite only what you read (409 when it changed or was deleted). An item or warehouse that does not exist is a 404.',
      params: ReorderSettingParams,
      body: PutReorderSettingBody,
      response: ReorderSetting,
    }),
    defineRoute({
      operationId: 'deleteItemReorderSetting',
      method: 'DELETE',
      path: '/v1/invantray/items/{itemId}/reorder-settings/{warehouseId}',
      permission: 'invantray:item:write',
      summary: "Remove an item's reorder point in a warehouse",
      description: 'The item is no longer reordered for that warehouse. None there is a 404.',
      params: ReorderSettingParams,
      status: 204,
    }),
  ],
});
