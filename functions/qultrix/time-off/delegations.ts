import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { callerUserId, isTimeOffAdmin, targetEmployee, todayOf } from './access';
import {
  delegateProblem,
  deleteDelegation,
  insertDelegation,
  selectDelegation,
  selectDelegations,
} from './delegation-repository';
import { employeeIdOfUser } from './people';
import type { CreateDelegationInput, Delegation, ListDelegationsQuery } from './schemas';

export type DelegationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'now'>;

async function ownEmployeeId(deps: Pick<RequestDeps, 'tx' | 'principal'>): Promise<string | null> {
  const userId = callerUserId(deps.principal);
  return (userId && (await employeeIdOfUser(deps.tx, deps.principal.tenantId, userId))) ?? null;
}

/**
 * An approver hands their step-1 decisions to another employee for a date
 * range (their own; HR for anyone). The delegate decides in their place on
 * those days, recorded as on behalf of them; the approver keeps deciding too.
 */
export async function createDelegation(
  input: CreateDelegationInput,
  deps: DelegationDeps,
): Promise<Delegation> {
  const { tx, principal } = deps;
  const delegator = await targetEmployee(tx, principal, input.delegatorId);
  const field = (message: string, code: string) =>
    new BusinessRuleError(code, message, [{ field: 'body.delegateId', message, code }]);
  if (input.delegateId === delegator.id) throw field('Delegate to someone else.', 'self_delegation');
  const problem = await delegateProblem(tx, principal.tenantId, input.delegateId);
  if (problem) throw field(problem, 'invalid_delegate');
  if (input.endsOn < todayOf(deps.now()))
    throw new BusinessRuleError('in_the_past', 'The delegation would already be over.', [
      { field: 'body.endsOn', message: 'A day from today on.', code: 'in_the_past' },
    ]);
  const delegation = await insertDelegation(tx, principal.tenantId, {
    id: deps.newId(),
    delegatorId: delegator.id,
    delegateId: input.delegateId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  });
  await recordAudit(tx, deps.actor, {
    action: 'time-off.delegation_created',
    targetType: 'approval_delegation',
    targetId: delegation.id,
    details: { delegatorId: delegation.delegatorId, delegateId: delegation.delegateId },
  });
  return delegation;
}

/** The delegations the caller gives or receives; HR sees all. */
export async function listDelegations(query: ListDelegationsQuery, deps: DelegationDeps) {
  const viewer = {
    employeeId: await ownEmployeeId(deps),
    admin: isTimeOffAdmin(deps.principal),
    today: todayOf(deps.now()),
  };
  return selectDelegations(deps.tx, deps.principal.tenantId, viewer, query);
}

/** Ends a delegation: the delegator or HR (the delegate sees it but may not remove it: 403). */
export async function removeDelegation(delegationId: string, deps: DelegationDeps): Promise<void> {
  const { tx, principal } = deps;
  const employeeId = await ownEmployeeId(deps);
  const admin = isTimeOffAdmin(principal);
  const delegation = await selectDelegation(tx, principal.tenantId, delegationId, { employeeId, admin });
  if (!delegation) throw new NotFoundError('Delegation');
  if (!admin && delegation.delegatorId !== employeeId)
    throw new ForbiddenError('Only the approver who delegated, or HR, removes a delegation.');
  await deleteDelegation(tx, principal.tenantId, delegationId);
  await recordAudit(tx, deps.actor, {
    action: 'time-off.delegation_deleted',
    targetType: 'approval_delegation',
    targetId: delegationId,
  });
}
