import type { Tx } from '@halooid/shared/db/transaction';

/**
 * The tenant's members as the CSV files name them: exports write an owner as
 * an email (ownerEmailsOf), imports read an owner column back to a user id
 * (activeMembersByEmail).
 */

/**
 * Emails of the users who are, or were, members of the current tenant, by
 * user id (RLS on platform.users shows no one else): an export's owner column.
 */
export async function ownerEmailsOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; email: string }>(
    `select u.id, u.email from platform.users u
      where u.id = any($1::uuid[])
        and exists (select 1 from platform.memberships m
                     where m.tenant_id = platform.current_tenant_id() and m.user_id = u.id)`,
    [[...new Set(userIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.email]));
}

/** Active members of the current tenant's user ids by lower-case email: an import's owner column. */
export async function activeMembersByEmail(tx: Tx, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; email: string }>(
    `select u.id, lower(u.email) as email
       from platform.users u
       join platform.memberships m on m.user_id = u.id and m.tenant_id = platform.current_tenant_id()
      where lower(u.email) = any($1::text[]) and m.status = 'active'`,
    [[...new Set(emails.map((email) => email.toLowerCase()))]],
  );
  return new Map(rows.map((row) => [row.email, row.id]));
}
