import { encodeGrants } from '@halooid/shared/auth/principal';
import { dynamoRevocationStore } from '@halooid/shared/auth/revocations';
import { createAccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { getCache } from '@halooid/shared/cache/get-cache';
import { getConfig } from '@halooid/shared/config';
import { clientIp } from '@halooid/shared/http/client-ip';
import { headerValue } from '@halooid/shared/http/request-context';
import { createLogger } from '@halooid/shared/observability';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { INDEXED_SERVICES } from '../../registry-names';
import { cachedAccess, cachedVerifier } from './access-cache';
import { apiKeySource } from './api-key-source';
import { authorize } from './authorize';
import { postgresAccessSources } from './postgres-sources';
import { cachedRevocations } from './revocation-cache';
import { routePermissions } from './route-permissions';

const logger = createLogger('platform-authorizer');
const routes = routePermissions(INDEXED_SERVICES);
const verifier = cachedVerifier(createAccessTokenVerifier(getConfig()));
const trustCloudFront = getConfig().TRUST_CLOUDFRONT_HEADER;
const access = cachedAccess(
  { ...postgresAccessSources(), verifyKey: apiKeySource() },
  { shared: getCache() },
);
const revocations = dynamoRevocationStore();
const revoked = cachedRevocations((userId, sessionId) => revocations.read(userId, sessionId));

/**
 * API Gateway REQUEST authorizer. Gateway caching is off (TTL 0): the
 * decision depends on the route, the credential and X-Tenant-Id, and its own
 * caches (access-cache.ts) are invalidated by the tenant's RBAC version. The
 * policy covers exactly the method being called; `usageIdentifierKey` makes
 * API Gateway throttle the tenant by its tier's usage plan. The context never
 * carries a secret.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const decision = await authorize(
    {
      method: event.httpMethod,
      resource: event.resource,
      authorization: headerValue(event.headers, 'authorization'),
      tenantId: headerValue(event.headers, 'x-tenant-id'),
      // As the functions see the client (client-ip.ts): CloudFront's viewer address in AWS, the socket locally.
      sourceIp: clientIp(event as Parameters<typeof clientIp>[0], { trustCloudFront }),
    },
    { routes, verifier, revoked, ...access },
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
    ...(allow && decision.usage ? { usageIdentifierKey: decision.usage.key } : {}),
    context: allow
      ? {
          tenantId: decision.tenantId,
          principalType: decision.principalType,
          grants: encodeGrants(decision.grants),
          tier: decision.usage?.tier ?? '',
        }
      : // The gateway's 403 problem carries both (api-stack.ts, the local gateway).
        { reason: decision.reason, code: decision.code ?? 'forbidden' },
  };
}
