import type { Tx } from '@halooid/shared/db/transaction';

/**
 * The current display names of mentioned users, from the kernel's
 * platform.users (as task-transfer/members.ts reads emails): only people who
 * are, or were, members of the current tenant (RLS shows no one else).
 */
export async function currentNames(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; name: string }>(
    `select u.id, u.name from platform.users u
      where u.id = any($1::uuid[])
        and exists (select 1 from platform.memberships m
                     where m.tenant_id = platform.current_tenant_id() and m.user_id = u.id)`,
    [[...new Set(userIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
