import { permits } from '@halooid/shared/auth/permissions';
import type { Tx } from '@halooid/shared/db/transaction';
import { permissionHolders, roleGrants } from '../../system-roles';

/** What administering security means here: whoever may act on alerts (Owners, Admins, a custom role with it). */
export const ADMINISTER_PERMISSION = 'adminhub:alert:write';

/** At most this many people hear of one alert (a tenant could have many admins). */
export const MAX_NOTIFIED_ADMINS = 100;

/**
 * Active members of the current tenant who administer its security: the
 * people an alert is for, and the accounts whose new devices and removed MFA
 * are worth an alert. System roles' grants come from code, custom roles' from
 * their row. Sorted by user id.
 */
export async function tenantAdminIds(tx: Tx): Promise<string[]> {
  const holders = await permissionHolders(tx, ADMINISTER_PERMISSION);
  return holders.slice(0, MAX_NOTIFIED_ADMINS).map((holder) => holder.userId);
}

/** Whether a role of the current tenant administers its security (an Owner, an Admin, a custom role with it). */
export async function roleAdministers(tx: Tx, roleId: string): Promise<boolean> {
  const { rows } = await tx.query<{ key: string; system: boolean; grants: string[] | null }>(
    `select key, system, grants from platform.roles where tenant_id = platform.current_tenant_id() and id = $1`,
    [roleId],
  );
  return rows.some((role) => permits(roleGrants(role), ADMINISTER_PERMISSION));
}
