import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CreatedLocations,
  CreateLocationBody,
  CreateWarehouseBody,
  ListLocationsQuery,
  ListWarehousesQuery,
  LocationTree,
  StockLocation,
  StockLocationParams,
  UpdateLocationBody,
  UpdateWarehouseBody,
  Warehouse,
  WarehouseParams,
} from './schemas';

/**
 * Warehouses and the tree of locations inside them (zone → aisle → rack →
 * shelf → bin, any depth), with the receiving and shipping location every
 * warehouse gets. Reading is for everyone who works with stock
 * (`invantray:warehouse:read`); shaping warehouses is the Warehouse
 * Manager's (`invantray:warehouse:write`).
 */
export const warehousesService = defineService({
  product: 'invantray',
  capability: 'warehouses',
  description: 'Warehouses and their locations.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'invantray:warehouse:read', description: 'See warehouses and their locations.' },
    { name: 'invantray:warehouse:write', description: 'Create and change warehouses and their locations.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listWarehouses',
      method: 'GET',
      path: '/v1/invantray/warehouses',
      permission: 'invantray:warehouse:read',
      summary: 'List warehouses',
      description: 'By code, a page at a time (`cursor` from the previous page).',
      query: ListWarehousesQuery,
      response: pageOf(Warehouse),
    }),
    defineRoute({
      operationId: 'createWarehouse',
      method: 'POST',
      path: '/v1/invantray/warehouses',
      permission: 'invantray:warehouse:write',
      summary: 'Create a warehouse',
      description:
        'Creates the warehouse with its receiving (`RECEIVING`) and shipping (`SHIPPING`) locations, whose ids it answers. A code another warehouse has, in any case, is a 409 `warehouse_code_taken`. Honours `Idempotency-Key`.',
      body: CreateWarehouseBody,
      status: 201,
      response: Warehouse,
    }),
    defineRoute({
      operationId: 'getWarehouse',
      method: 'GET',
      path: '/v1/invantray/warehouses/{warehouseId}',
      permission: 'invantray:warehouse:read',
      summary: 'Get a warehouse',
      params: WarehouseParams,
      response: Warehouse,
    }),
    defineRoute({
      operationId: 'updateWarehouse',
      method: 'PATCH',
      path: '/v1/invantray/warehouses/{warehouseId}',
      permission: 'invantray:warehouse:write',
      summary: 'Change a warehouse',
      description:
        'Partial update with optimistic concurrency (`version` or `If-Match`; stale is a 409). Deactivating a warehouse that holds stock is a 409 `warehouse_has_stock`. A new code leaves location barcodes as printed.',
      params: WarehouseParams,
      body: UpdateWarehouseBody,
      headers: IF_MATCH_HEADER,
      response: Warehouse,
    }),
    defineRoute({
      operationId: 'listWarehouseLocations',
      method: 'GET',
      path: '/v1/invantray/warehouses/{warehouseId}/locations',
      permission: 'invantray:warehouse:read',
      summary: 'The location tree of a warehouse',
      description:
        'Every location of the warehouse (at most 10,000), flat in tree order: each after its parent, siblings by code. Each has `parentId`, `depth`, `path` (codes from the root), `barcode` and `onHandLines`, so a client draws the tree in one pass.',
      params: WarehouseParams,
      query: ListLocationsQuery,
      response: LocationTree,
    }),
    defineRoute({
      operationId: 'createStockLocation',
      method: 'POST',
      path: '/v1/invantray/warehouses/{warehouseId}/locations',
      permission: 'invantray:warehouse:write',
      summary: 'Add a location',
      description:
        'Under `parentId` (a location of this warehouse) or as a root. The barcode defaults to `<warehouse code>-<codes from the root>` (`WH1-A-03-B2`) and is unique in the tenant (409 `barcode_taken`); a code a sibling has is a 409 `location_code_taken`. Send `code` for one location or `range` (`{"from": "A-01", "to": "A-20"}`, at most 200) for a run of them. Answers the created locations. Honours `Idempotency-Key`.',
      params: WarehouseParams,
      body: CreateLocationBody,
      status: 201,
      response: CreatedLocations,
    }),
    defineRoute({
      operationId: 'getStockLocation',
      method: 'GET',
      path: '/v1/invantray/stock-locations/{stockLocationId}',
      permission: 'invantray:warehouse:read',
      summary: 'Get a location',
      params: StockLocationParams,
      response: StockLocation,
    }),
    defineRoute({
      operationId: 'updateStockLocation',
      method: 'PATCH',
      path: '/v1/invantray/stock-locations/{stockLocationId}',
      permission: 'invantray:warehouse:write',
      summary: 'Change a location',
      description:
        'Rename, re-code, change kind or barcode, move under another location of the same warehouse (`parentId`; under itself or its own subtree is a 422 `location_cycle`), or (de)activate. Deactivating takes its subtree with it and is a 409 `location_has_stock` while any of them holds stock. Receiving and shipping locations can only be renamed (422 `dock_location`). Optimistic concurrency with `version` or `If-Match`.',
      params: StockLocationParams,
      body: UpdateLocationBody,
      headers: IF_MATCH_HEADER,
      response: StockLocation,
    }),
  ],
});
