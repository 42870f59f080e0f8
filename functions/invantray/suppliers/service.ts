import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CreateSupplierBody,
  CreateSupplierPriceBody,
  ItemSupplierPrices,
  ItemSupplierPricesParams,
  ListSupplierPricesQuery,
  ListSuppliersQuery,
  Quote,
  QuoteQuery,
  Supplier,
  SupplierParams,
  SupplierPrice,
  SupplierPriceParams,
  UpdateSupplierBody,
} from './schemas';

/**
 * Suppliers (who Invantray buys from: contacts, currency, payment terms, lead
 * time) and their prices per item with quantity breaks, effective-dated. A
 * price row is a quote: purchase order lines copy the price they were made
 * with, so prices can be added and withdrawn without touching any order.
 * `read` is given to everyone who works with stock; `write` to buyers.
 */
export const suppliersService = defineService({
  product: 'invantray',
  capability: 'suppliers',
  description: 'Suppliers, their prices per item with quantity breaks, and quotes.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'invantray:supplier:read', description: 'See suppliers, their prices and quotes.' },
    {
      name: 'invantray:supplier:write',
      description: 'Create and change suppliers; add and delete their prices.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listSuppliers',
      method: 'GET',
      path: '/v1/invantray/suppliers',
      permission: 'invantray:supplier:read',
      summary: 'List suppliers',
      description:
        'By name unless `sort` says otherwise, active ones unless `active` says otherwise, a page at a time.',
      query: ListSuppliersQuery,
      response: pageOf(Supplier),
    }),
    defineRoute({
      operationId: 'createSupplier',
      method: 'POST',
      path: '/v1/invantray/suppliers',
      permission: 'invantray:supplier:write',
      summary: 'Create a supplier',
      description:
        'The code is unique in the tenant whatever its case: a taken one is a 409 `duplicate_supplier` whose `existingId` names the supplier that has it. Without `currency` the supplier quotes in the tenant’s base currency; payment terms default to 30 days and lead time to 7. Honours `Idempotency-Key`.',
      body: CreateSupplierBody,
      status: 201,
      response: Supplier,
    }),
    defineRoute({
      operationId: 'getSupplier',
      method: 'GET',
      path: '/v1/invantray/suppliers/{supplierId}',
      permission: 'invantray:supplier:read',
      summary: 'Get a supplier',
      description: "Another tenant's supplier, or none, is a 404.",
      params: SupplierParams,
      response: Supplier,
    }),
    defineRoute({
      operationId: 'updateSupplier',
      method: 'PATCH',
      path: '/v1/invantray/suppliers/{supplierId}',
      permission: 'invantray:supplier:write',
      summary: 'Change a supplier',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one is a 409 `version_conflict`. A code another supplier has is a 409 `duplicate_supplier` (`existingId`). Suppliers are not deleted (orders and prices name them): set `active: false`.',
      params: SupplierParams,
      body: UpdateSupplierBody,
      headers: IF_MATCH_HEADER,
      response: Supplier,
    }),
    defineRoute({
      operationId: 'listSupplierPrices',
      method: 'GET',
      path: '/v1/invantray/suppliers/{supplierId}/prices',
      permission: 'invantray:supplier:read',
      summary: 'List a supplier’s prices',
      description:
        'Every price row (past, current and future-dated) by item SKU, then quantity break, newest date first; `current=true` keeps the rows in effect today (per item and break, the newest dated today or earlier); `itemId` keeps one item’s.',
      params: SupplierParams,
      query: ListSupplierPricesQuery,
      response: pageOf(SupplierPrice),
    }),
    defineRoute({
      operationId: 'createSupplierPrice',
      method: 'POST',
      path: '/v1/invantray/suppliers/{supplierId}/prices',
      permission: 'invantray:supplier:write',
      summary: 'Add a supplier price',
      description:
        'One quantity break (`minQuantity`, in the item’s base unit, 1 by default) of the supplier’s price for an item, in effect from `effectiveFrom` (today by default) until a newer row for the same break. A new price is a new row, never an edit, so history stays. The same item, break and date twice is a 409 `duplicate_supplier_price` (`existingId`); an unknown item a 422 `item_not_found`. Honours `Idempotency-Key`.',
      params: SupplierParams,
      body: CreateSupplierPriceBody,
      status: 201,
      response: SupplierPrice,
    }),
    defineRoute({
      operationId: 'deleteSupplierPrice',
      method: 'DELETE',
      path: '/v1/invantray/supplier-prices/{supplierPriceId}',
      permission: 'invantray:supplier:write',
      summary: 'Delete a supplier price',
      description:
        'Removes a price row, past, current or future (a typo, a withdrawn quote). Orders are not affected: each line keeps the price it was made with. To change a price from a date, add a new row instead.',
      params: SupplierPriceParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listItemSupplierPrices',
      method: 'GET',
      path: '/v1/invantray/items/{itemId}/supplier-prices',
      permission: 'invantray:supplier:read',
      summary: 'The suppliers of an item and their current prices',
      description:
        'Every supplier with a price in effect today for the item, with its quantity breaks ascending, and the item’s default supplier (first, `isDefault`) even without one.',
      params: ItemSupplierPricesParams,
      response: ItemSupplierPrices,
    }),
    defineRoute({
      operationId: 'quoteSupplierPrice',
      method: 'GET',
      path: '/v1/invantray/suppliers/{supplierId}/quote',
      permission: 'invantray:supplier:read',
      summary: 'Price a quantity of an item at a supplier',
      description:
        'The unit price the supplier charges for `quantity` (in `unit`, the item’s base unit by default) on `on` (today by default): among the quantity breaks in effect that day, the largest one the quantity reaches. `price` is null when there is none. An unknown item or unit is a 422.',
      params: SupplierParams,
      query: QuoteQuery,
      response: Quote,
    }),
  ],
});
