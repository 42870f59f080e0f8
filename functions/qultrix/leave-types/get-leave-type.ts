import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectLeaveType } from './repository';
import type { LeaveType } from './schemas';

export type GetLeaveTypeDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One leave type of the caller's tenant; another tenant's, or none, is a 404. */
export async function getLeaveType(id: string, deps: GetLeaveTypeDeps): Promise<LeaveType> {
  const leaveType = await selectLeaveType(deps.tx, deps.principal.tenantId, id);
  if (!leaveType) throw new NotFoundError('Leave type');
  return leaveType;
}
