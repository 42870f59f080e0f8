import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { permits } from './permissions';

/** Who is calling, as decided by the authorizer and handed to the function by API Gateway. */
export interface Principal {
  tenantId: string;
  principalId: string;
  /** `operator`: a platform operator on an OPERATOR route (no tenant, no grants; shared/src/operator.ts). */
  principalType: 'user' | 'apiKey' | 'operator';
  grants: string[];
}

/**
 * The context the authorizer returns. API Gateway only carries string,
 * number and boolean values, so grants travel as one space-separated string.
 */
export interface AuthorizerContext {
  tenantId: string;
  principalType: Principal['principalType'];
  grants: string;
}

export function encodeGrants(grants: readonly string[]): string {
  return grants.join(' ');
}

export function principalFromEvent(
  event: Pick<APIGatewayProxyEvent, 'requestContext'>,
): Principal | undefined {
  const authorizer = event.requestContext.authorizer as Record<string, unknown> | null | undefined;
  if (!authorizer) return undefined;
  const { tenantId, principalId, principalType, grants } = authorizer;
  if (typeof tenantId !== 'string' || typeof principalId !== 'string' || typeof grants !== 'string')
    return undefined;
  if (principalType !== 'user' && principalType !== 'apiKey' && principalType !== 'operator')
    return undefined;
  return { tenantId, principalId, principalType, grants: grants.split(' ').filter(Boolean) };
}

/** Defence in depth: the function re-checks what the authorizer already allowed. */
export function requirePermission(principal: Principal | undefined, permission: string): Principal {
  if (!principal) throw new UnauthorizedError();
  if (!permits(principal.grants, permission))
    throw new ForbiddenError(`This needs the ${permission} permission.`);
  return principal;
}
