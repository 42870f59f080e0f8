import { permits } from '@halooid/shared/auth/permissions';
import type { Tx } from '@halooid/shared/db/transaction';
import { roleGrants } from '../../system-roles';
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
  const { rows } = await tx.query<{ user_id: string; key: string; system: boolean; grants: string[] | null }>(
    `select m.user_id, r.key, r.system, r.grants
       from platform.memberships m
       join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
       join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
      where m.tenant_id = platform.current_tenant_id() and m.status = 'active'
      order by m.user_id`,
  );
  const grants = new Map<string, string[]>();
  const owners = new Set<string>();
  for (const row of rows) {
    grants.set(row.user_id, [...(grants.get(row.user_id) ?? []), ...roleGrants(row)]);
    if (row.system && row.key === 'owner') owners.add(row.user_id);
  }
  const excluded = new Set(exclude);
  return [...grants]
    .filter(([userId, held]) => !excluded.has(userId) && permits(held, APPROVE_PERMISSION))
    .filter(([userId]) => level !== 'owner' || owners.has(userId))
    .map(([userId]) => userId)
    .slice(0, MAX_NOTIFIED_APPROVERS);
}
