import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import { categoryExists } from '../domain/categories';
import { replaceBarcodes, supplierExists } from './repository';

/**
 * Checks shared by create and change: what an item points at must exist in
 * the tenant (422 naming the field), and a barcode belongs to one item (409
 * `duplicate_barcode` naming the item that has it).
 */
export async function assertReferences(
  tx: Tx,
  tenantId: string,
  refs: { categoryId?: string | null | undefined; defaultSupplierId?: string | null | undefined },
): Promise<void> {
  if (refs.categoryId && !(await categoryExists(tx, tenantId, refs.categoryId)))
    throw new BusinessRuleError('category_not_found', 'The category does not exist.', [
      { field: 'body.categoryId', message: 'No such category.', code: 'category_not_found' },
    ]);
  if (refs.defaultSupplierId && !(await supplierExists(tx, tenantId, refs.defaultSupplierId)))
    throw new BusinessRuleError('supplier_not_found', 'The default supplier does not exist.', [
      { field: 'body.defaultSupplierId', message: 'No such supplier.', code: 'supplier_not_found' },
    ]);
}

export async function writeBarcodes(
  tx: Tx,
  tenantId: string,
  itemId: string,
  barcodes: readonly { code: string; unit: string | null }[],
): Promise<void> {
  const taken = await replaceBarcodes(tx, tenantId, itemId, barcodes);
  if (taken)
    throw new ConflictError(`Barcode ${taken.code} belongs to another item.`, 'duplicate_barcode', {
      existingId: taken.itemId,
      code: taken.code,
    });
}
