import { type AuditActor, recordAudit } from '@halooid/shared/audit';
import { effectivePermissions } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { AppError, NotFoundError } from '@halooid/shared/errors';
import type { Tenant, UpdateTenantInput } from './schemas';
import { findCurrentTenant, updateCurrentTenant } from './tenant-repository';

export async function getCurrentTenant(tx: Tx): Promise<Tenant> {
  const tenant = await findCurrentTenant(tx);
  if (!tenant) throw new NotFoundError('Tenant');
  return tenant;
}

/**
 * Name, settings and products. The tier is billing's, not the tenant's: no
 * tenant role changes it, the Owner included (it sets the rate limit and
 * quota), so a body naming it is a 403 saying where tiers change
 * (change-tenant-tier.ts, the operator console and billing).
 */
export async function changeTenant(
  input: UpdateTenantInput,
  deps: { tx: Tx; principal: Principal; actor: AuditActor },
): Promise<Tenant> {
  if (input.tier !== undefined) {
    throw new AppError(
      403,
      'tier_managed_by_billing',
      'The tier is managed by billing: it changes with the subscription (or by a Halooid operator), never through the tenant API, whatever your role.',
      { errors: [{ field: 'body.tier', message: 'Not changeable here.', code: 'tier_managed_by_billing' }] },
    );
  }
  const before = await getCurrentTenant(deps.tx);
  await updateCurrentTenant(deps.tx, input);
  await recordAudit(deps.tx, deps.actor, {
    action: 'tenant.updated',
    targetType: 'tenant',
    targetId: before.id,
    details: {
      before: { name: before.name, enabledProducts: before.enabledProducts },
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
