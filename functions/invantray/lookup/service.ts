import { defineRoute, defineService } from '@halooid/shared/manifest';
import { LookupQuery, LookupResult } from './schemas';

/**
 * Barcode lookup: what a scan (camera or keyboard-wedge scanner) names, so a
 * receive or move screen fills itself from one scan. Anyone who may see
 * items may look a code up.
 */
export const lookupService = defineService({
  product: 'invantray',
  capability: 'lookup',
  description: 'Resolves a scanned barcode to an item, a location, a serial or a lot.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'lookupBarcode',
      method: 'GET',
      path: '/v1/invantray/lookup',
      permission: 'invantray:item:read',
      summary: 'Resolve a scanned barcode',
      description:
        'The first kind that matches wins, in this order: an item barcode (answering the unit one scan counts and its `factor` to the base unit), an item SKU (case-insensitive), a location barcode, a serial number (with where it is, when in stock), a lot number (every item with a lot of that number, so `matches` may hold several). Nothing matching is a 404.',
      query: LookupQuery,
      response: LookupResult,
    }),
  ],
});
