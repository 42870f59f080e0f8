import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import { checkVersion } from '@halooid/shared/http/versioning';
import type { SupplierWriteDeps } from './create-supplier';
import { checkCodeFree, type SupplierFields, selectSupplier, updateSupplierRow } from './repository';
import type { Supplier, UpdateSupplierInput } from './schemas';

/**
 * Changes the fields sent (`null` clears an optional one), only from the
 * version the caller read: a stale one is a 409 `version_conflict` with the
 * current version. A new code must be free (409 `duplicate_supplier`).
 * Suppliers are never deleted (orders and prices name them): `active: false`
 * takes one out of pickers.
 */
export async function updateSupplier(
  id: string,
  version: number,
  changes: Omit<UpdateSupplierInput, 'version'>,
  deps: SupplierWriteDeps,
): Promise<Supplier> {
  const { tx, principal } = deps;
  const current = await selectSupplier(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Supplier');
  checkVersion('supplier', current.version, version);
  if (changes.code !== undefined && changes.code.toLowerCase() !== current.code.toLowerCase())
    await checkCodeFree(tx, principal.tenantId, changes.code, id);
  const fields: SupplierFields = {
    code: changes.code ?? current.code,
    name: changes.name ?? current.name,
    email: changes.email === undefined ? current.email : changes.email,
    phone: changes.phone === undefined ? current.phone : changes.phone || null,
    website: changes.website === undefined ? current.website : changes.website,
    address: changes.address === undefined ? current.address : changes.address,
    contacts: changes.contacts ?? current.contacts,
    currency: changes.currency ?? current.currency,
    paymentTermsDays: changes.paymentTermsDays ?? current.paymentTermsDays,
    leadTimeDays: changes.leadTimeDays ?? current.leadTimeDays,
    notes: changes.notes === undefined ? current.notes : changes.notes || null,
    active: changes.active ?? current.active,
  };
  const updated = await updateSupplierRow(tx, principal.tenantId, id, version, fields);
  // The row is locked since the read: only a bug could make the write miss it.
  if (!updated) throw new Error(`Supplier ${id} was locked at version ${version} yet not updated.`);
  await recordAudit(tx, deps.actor, {
    action: 'invantray.supplier.updated',
    targetType: 'invantray.supplier',
    targetId: id,
    details: { changes: Object.keys(changes) },
  });
  return updated;
}
