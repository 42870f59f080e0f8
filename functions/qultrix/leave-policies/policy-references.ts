import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError } from '@halooid/shared/errors';
import { referencesOf } from './repository';

/**
 * A policy must name a current leave type and locations of the tenant. Both
 * are 422s naming the field: the body is well-formed, the references are not
 * (another tenant's ids look exactly like missing ones).
 */
export async function assertPolicyReferences(
  tx: Tx,
  tenantId: string,
  leaveTypeId: string,
  locationIds: readonly string[] | null,
): Promise<void> {
  const { leaveType, unknownLocations } = await referencesOf(tx, tenantId, leaveTypeId, locationIds ?? []);
  if (!leaveType)
    throw new BusinessRuleError('unknown_leave_type', 'The leave type does not exist.', [
      { field: 'body.leaveTypeId', message: 'No such leave type.', code: 'unknown_leave_type' },
    ]);
  if (leaveType.archived)
    throw new BusinessRuleError(
      'leave_type_archived',
      'The leave type is archived; it takes no new policies.',
      [{ field: 'body.leaveTypeId', message: 'Archived leave type.', code: 'leave_type_archived' }],
    );
  if (unknownLocations.length > 0)
    throw new BusinessRuleError('unknown_location', 'Some locations do not exist.', [
      {
        field: 'body.locationIds',
        message: `Unknown: ${unknownLocations.join(', ')}.`,
        code: 'unknown_location',
      },
    ]);
}
