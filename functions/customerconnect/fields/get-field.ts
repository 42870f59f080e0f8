import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectField } from './repository';
import type { FieldDefinition } from './schemas';

/** One definition, archived or not; another tenant's is a 404. */
export async function getField(
  fieldId: string,
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
): Promise<FieldDefinition> {
  const field = await selectField(deps.tx, deps.principal.tenantId, fieldId);
  if (!field) throw new NotFoundError('Field');
  return field;
}
