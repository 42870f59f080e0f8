import type { Tx } from '@halooid/shared/db/transaction';

/**
 * Names and emails of people who are, or were, members of the current tenant,
 * by user id, from the kernel's platform.users (RLS shows no one else). Used
 * where Taskodex shows a person: mentions render the current name, CSV
 * columns name people by email.
 */
export async function peopleOf(
  tx: Tx,
  userIds: readonly string[],
): Promise<Map<string, { name: string; email: string }>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; name: string; email: string }>(
    `select u.id, u.name, u.email from platform.users u
      where u.id = any($1::uuid[])
        and exists (select 1 from platform.memberships m
                     where m.tenant_id = platform.current_tenant_id() and m.user_id = u.id)`,
    [[...new Set(userIds)]],
  );
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}
