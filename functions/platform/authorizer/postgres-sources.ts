import type { Tx } from '@halooid/shared/db/transaction';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import type { TenantState, Tier } from '@halooid/shared/tenancy';
import { grantsInTenant } from '../../system-roles';
import type { AccessSources } from './access-cache';

/**
 * Where the authorizer reads tenants and grants from on a cache miss: Postgres,
 * inside a tenant transaction as `halooid_app`, so RLS applies to it too. A
 * full miss (a new instance, or a tenant whose version went stale) reads the
 * tenant and the user's grants in one transaction: one round trip to start it,
 * two statements, one commit, instead of two transactions.
 */
export function postgresAccessSources(): Omit<AccessSources, 'verifyKey'> {
  return {
    loadTenant: (tenantId) => withTenantTransaction({ tenantId }, (tx) => accessTenantState(tx)),
    loadGrants: (userId, tenantId) =>
      withTenantTransaction({ tenantId, userId }, (tx) => grantsInTenant(tx, userId)),
    loadMembership: (userId, tenantId) =>
      withTenantTransaction({ tenantId, userId }, async (tx) => {
        const tenant = await accessTenantState(tx);
        return { tenant, grants: tenant && (await grantsInTenant(tx, userId)) };
      }),
    // The user's own row (app.user_id), no tenant: RLS lets a user read themself only.
    loadMfaEnrolled: (userId) =>
      withTenantTransaction({ userId }, async (tx) => {
        const { rows } = await tx.query<{ mfa_enabled: boolean }>(
          'select mfa_enabled from platform.users where id = $1',
          [userId],
        );
        return rows[0]?.mfa_enabled === true;
      }),
  };
}

/**
 * The tenant as the authorizer decides on it: status, tier, usage key, RBAC
 * version, and the current security policy's IP allowlist, in one statement.
 * The allowlist rides on the tenant cache: the policy PUT bumps the RBAC
 * version, and the tenant is re-read every tenantTtlMs anyway.
 */
async function accessTenantState(tx: Tx): Promise<TenantState | undefined> {
  const { rows } = await tx.query<{
    id: string;
    status: TenantState['status'];
    tier: Tier;
    usage_key: string;
    rbac_version: number;
    ip_allowlist: unknown;
  }>(
    `select t.id, t.status, t.tier, t.usage_key, t.rbac_version,
            (select p.policy -> 'ipAllowlist' from platform.security_policies p
              where p.tenant_id = t.id order by p.version desc limit 1) as ip_allowlist
       from platform.tenants t where t.id = platform.current_tenant_id()`,
  );
  const row = rows[0];
  if (!row) return undefined;
  const ipAllowlist = allowlistOf(row.ip_allowlist);
  return {
    id: row.id,
    status: row.status,
    tier: row.tier,
    usageKey: row.usage_key,
    rbacVersion: row.rbac_version,
    ...(ipAllowlist ? { ipAllowlist } : {}),
  };
}

/** The policy's `ipAllowlist` as stored (validated when written); anything else counts as none. */
function allowlistOf(value: unknown): TenantState['ipAllowlist'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const { cidrs, applyToPeople } = value as { cidrs?: unknown; applyToPeople?: unknown };
  if (!Array.isArray(cidrs) || cidrs.length === 0) return undefined;
  return {
    cidrs: cidrs.filter((cidr): cidr is string => typeof cidr === 'string'),
    applyToPeople: applyToPeople === true,
  };
}
