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
