import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import { bumpFieldsVersion } from '../domain/custom-fields';
import type { FieldDeps } from './create-field';
import { objectCounts, optionUsage, selectField, updateField } from './repository';
import { type FieldDefinition, MAX_FIELDS_PER_OBJECT, type UpdateFieldInput } from './schemas';

/**
 * Changes a definition's label, options, required flag, position or archived
 * state (key and type never change). Removing an option that records hold is
 * refused with a 409 naming how many hold it, so no stored value silently
 * stops matching its field. Making a field required does not touch existing
 * records: their next write must supply it.
 */
export async function changeField(
  fieldId: string,
  changes: UpdateFieldInput,
  deps: FieldDeps,
): Promise<FieldDefinition> {
  const { tx, principal } = deps;
  const current = await selectField(tx, principal.tenantId, fieldId, { forUpdate: true });
  if (!current) throw new NotFoundError('Field');
  if (changes.options !== undefined) {
    if (current.type !== 'select' && current.type !== 'multi_select')
      throw new ValidationError(`A ${current.type} field has no options.`, [
        {
          field: 'body.options',
          message: 'Only select and multi_select fields have options.',
          code: 'invalid',
        },
      ]);
    const removed = current.options.filter((option) => !changes.options?.includes(option));
    const usage = await optionUsage(tx, principal.tenantId, current, removed);
    const inUse = [...usage].filter(([, records]) => records > 0);
    if (inUse.length > 0) {
      const total = inUse.reduce((sum, [, records]) => sum + records, 0);
      throw new ConflictError(
        `${total} ${current.object} record${total === 1 ? '' : 's'} still use${total === 1 ? 's' : ''} ${inUse
          .map(([option, records]) => `"${option}" (${records})`)
          .join(', ')}; change those values before removing the option.`,
        'option_in_use',
      );
    }
  }
  if (changes.archived === false && current.archived) {
    const counts = await objectCounts(tx, principal.tenantId, current.object);
    if (counts.active >= MAX_FIELDS_PER_OBJECT)
      throw new BusinessRuleError(
        'too_many_fields',
        `A ${current.object} has at most ${MAX_FIELDS_PER_OBJECT} custom fields; archive one first.`,
      );
  }
  const updated = await updateField(tx, principal.tenantId, fieldId, changes);
  if (!updated)
    throw new ConflictError(
      `The field changed since you read it (you sent version ${changes.version}, it is now ${current.version}). Reload and try again.`,
      'version_conflict',
    );
  await bumpFieldsVersion(tx, principal.tenantId);
  const { version: _version, ...changed } = changes;
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.field.changed',
    targetType: 'customerconnect.field',
    targetId: fieldId,
    details: {
      object: current.object,
      key: current.key,
      before: Object.fromEntries(
        Object.keys(changed).map((key) => [key, current[key as keyof FieldDefinition]]),
      ),
      after: changed,
    },
  });
  return updated;
}
