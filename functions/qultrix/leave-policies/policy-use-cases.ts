import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { assertPolicyReferences } from './policy-references';
import {
  deleteLeavePolicy,
  insertLeavePolicy,
  leavePolicyInUse,
  selectLeavePolicies,
  selectLeavePolicy,
  updateLeavePolicy,
} from './repository';
import type {
  ChangeLeavePolicyInput,
  CreateLeavePolicyInput,
  LeavePolicy,
  LeavePolicyFields,
  ListLeavePoliciesQuery,
} from './schemas';

/*
 * The policy CRUD use cases: small and alike, so one file. Each takes only the
 * request dependencies it needs; every write is audited in its transaction.
 */

export type ReadDeps = Pick<RequestDeps, 'tx' | 'principal'>;
export type WriteDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

export function listLeavePolicies(query: ListLeavePoliciesQuery, deps: ReadDeps) {
  return selectLeavePolicies(deps.tx, deps.principal.tenantId, query);
}

export async function getLeavePolicy(id: string, deps: ReadDeps): Promise<LeavePolicy> {
  const policy = await selectLeavePolicy(deps.tx, deps.principal.tenantId, id);
  if (!policy) throw new NotFoundError('Leave policy');
  return policy;
}

export async function createLeavePolicy(
  input: CreateLeavePolicyInput,
  deps: WriteDeps & Pick<RequestDeps, 'newId'>,
): Promise<LeavePolicy> {
  const { tx, principal } = deps;
  await assertPolicyReferences(tx, principal.tenantId, input.leaveTypeId, input.locationIds);
  const policy = await insertLeavePolicy(tx, principal.tenantId, deps.newId(), { ...input, archived: false });
  await recordAudit(tx, deps.actor, {
    action: 'leave_policy.created',
    targetType: 'leave_policy',
    targetId: policy.id,
    details: { name: policy.name, leaveTypeId: policy.leaveTypeId },
  });
  return policy;
}

/**
 * PATCH with optimistic concurrency. A changed entitlement or accrual applies
 * to the periods the job accrues from then on; rows already in the ledger stay
 * as they were (the ledger is append-only).
 */
export async function changeLeavePolicy(
  id: string,
  version: number,
  input: Omit<ChangeLeavePolicyInput, 'version'>,
  deps: WriteDeps,
): Promise<LeavePolicy> {
  const { tx, principal } = deps;
  const current = await selectLeavePolicy(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Leave policy');
  if (current.version !== version)
    throw new ConflictError(
      `The leave policy changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...before } = current;
  const sent = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const after: LeavePolicyFields = { ...before, ...sent };
  const changes = (Object.keys(after) as (keyof LeavePolicyFields)[]).filter(
    (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  if (changes.length === 0) return current;
  if (changes.includes('locationIds'))
    await assertPolicyReferences(tx, principal.tenantId, after.leaveTypeId, after.locationIds);
  const updated = await updateLeavePolicy(tx, principal.tenantId, id, version, after);
  if (!updated) throw new NotFoundError('Leave policy');
  await recordAudit(tx, deps.actor, {
    action: 'leave_policy.updated',
    targetType: 'leave_policy',
    targetId: id,
    details: { changes },
  });
  return updated;
}

/** Deletes a policy that never accrued anything; one that did is a 409 (archive it instead). */
export async function removeLeavePolicy(id: string, deps: WriteDeps): Promise<void> {
  const { tx, principal } = deps;
  const current = await selectLeavePolicy(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Leave policy');
  if (await leavePolicyInUse(tx, principal.tenantId, id))
    throw new ConflictError(
      'This policy has accrued balances; archive it instead (PATCH archived: true).',
      'leave_policy_in_use',
    );
  await deleteLeavePolicy(tx, principal.tenantId, id);
  await recordAudit(tx, deps.actor, {
    action: 'leave_policy.deleted',
    targetType: 'leave_policy',
    targetId: id,
    details: { name: current.name },
  });
}
