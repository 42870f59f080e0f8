import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { codesOf, createLocations } from './create-locations';
import { createWarehouse } from './create-warehouse';
import { getLocation } from './get-location';
import { getWarehouse } from './get-warehouse';
import { listLocations } from './list-locations';
import { listWarehouses } from './list-warehouses';
import { warehousesService } from './service';
import { updateLocation } from './update-location';
import { updateWarehouse } from './update-warehouse';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(warehousesService, {
  listWarehouses: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listWarehouses(query, deps)),
  }),
  createWarehouse: async ({ body, inTenant }) => {
    const warehouse = await inTenant((deps) => createWarehouse(body, deps));
    return {
      body: warehouse,
      headers: { Location: `/v1/invantray/warehouses/${warehouse.id}`, ...etag(warehouse.version) },
    };
  },
  getWarehouse: async ({ params, inTenant }) => {
    const warehouse = await inTenant((deps) => getWarehouse(params.warehouseId, deps));
    return { body: warehouse, headers: etag(warehouse.version) };
  },
  updateWarehouse: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const warehouse = await inTenant((deps) => updateWarehouse(params.warehouseId, version, changes, deps));
    return { body: warehouse, headers: etag(warehouse.version) };
  },
  listWarehouseLocations: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) =>
      listLocations(params.warehouseId, { activeOnly: query.active === true }, deps),
    ),
  }),
  createStockLocation: async ({ params, body, inTenant }) => {
    const codes = codesOf(body);
    const items = await inTenant((deps) => createLocations(params.warehouseId, { ...body, codes }, deps));
    const headers: Record<string, string> = {};
    if (items[0]) headers.Location = `/v1/invantray/stock-locations/${items[0].id}`;
    return { body: { items }, headers };
  },
  getStockLocation: async ({ params, inTenant }) => {
    const location = await inTenant((deps) => getLocation(params.stockLocationId, deps));
    return { body: location, headers: etag(location.version) };
  },
  updateStockLocation: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const location = await inTenant((deps) => updateLocation(params.stockLocationId, version, changes, deps));
    return { body: location, headers: etag(location.version) };
  },
});
