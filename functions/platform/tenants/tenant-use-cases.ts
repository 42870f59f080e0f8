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
  const { rows: tenants } = await deps.tx.query<MeTenantRow>(
    `select t.id, t.name, t.slug,
            coalesce(json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name) order by r.name)
                     filter (where r.id is not null), '[]') as roles
       from platform.memberships m
       join platform.tenants t on t.id = m.tenant_id
       left join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
       left join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
      where m.user_id = $1 and m.status = 'active'
      group by t.id, t.name, t.slug
      order by t.name, t.id`,
    [userId],
  );
  return {
    user,
    tenants,
    permissions: deps.principal.tenantId ? effectivePermissions(deps.principal.grants, deps.catalog) : [],
  };
}
