import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import { bumpFieldsVersion } from '../domain/custom-fields';
import type { FieldDeps } from './create-field';
import { markArchived, selectField } from './repository';

/**
 * DELETE archives: the definition stops validating and showing, records keep
 * their values, the key stays reserved, and PATCH `archived: false` restores
 * it. Archiving an archived field changes nothing.
 */
export async function archiveField(fieldId: string, deps: FieldDeps): Promise<void> {
  const { tx, principal } = deps;
  const current = await selectField(tx, principal.tenantId, fieldId, { forUpdate: true });
  if (!current) throw new NotFoundError('Field');
  if (current.archived) return;
  await markArchived(tx, principal.tenantId, fieldId);
  await bumpFieldsVersion(tx, principal.tenantId);
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.field.archived',
    targetType: 'customerconnect.field',
    targetId: fieldId,
    details: { object: current.object, key: current.key },
  });
}
