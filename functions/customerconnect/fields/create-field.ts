import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { bumpFieldsVersion } from '../domain/custom-fields';
import { insertField, keyTaken, objectCounts } from './repository';
import { type CreateFieldInput, type FieldDefinition, MAX_FIELDS_PER_OBJECT } from './schemas';

export type FieldDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/**
 * Defines a custom field. The definitions version moves in the same
 * transaction, so every Lambda validates `custom` with it from its next request.
 */
export async function createField(input: CreateFieldInput, deps: FieldDeps): Promise<FieldDefinition> {
  const { tx, principal } = deps;
  const counts = await objectCounts(tx, principal.tenantId, input.object);
  if (counts.active >= MAX_FIELDS_PER_OBJECT)
    throw new BusinessRuleError(
      'too_many_fields',
      `A ${input.object} has at most ${MAX_FIELDS_PER_OBJECT} custom fields; archive one first.`,
      [{ field: 'body.object', message: `At most ${MAX_FIELDS_PER_OBJECT} active fields.`, code: 'limit' }],
    );
  if (await keyTaken(tx, principal.tenantId, input.object, input.key))
    throw new ConflictError(
      `A ${input.object} field with key "${input.key}" exists already (archived keys stay reserved).`,
      'duplicate_key',
    );
  const field = await insertField(tx, {
    ...input,
    tenantId: principal.tenantId,
    id: deps.newId(),
    position: input.position ?? counts.nextPosition,
  });
  await bumpFieldsVersion(tx, principal.tenantId);
  await recordAudit(tx, deps.actor, {
    action: 'customerconnect.field.created',
    targetType: 'customerconnect.field',
    targetId: field.id,
    details: { object: field.object, key: field.key, type: field.type },
  });
  return field;
}
