import { permits } from '@halooid/shared/auth/permissions';
import { composeSystemRoles, type SystemRole } from '@halooid/shared/auth/system-roles';
import type { Tx } from '@halooid/shared/db/transaction';
import { memberRoles } from '@halooid/shared/tenancy';
import { REGISTRY_INDEX } from './registry-index.generated';

/**
 * The system roles with their grants in every product: the platform's
 * definitions (shared/src/auth/system-roles.ts) plus each product's
 * `roleGrants`. Read from the schema-free generated index, so the authorizer
 * gets them without building any product's schemas.
 */
export const SYSTEM_ROLES: readonly SystemRole[] = composeSystemRoles(REGISTRY_INDEX.products);

const BY_KEY: ReadonlyMap<string, SystemRole> = new Map(SYSTEM_ROLES.map((role) => [role.key, role]));

export function systemRole(key: string): SystemRole | undefined {
  return BY_KEY.get(key);
}

/** Grants of a role row: from code for system roles, from the row for custom ones. */
export function roleGrants(role: {
  key: string;
  system: boolean;
  grants: readonly string[] | null;
}): readonly string[] {
  if (role.system) return systemRole(role.key)?.grants ?? [];
  return role.grants ?? [];
}

/** Grants of a user in the current tenant (system roles resolved from code); undefined when not an active member. */
export async function grantsInTenant(tx: Tx, userId: string): Promise<string[] | undefined> {
  const roles = await memberRoles(tx, userId);
  return roles && [...new Set(roles.flatMap((role) => roleGrants(role)))];
}

/** An active member of the current tenant whose roles grant a permission. */
export interface PermissionHolder {
  userId: string;
  /** Holds the system Owner role (some approvals need an Owner). */
  owner: boolean;
}

/**
 * Active members of the current tenant whose roles grant `permission`
 * (system roles' grants from code, custom roles' from their row), sorted by
 * user id: who hears of an alert, an approval waiting, a request for HR.
 */
export async function permissionHolders(tx: Tx, permission: string): Promise<PermissionHolder[]> {
  const { rows } = await tx.query<{ user_id: string; key: string; system: boolean; grants: string[] | null }>(
    `select m.user_id, r.key, r.system, r.grants
       from platform.memberships m
       join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
       join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
      where m.tenant_id = platform.current_tenant_id() and m.status = 'active'
      order by m.user_id`,
  );
  const holders = new Map<string, PermissionHolder>();
  for (const row of rows) {
    if (!permits(roleGrants(row), permission)) continue;
    const holder = holders.get(row.user_id) ?? { userId: row.user_id, owner: false };
    if (row.system && row.key === 'owner') holder.owner = true;
    holders.set(row.user_id, holder);
  }
  return [...holders.values()];
}
