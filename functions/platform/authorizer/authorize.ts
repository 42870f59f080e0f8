import { permits } from '@halooid/shared/auth/permissions';
import type { AccessTokenVerifier, VerifiedAccessToken } from '@halooid/shared/auth/token-verifier';
import { isUuid } from '@halooid/shared/ids';
import { AUTHENTICATED, OPERATOR, routeKey } from '@halooid/shared/manifest';
import { OPERATOR_GROUP } from '@halooid/shared/operator';
import type { TenantState } from '@halooid/shared/tenancy';
import { ipAllowed } from './ip-allowlist';
import { PUBLIC, type RoutePermission } from './route-permissions';

export interface AuthorizationRequest {
  method: string;
  resource: string;
  authorization?: string;
  tenantId?: string;
  /** The client's address as API Gateway saw it (the IP allowlist). */
  sourceIp?: string;
}

export interface Allow {
  effect: 'Allow';
  principalId: string;
  principalType: 'user' | 'apiKey' | 'operator';
  /** Empty for AUTHENTICATED routes called without a tenant and for operators, who act on no tenant. */
  tenantId: string;
  grants: string[];
  /** The tenant's usage-plan key and tier, for per-tenant throttling; absent without a tenant. */
  usage?: { key: string; tier: TenantState['tier'] };
}

export type Decision =
  | Allow
  | {
      effect: 'Deny';
      principalId: string;
      reason: string;
      /** The problem code of the 403 when it is not plain `forbidden`: `tenant_suspended`, `ip_not_allowed`. */
      code?: DenyCode;
    }
  /** No or bad credentials: API Gateway answers 401. */
  | { effect: 'Unauthorized'; reason: string };

export interface VerifiedApiKey {
  keyId: string;
  tenantId: string;
  scopes: string[];
  createdBy: string;
}

export interface AuthorizeDeps {
  routes: ReadonlyMap<string, RoutePermission>;
  verifier: AccessTokenVerifier;
  /**
   * Why a verified token was revoked (its user signed out everywhere or changed
   * their password since it was issued, or its session signed out), or
   * undefined while it counts. See revocation-cache.ts.
   */
  revoked(token: VerifiedAccessToken): Promise<string | undefined>;
  /** The tenant's status, tier, usage key and RBAC version; undefined when it does not exist. */
  tenant(tenantId: string): Promise<TenantState | undefined>;
  /** Grants of the user in the tenant, or undefined when they are not an active member. */
  grantsOf(userId: string, tenant: TenantState): Promise<string[] | undefined>;
  /** Both of the above for a user, read together when neither is cached; without it: tenant, then grantsOf. */
  membership?(
    userId: string,
    tenantId: string,
  ): Promise<{ tenant: TenantState | undefined; grants: string[] | undefined }>;
  /**
   * Whether the user has MFA enrolled (platform.users.mfa_enabled): an
   * operator without it is refused. Read only for operator routes.
   */
  mfaEnrolled(userId: string): Promise<boolean>;
  /** The key's record when the presented key is genuine, active and unexpired. */
  apiKey(
    raw: string,
    tenant: (tenantId: string) => Promise<TenantState | undefined>,
  ): Promise<VerifiedApiKey | undefined>;
}

/**
 * The authorizer's decision, free of Lambda types so it can be tested and
 * benchmarked alone. Users: a verified Cognito access token, X-Tenant-Id one
 * of their tenants, their roles there granting the route's permission.
 * Integrators: an API key, whose tenant is implied; its effective permissions
 * are its scopes still held by the person who created it.
 */
export async function authorize(request: AuthorizationRequest, deps: AuthorizeDeps): Promise<Decision> {
  const permission = deps.routes.get(routeKey(request.method, request.resource));
  if (permission === undefined) return { effect: 'Deny', principalId: 'anonymous', reason: 'Unknown route.' };

  const [scheme, credential] = (request.authorization ?? '').trim().split(/\s+/, 2);
  if (!scheme || !credential) {
    return { effect: 'Unauthorized', reason: 'Send Authorization: Bearer <access token> or ApiKey <key>.' };
  }
  const requestedTenant = request.tenantId?.trim().toLowerCase() || undefined;
  const sourceIp = request.sourceIp ?? '';
  switch (scheme.toLowerCase()) {
    case 'bearer':
      if (permission === OPERATOR) return authorizeOperator(credential, deps);
      return authorizeUser(credential, requestedTenant, sourceIp, permission, deps);
    case 'apikey':
      return authorizeApiKey(credential, requestedTenant, sourceIp, permission, deps);
    default:
      return { effect: 'Unauthorized', reason: `Unsupported authorization scheme ${scheme}.` };
  }
}

export type DenyCode = 'tenant_suspended' | 'ip_not_allowed' | 'operators_only' | 'mfa_required';

export const SUSPENDED_REASON = 'This workspace is suspended by the platform operator; contact support.';

/**
 * Operator routes: a verified token of a member of the pool's `operators`
 * group who has MFA enrolled (enrolled TOTP is asked at every sign-in, so the
 * token itself came through MFA). No tenant: X-Tenant-Id is ignored and the
 * context's tenant is empty; API keys never reach here (authorizeApiKey
 * refuses OPERATOR routes). Tenant roles, Owner included, grant nothing.
 */
async function authorizeOperator(token: string, deps: AuthorizeDeps): Promise<Decision> {
  let verified: VerifiedAccessToken;
  try {
    verified = await deps.verifier.verify(token);
  } catch {
    return { effect: 'Unauthorized', reason: 'The access token is invalid or expired.' };
  }
  const principalId = verified.sub;
  const mfa = verified.groups?.includes(OPERATOR_GROUP) ? deps.mfaEnrolled(principalId) : undefined;
  mfa?.catch(() => undefined);
  const revoked = await deps.revoked(verified);
  if (revoked) return { effect: 'Unauthorized', reason: revoked };
  if (!mfa) return { effect: 'Deny', principalId, reason: 'Operators only.', code: 'operators_only' };
  if (!(await mfa)) {
    return {
      effect: 'Deny',
      principalId,
      reason: 'MFA required: operators must enrol an authenticator app.',
      code: 'mfa_required',
    };
  }
  return { effect: 'Allow', principalId, principalType: 'operator', tenantId: '', grants: [] };
}

async function authorizeUser(
  token: string,
  requestedTenant: string | undefined,
  sourceIp: string,
  permission: RoutePermission,
  deps: AuthorizeDeps,
): Promise<Decision> {
  let verified: VerifiedAccessToken;
  try {
    verified = await deps.verifier.verify(token);
  } catch {
    return { effect: 'Unauthorized', reason: 'The access token is invalid or expired.' };
  }
  const userId = verified.sub;
  const tenantOnly = permission === AUTHENTICATED && !requestedTenant;
  const tenantId = requestedTenant && isUuid(requestedTenant) ? requestedTenant : undefined;
  // The membership read starts beside the revocation read: on a miss (a cold start above
  // all) the DynamoDB and Postgres round trips overlap instead of adding up. Its answer is
  // used only once the token is known not to be revoked; its failure then, not before.
  const membership =
    !tenantOnly && tenantId
      ? deps.membership
        ? deps.membership(userId, tenantId)
        : tenantThenGrants(userId, tenantId, deps)
      : undefined;
  membership?.catch(() => undefined);
  // A revoked token is no credential at all: 401, so clients sign in again rather than show "forbidden".
  const revoked = await deps.revoked(verified);
  if (revoked) return { effect: 'Unauthorized', reason: revoked };
  if (tenantOnly) {
    return { effect: 'Allow', principalId: userId, principalType: 'user', tenantId: '', grants: [] };
  }
  if (!tenantId || !membership) {
    return {
      effect: 'Deny',
      principalId: userId,
      reason: 'Send X-Tenant-Id with the id of one of your tenants.',
    };
  }
  const { tenant, grants } = await membership;
  if (!tenant || !grants)
    return { effect: 'Deny', principalId: userId, reason: 'You are not a member of this tenant.' };
  return decide(userId, 'user', tenant, grants, permission, sourceIp);
}

async function tenantThenGrants(userId: string, tenantId: string, deps: AuthorizeDeps) {
  const tenant = await deps.tenant(tenantId);
  return { tenant, grants: tenant && (await deps.grantsOf(userId, tenant)) };
}

async function authorizeApiKey(
  raw: string,
  requestedTenant: string | undefined,
  sourceIp: string,
  permission: RoutePermission,
  deps: AuthorizeDeps,
): Promise<Decision> {
  const key = await deps.apiKey(raw, deps.tenant);
  if (!key) return { effect: 'Unauthorized', reason: 'The API key is invalid, revoked or expired.' };
  const principalId = `apikey:${key.keyId}`;
  if (permission === AUTHENTICATED) {
    return {
      effect: 'Deny',
      principalId,
      reason: 'This operation acts on a person; API keys cannot call it.',
    };
  }
  if (permission === OPERATOR)
    return { effect: 'Deny', principalId, reason: 'Operators only.', code: 'operators_only' };
  if (requestedTenant && requestedTenant !== key.tenantId) {
    return { effect: 'Deny', principalId, reason: 'X-Tenant-Id does not match the tenant of the API key.' };
  }
  const tenant = await deps.tenant(key.tenantId);
  if (!tenant) return { effect: 'Unauthorized', reason: 'The API key is invalid, revoked or expired.' };
  // A key never outlives its creator's rights: scopes they no longer hold stop working.
  const creatorGrants = (await deps.grantsOf(key.createdBy, tenant)) ?? [];
  const grants = key.scopes.filter((scope) => permits(creatorGrants, scope));
  return decide(principalId, 'apiKey', tenant, grants, permission, sourceIp);
}

function decide(
  principalId: string,
  principalType: Allow['principalType'],
  tenant: TenantState,
  grants: string[],
  permission: RoutePermission,
  sourceIp: string,
): Decision {
  if (tenant.status === 'suspended')
    return { effect: 'Deny', principalId, reason: SUSPENDED_REASON, code: 'tenant_suspended' };
  if (tenant.status !== 'active') return { effect: 'Deny', principalId, reason: 'This tenant is disabled.' };
  // API keys always meet a non-empty allowlist; people only when the policy says so.
  const allowlist = tenant.ipAllowlist;
  if (
    allowlist &&
    allowlist.cidrs.length > 0 &&
    (principalType === 'apiKey' || allowlist.applyToPeople) &&
    !ipAllowed(allowlist.cidrs, sourceIp)
  ) {
    return {
      effect: 'Deny',
      principalId,
      reason: `Requests from ${sourceIp || 'an unknown address'} are not allowed by this workspace's IP allowlist.`,
      code: 'ip_not_allowed',
    };
  }
  if (permission !== PUBLIC && permission !== AUTHENTICATED && !permits(grants, permission)) {
    return { effect: 'Deny', principalId, reason: `This needs the ${permission} permission.` };
  }
  return {
    effect: 'Allow',
    principalId,
    principalType,
    tenantId: tenant.id,
    grants,
    usage: { key: tenant.usageKey, tier: tenant.tier },
  };
}
