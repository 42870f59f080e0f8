import { SYSTEM_ROLE_DEFINITIONS, type SystemRoleKey } from '@halooid/shared/auth/system-roles';
import type { Tx } from '@halooid/shared/db/transaction';
import { TENANT_PRODUCT_KEYS } from '../../registry-names';

export interface NewTenant {
  id: string;
  name: string;
  slug: string;
  owner: { id: string; email: string; name: string };
}

/**
 * Creates a tenant with its system roles and its first Owner. Runs inside a
 * transaction scoped to the new tenant, so row-level security checks every
 * insert. Used by the demo seed and by sign-up.
 */
export async function provisionTenant(
  tx: Tx,
  tenant: NewTenant,
  newId: () => string,
): Promise<Map<SystemRoleKey, string>> {
  await tx.query('insert into platform.tenants (id, name, slug) values ($1, $2, $3)', [
    tenant.id,
    tenant.name,
    tenant.slug,
  ]);
  // The column default (migration 0001) enables the products planned then; every product of the list too.
  await tx.query(
    `update platform.tenants
        set enabled_products = enabled_products || array(select p from unnest($2::text[]) p where p <> all(enabled_products))
      where id = $1`,
    [tenant.id, TENANT_PRODUCT_KEYS],
  );
  const roleIds = new Map<SystemRoleKey, string>();
  for (const role of SYSTEM_ROLE_DEFINITIONS) {
    const id = newId();
    roleIds.set(role.key, id);
    await tx.query(
      // System role rows carry no grants: those come from code (functions/system-roles.ts).
      `insert into platform.roles (tenant_id, id, key, name, description, system)
       values ($1, $2, $3, $4, $5, true)`,
      [tenant.id, id, role.key, role.name, role.description],
    );
  }
  await upsertUser(tx, tenant.owner);
  await addMember(tx, tenant.id, tenant.owner.id, [roleIds.get('owner') as string]);
  return roleIds;
}

export async function upsertUser(tx: Tx, user: { id: string; email: string; name: string }): Promise<void> {
  await tx.query(
    `insert into platform.users (id, email, name) values ($1, $2, $3)
     on conflict (id) do update set email = excluded.email, name = excluded.name, updated_at = now()`,
    [user.id, user.email.toLowerCase(), user.name],
  );
}

export async function addMember(
  tx: Tx,
  tenantId: string,
  userId: string,
  roleIds: readonly string[],
): Promise<void> {
  await tx.query(
    `insert into platform.memberships (tenant_id, user_id) values ($1, $2) on conflict do nothing`,
    [tenantId, userId],
  );
  for (const roleId of roleIds) {
    await tx.query(
      `insert into platform.member_roles (tenant_id, user_id, role_id) values ($1, $2, $3) on conflict do nothing`,
      [tenantId, userId, roleId],
    );
  }
}
