import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { categoryWithPath } from '../domain/categories';
import { selectBarcodes, selectItem, selectUnits } from './repository';
import type { ItemDetail } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetItemDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * One item of the caller's tenant with its units, barcodes, category path
 * and stock totals; anything else (another tenant's, none) is a 404.
 */
export async function getItem(id: string, deps: GetItemDeps): Promise<ItemDetail> {
  const { tx } = deps;
  const tenantId = deps.principal.tenantId;
  const item = await selectItem(tx, tenantId, id);
  if (!item) throw new NotFoundError('Item');
  const [units, barcodes, category] = [
    await selectUnits(tx, tenantId, id),
    await selectBarcodes(tx, tenantId, id),
    item.categoryId ? await categoryWithPath(tx, tenantId, item.categoryId) : undefined,
  ];
  return { ...item, units, barcodes, category: category ?? null };
}
