import type { Tx } from '@halooid/shared/db/transaction';
import { permissionHolders } from '../../system-roles';
import type { RequiredApproval } from '../domain/approval';
import { APPROVE_PERMISSION } from './caller';

/** At most this many people hear of one order awaiting approval (a tenant could have many admins). */
export const MAX_NOTIFIED_APPROVERS = 50;

/**
 * Active members who may approve an order needing `level`: holders of the
 * approve permission (system roles' grants from code, custom roles' from
 * their row) and, at the `owner` level, only Owners among them; never the
 * people in `exclude` (its creator and submitter). Sorted by user id.
 */
export async function approverUserIds(
  tx: Tx,
  level: Exclude<RequiredApproval, 'none'>,
  exclude: readonly (string | null)[],
): Promise<string[]> {
  const excluded = new Set(exclude);
  const holders = await permissionHolders(tx, APPROVE_PERMISSION);
  return holders
    .filter((holder) => !excluded.has(holder.userId) && (level !== 'owner' || holder.owner))
    .map((holder) => holder.userId)
    .slice(0, MAX_NOTIFIED_APPROVERS);
}
