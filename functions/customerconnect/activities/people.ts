import type { Tx } from '@halooid/shared/db/transaction';

/**
 * Display names of people who are, or were, members of the current tenant,
 * from the kernel's platform.users (RLS shows no one else). Mentions show
 * the current name, never the one typed into the token.
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
