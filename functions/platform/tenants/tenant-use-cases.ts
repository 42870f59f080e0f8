import { type AuditActor, bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import { effectivePermissions, permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { Tenant, UpdateTenantInput } from './schemas';
import { findCurrentTenant, updateCurrentTenant } from './tenant-repository';

export async function getCurrentTenant(tx: Tx): Promise<Tenant> {
  const tenant = await findCurrentTenant(tx);
  if (!tenant) throw new NotFoundError('Tenant');
  return tenant;
}

/** Tier is billing: it needs platform:billing:write on top of the route's platform:tenant:write. */
export async function changeTenant(
  input: UpdateTenantInput,
  deps: { tx: Tx; principal: Principal; actor: AuditActor },
): Promise<Tenant> {
  if (input.tier !== undefined && !permits(deps.principal.grants, 'platform:billing:write')) {
    throw new ForbiddenError('Changing the tier needs the platform:billing:write permission.');
  }
  const before = await getCurrentTenant(deps.tx);
  await updateCurrentTenant(deps.tx, input);
  // The tier travels in authorization decisions (usage plans): re-decide.
  if (input.tier !== undefined && input.tier !== before.tier) await bumpRbacVersion(deps.tx);
  await recordAudit(deps.tx, deps.actor, {
    action: 'tenant.updated',
    targetType: 'tenant',
    targetId: before.id,
    details: {
      before: { name: before.name, tier: before.tier, enabledProducts: before.enabledProducts },
      after: input,
    },
  });
  return getCurrentTenant(deps.tx);
}

interface MeTenantRow {
  id: string;
  name: string;
  slug: string;
  roles: { id: string; key: string; name: string }[];
}

export async function getMe(deps: { tx: Tx; principal: Principal; catalog: readonly string[] }) {
  const userId = deps.principal.principalId;
  const { rows: users } = await deps.tx.query<{ id: string; email: string; name: string }>(
    'select id, email, name from platform.users where id = $1',
    [userId],
  );
  const user = users[0];
  if (!user) throw new NotFoundError('User');
  // Other tenants are invisible to halooid_app; platform.my_tenants() (platform/0007) is the one
  // look-up across them: the transaction user's own active memberships and role names.
  const { rows: tenants } = await deps.tx.query<MeTenantRow>(
    `select id, name, slug, roles from platform.my_tenants()
      where platform.current_user_id() = $1::uuid
      order by name, id`,
    [userId],
  );
  return {
    user,
    tenants,
    permissions: deps.principal.tenantId ? effectivePermissions(deps.principal.grants, deps.catalog) : [],
  };
}
