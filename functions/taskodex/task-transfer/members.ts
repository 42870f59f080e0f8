import type { Tx } from '@halooid/shared/db/transaction';
import { peopleOf } from '../domain/tenant-people';

/** Emails of the tenant's members (and former members) by user id, for CSV columns that name people by email. */
export async function emailsOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  const people = await peopleOf(tx, userIds);
  return new Map([...people].map(([id, person]) => [id, person.email]));
}

/** Active members by lower-cased email. */
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
