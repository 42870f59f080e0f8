import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ItemLabelParams, LABEL_MEDIA_TYPES, LabelQuery, LocationLabelParams } from './schemas';

/**
 * Printable labels for items and locations: Code 128 for shelf scanners, QR
 * for phone cameras, both carrying the value barcode lookup resolves. SVG to
 * preview and print from the browser, PDF for label printers.
 */
export const labelsService = defineService({
  product: 'invantray',
  capability: 'labels',
  description: 'Printable item and location labels (SVG or PDF) with Code 128 and QR codes.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getItemLabel',
      method: 'GET',
      path: '/v1/invantray/items/{itemId}/label',
      permission: 'invantray:item:read',
      summary: 'An item’s printable label',
      description:
        'A 4 × 2 inch label with the item’s name and SKU, and its first barcode (the SKU when it has none) as Code 128 and QR. A value Code 128 cannot carry (non-ASCII, over 48 characters) is a 422 `unencodable_barcode`.',
      params: ItemLabelParams,
      query: LabelQuery,
      produces: LABEL_MEDIA_TYPES,
    }),
    defineRoute({
      operationId: 'getStockLocationLabel',
      method: 'GET',
      path: '/v1/invantray/stock-locations/{stockLocationId}/label',
      permission: 'invantray:warehouse:read',
      summary: 'A location’s printable label',
      description:
        'A 4 × 2 inch label with the location’s path (`WH1 / A / 03 / B2`) and name, and its barcode as Code 128 and QR.',
      params: LocationLabelParams,
      query: LabelQuery,
      produces: LABEL_MEDIA_TYPES,
    }),
  ],
});
