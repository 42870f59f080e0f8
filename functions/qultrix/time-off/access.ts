import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import { employeeIdOfUser, type RequestEmployee, selectRequestEmployee } from './people';

/** HR: files for anyone, sees every request, decides the HR step and steps without a manager. */
export const ADMIN_PERMISSION = 'qultrix:time-off:admin';

export const isTimeOffAdmin = (principal: Principal) => permits(principal.grants, ADMIN_PERMISSION);

/** The caller's user id, or null for an API key (which has no employee record and decides nothing as a person). */
export const callerUserId = (principal: Principal) =>
  principal.principalType === 'user' ? principal.principalId : null;

/** Today in UTC: the day delegations and the cancel rule are judged on. */
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The employee a request (or preview, or delegation) is for: the caller's own
 * record by default; someone else's only with qultrix:time-off:admin (403,
 * before looking the id up, so it reveals nothing). A caller without an
 * employee record is a 422: there is nobody to file for.
 */
export async function targetEmployee(
  tx: Tx,
  principal: Principal,
  employeeId: string | undefined,
): Promise<RequestEmployee> {
  const userId = callerUserId(principal);
  const own = userId ? await employeeIdOfUser(tx, principal.tenantId, userId) : undefined;
  const id = employeeId ?? own;
  if (!id)
    throw new BusinessRuleError(
      'no_employee_record',
      'You have no employee record in this tenant; HR can link one to your user, or name employeeId.',
    );
  if (id !== own && !isTimeOffAdmin(principal))
    throw new ForbiddenError(`Acting for another employee needs the ${ADMIN_PERMISSION} permission.`);
  const employee = await selectRequestEmployee(tx, principal.tenantId, id);
  if (!employee) throw new NotFoundError('Employee');
  return employee;
}
