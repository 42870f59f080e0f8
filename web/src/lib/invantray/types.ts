import type { JsonOf, paths } from '$lib/api';

/**
 * The shapes Invantray's stock screens read, taken from the generated API
 * types (the capabilities' zod schemas → OpenAPI → schema.d.ts), so a changed
 * contract fails `npm run check` instead of a screen. Quantities, costs and
 * values are decimal strings: the screens show them as they come and never do
 * arithmetic on them in floating point.
 */
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R } | { 201: infer R };
}
  ? JsonOf<R>
  : never;

export type Page<T> = { items: T[]; nextCursor: string | null };

export type ItemDetail = Ok<'/v1/invantray/items/{itemId}', 'get'>;
export type Item = Ok<'/v1/invantray/items', 'get'>['items'][number];
export type Tracking = Item['tracking'];
export type Category = Ok<'/v1/invantray/categories', 'get'>['items'][number];
export type ReorderSetting = Ok<'/v1/invantray/items/{itemId}/reorder-settings', 'get'>['items'][number];
export type ReorderSuggestion = Ok<'/v1/invantray/items/{itemId}/reorder-suggestion', 'get'>;
export type ItemSupplier = Ok<'/v1/invantray/items/{itemId}/supplier-prices', 'get'>['suppliers'][number];
export type Warehouse = Ok<'/v1/invantray/warehouses/{warehouseId}', 'get'>;
export type StockLocation = Ok<'/v1/invantray/warehouses/{warehouseId}/locations', 'get'>['items'][number];
export type LocationKind = StockLocation['kind'];
export type MoveRecord = Ok<'/v1/invantray/stock/moves', 'get'>['items'][number];
export type StockRow = Ok<'/v1/invantray/stock', 'get'>['items'][number];
export type Count = Ok<'/v1/invantray/counts/{countId}', 'get'>;
export type CountSummary = Ok<'/v1/invantray/counts', 'get'>['items'][number];
export type CountLine = Count['lines'][number];
export type CountStatus = Count['status'];
export type Valuation = Ok<'/v1/invantray/valuation', 'get'>;
export type LookupMatch = Ok<'/v1/invantray/lookup', 'get'>['matches'][number];
export type BelowItem = Ok<'/v1/invantray/reorder/below', 'get'>['items'][number];

/** What the pickers and the scan hand around: enough of an item to move it. */
export type ItemRef = Pick<Item, 'id' | 'sku' | 'name' | 'unit'> & { tracking?: Tracking };
