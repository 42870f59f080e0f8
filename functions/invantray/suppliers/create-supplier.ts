import { recordAudit } from '@halooid/shared/audit';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { loadSettings } from '../domain/settings';
import { checkCodeFree, insertSupplier } from './repository';
import type { CreateSupplierInput, Supplier } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type SupplierWriteDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/**
 * Adds a supplier. Its code is unique whatever its case (409
 * `duplicate_supplier` naming `existingId`); without a currency it quotes in
 * the tenant's base currency; terms and lead time take the usual defaults.
 */
export async function createSupplier(input: CreateSupplierInput, deps: SupplierWriteDeps): Promise<Supplier> {
  const { tx, principal } = deps;
  await checkCodeFree(tx, principal.tenantId, input.code);
  const currency = input.currency ?? (await loadSettings(tx, principal.tenantId)).baseCurrency;
  const supplier = await insertSupplier(tx, {
    tenantId: principal.tenantId,
    id: deps.newId(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
    code: input.code,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone || null,
    website: input.website ?? null,
    address: input.address ?? null,
    contacts: input.contacts ?? [],
    currency,
    paymentTermsDays: input.paymentTermsDays ?? 30,
    leadTimeDays: input.leadTimeDays ?? 7,
    notes: input.notes || null,
    active: input.active ?? true,
  });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.supplier.created',
    targetType: 'invantray.supplier',
    targetId: supplier.id,
    details: { code: supplier.code },
  });
  return supplier;
}
