import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { addSupplierPrice } from './add-supplier-price';
import { createSupplier } from './create-supplier';
import { deleteSupplierPrice } from './delete-supplier-price';
import { getSupplier } from './get-supplier';
import { itemSupplierPrices } from './item-supplier-prices';
import { listSupplierPrices } from './list-supplier-prices';
import { listSuppliers } from './list-suppliers';
import { quotePrice } from './quote-price';
import { suppliersService } from './service';
import { updateSupplier } from './update-supplier';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(suppliersService, {
  listSuppliers: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listSuppliers(query, deps)),
  }),
  createSupplier: async ({ body, inTenant }) => {
    const supplier = await inTenant((deps) => createSupplier(body, deps));
    return {
      body: supplier,
      headers: { Location: `/v1/invantray/suppliers/${supplier.id}`, ...etag(supplier.version) },
    };
  },
  getSupplier: async ({ params, inTenant }) => {
    const supplier = await inTenant((deps) => getSupplier(params.supplierId, deps));
    return { body: supplier, headers: etag(supplier.version) };
  },
  updateSupplier: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const supplier = await inTenant((deps) => updateSupplier(params.supplierId, version, changes, deps));
    return { body: supplier, headers: etag(supplier.version) };
  },
  listSupplierPrices: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => listSupplierPrices(params.supplierId, query, deps)),
  }),
  createSupplierPrice: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => addSupplierPrice(params.supplierId, body, deps)),
  }),
  deleteSupplierPrice: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteSupplierPrice(params.supplierPriceId, deps));
    return { body: undefined };
  },
  listItemSupplierPrices: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => itemSupplierPrices(params.itemId, deps)),
  }),
  quoteSupplierPrice: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => quotePrice(params.supplierId, query, deps)),
  }),
});
