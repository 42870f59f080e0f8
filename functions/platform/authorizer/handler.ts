import { encodeGrants } from '@halooid/shared/auth/principal';
import { createAccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { getConfig } from '@halooid/shared/config';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { headerValue } from '@halooid/shared/http/request-context';
import { createLogger } from '@halooid/shared/observability';
import { grantsInTenant } from '@halooid/shared/tenancy';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { SERVICES } from '../../registry';
import { authorize } from './authorize';
import { routePermissions } from './route-permissions';

const logger = createLogger('platform-authorizer');
const routes = routePermissions(SERVICES);
const verifier = createAccessTokenVerifier(getConfig());

/**
 * API Gateway REQUEST authorizer. Gateway caching is off (TTL 0): the
 * decision depends on the route, the token and X-Tenant-Id, and revoked
 * memberships must take effect at once. The policy covers exactly the
 * method being called.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const decision = await authorize(
    {
      method: event.httpMethod,
      resource: event.resource,
      authorization: headerValue(event.headers, 'authorization'),
      tenantId: headerValue(event.headers, 'x-tenant-id'),
    },
    {
      routes,
      verifier,
      grantsOf: (userId, tenantId) =>
        withTenantTransaction({ tenantId, userId }, (tx) => grantsInTenant(tx, userId)),
    },
  );
  if (decision.effect === 'Unauthorized') {
    logger.info('Unauthenticated request', { reason: decision.reason, resource: event.resource });
    // API Gateway's contract: this exact message makes it answer 401.
    throw new Error('Unauthorized');
  }
  const allow = decision.effect === 'Allow';
  if (!allow) logger.info('Request denied', { reason: decision.reason, principalId: decision.principalId });
  return {
    principalId: decision.principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: allow ? 'Allow' : 'Deny', Resource: event.methodArn },
      ],
    },
    context: allow
      ? {
          tenantId: decision.tenantId,
          principalType: decision.principalType,
          grants: encodeGrants(decision.grants),
        }
      : { reason: decision.reason },
  };
}
