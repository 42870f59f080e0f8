import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { SupplierWriteDeps } from './create-supplier';
import { deletePriceRow } from './price-repository';

/**
 * Removes a price row: a mistyped price or a quote withdrawn. Any row may go,
 * past ones too: a price row is a quote, not a record of what was paid (each
 * purchase order line keeps its own unit price), so no order changes. To
 * change a price from a date, add a new row instead: that keeps the history.
 */
export async function deleteSupplierPrice(id: string, deps: SupplierWriteDeps): Promise<void> {
  const { tx, principal } = deps;
  if (!(await deletePriceRow(tx, principal.tenantId, id))) throw new NotFoundError('Supplier price');
  await recordAudit(tx, deps.actor, {
    action: 'invantray.supplier_price.deleted',
    targetType: 'invantray.supplier_price',
    targetId: id,
  });
}
