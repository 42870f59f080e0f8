import { ValidationError } from '@halooid/shared/errors';
import { toCsv } from '@halooid/shared/http/csv';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { categoryTree } from '../domain/categories';
import { exportExtrasOf, selectItems } from './repository';
import type { ItemFilters } from './schemas';

/** One CSV must fit one Lambda response: beyond this the caller narrows the filters. */
export const EXPORT_MAX_ROWS = 25_000;
const PAGE_SIZE = 500;

export const EXPORT_HEADER = [
  'sku',
  'name',
  'description',
  'category',
  'unit',
  'units',
  'barcodes',
  'tracking',
  'average cost',
  'on hand',
  'available',
  'default supplier',
  'active',
  'id',
  'created at',
  'updated at',
] as const;

export type ExportItemsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * Every item the list shows for these filters, in its order, as CSV: read
 * through the list's own query a page at a time, so the file holds exactly
 * the rows the list would. Cells that look like formulas get a leading `'`
 * (shared/src/http/csv.ts). The category is its path ("Tools / Power tools").
 */
export async function exportItems(query: ItemFilters, deps: ExportItemsDeps): Promise<string> {
  const { tx } = deps;
  const tenantId = deps.principal.tenantId;
  const paths = new Map((await categoryTree(tx, tenantId)).map((node) => [node.id, node.path.join(' / ')]));
  const rows: (string | boolean | null)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await selectItems(tx, tenantId, { ...query, limit: PAGE_SIZE, cursor });
    const extras = await exportExtrasOf(
      tx,
      tenantId,
      page.items.map((item) => item.id),
    );
    for (const item of page.items) {
      const extra = extras.get(item.id);
      rows.push([
        item.sku,
        item.name,
        item.description,
        item.categoryId ? (paths.get(item.categoryId) ?? null) : null,
        item.unit,
        extra?.units ?? null,
        extra?.barcodes ?? null,
        item.tracking,
        item.averageCost,
        item.stock.onHand,
        item.stock.available,
        extra?.supplier_code ?? null,
        item.active,
        item.id,
        item.createdAt,
        item.updatedAt,
      ]);
    }
    if (rows.length > EXPORT_MAX_ROWS)
      throw new ValidationError('The export is too large; narrow the filters and export in parts.', [
        { field: 'query', message: `At most ${EXPORT_MAX_ROWS} items per export.`, code: 'export_too_large' },
      ]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return toCsv(EXPORT_HEADER, rows);
}
