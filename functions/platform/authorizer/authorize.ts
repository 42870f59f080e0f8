import { permits } from '@halooid/shared/auth/permissions';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { isUuid } from '@halooid/shared/ids';
import { AUTHENTICATED, routeKey } from '@halooid/shared/manifest';
import { PUBLIC, type RoutePermission } from './route-permissions';

export interface AuthorizationRequest {
  method: string;
  resource: string;
  authorization?: string;
  tenantId?: string;
}

export type Decision =
  | { effect: 'Allow'; principalId: string; tenantId: string; principalType: 'user'; grants: string[] }
  | { effect: 'Deny'; principalId: string; reason: string }
  /** No or bad credentials: API Gateway answers 401. */
  | { effect: 'Unauthorized'; reason: string };

export interface AuthorizeDeps {
  routes: ReadonlyMap<string, RoutePermission>;
  verifier: AccessTokenVerifier;
  /** Grants of the user in the tenant, or undefined when they are not an active member. */
  grantsOf(userId: string, tenantId: string): Promise<string[] | undefined>;
}

/**
 * The authorizer's decision, free of Lambda types so it can be tested and
 * benchmarked alone: who is calling (a verified Cognito access token), for
 * which tenant (X-Tenant-Id, which must be one of theirs), and whether their
 * roles there grant the route's permission (from the manifest).
 */
export async function authorize(request: AuthorizationRequest, deps: AuthorizeDeps): Promise<Decision> {
  const permission = deps.routes.get(routeKey(request.method, request.resource));
  if (permission === undefined) return { effect: 'Deny', principalId: 'anonymous', reason: 'Unknown route.' };

  const [scheme, token] = (request.authorization ?? '').trim().split(/\s+/, 2);
  if (!scheme || !token)
    return { effect: 'Unauthorized', reason: 'Send Authorization: Bearer <access token>.' };
  if (scheme.toLowerCase() !== 'bearer') {
    return { effect: 'Unauthorized', reason: `Unsupported authorization scheme ${scheme}.` };
  }
  let userId: string;
  try {
    userId = (await deps.verifier.verify(token)).sub;
  } catch {
    return { effect: 'Unauthorized', reason: 'The access token is invalid or expired.' };
  }

  const tenantId = request.tenantId?.trim();
  if (permission === AUTHENTICATED && !tenantId) {
    return { effect: 'Allow', principalId: userId, tenantId: '', principalType: 'user', grants: [] };
  }
  if (!tenantId || !isUuid(tenantId)) {
    return {
      effect: 'Deny',
      principalId: userId,
      reason: 'Send X-Tenant-Id with the id of one of your tenants.',
    };
  }
  const grants = await deps.grantsOf(userId, tenantId.toLowerCase());
  if (!grants) return { effect: 'Deny', principalId: userId, reason: 'You are not a member of this tenant.' };
  if (permission !== PUBLIC && permission !== AUTHENTICATED && !permits(grants, permission)) {
    return { effect: 'Deny', principalId: userId, reason: `This needs the ${permission} permission.` };
  }
  return {
    effect: 'Allow',
    principalId: userId,
    tenantId: tenantId.toLowerCase(),
    principalType: 'user',
    grants,
  };
}
