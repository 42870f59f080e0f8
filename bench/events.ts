import { randomUUID } from 'node:crypto';
import { authorizerEvent, type IncomingRequest, proxyEvent } from '@halooid/local/api-gateway-events';
import type { AnyRoute, ServiceManifest } from '@halooid/shared/manifest';
import { PUBLIC } from '@halooid/shared/manifest';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { BenchPlatform } from './platform';

/** A request as the local gateway would see it. */
export function incoming(
  method: string,
  path: string,
  options: { resource?: string; headers?: Record<string, string>; body?: string } = {},
): IncomingRequest {
  const url = new URL(path, 'http://localhost');
  return {
    method,
    path: url.pathname,
    resource: options.resource ?? url.pathname,
    headers: { host: 'localhost', accept: 'application/json', 'user-agent': 'bench', ...options.headers },
    query: url.searchParams,
    pathParameters: null,
    body: options.body ?? null,
    sourceIp: '127.0.0.1',
    requestId: randomUUID(),
  };
}

/**
 * The request a capability's first invocation serves in the cold-start and
 * memory benchmarks: its first GET without path parameters that needs a
 * caller (a read that reaches the database), else its first GET, else its
 * first route. The caller is the demo owner, as the authorizer would pass it.
 */
export function firstRequestOf(
  service: ServiceManifest,
  bench: BenchPlatform,
): {
  route: AnyRoute;
  event: APIGatewayProxyEvent;
} {
  const gets = service.routes.filter((route) => route.method === 'GET');
  const route =
    gets.find((candidate) => !candidate.path.includes('{') && candidate.permission !== PUBLIC) ??
    gets.find((candidate) => !candidate.path.includes('{')) ??
    gets[0] ??
    service.routes[0];
  if (!route) throw new Error(`${service.product}-${service.capability} has no routes`);
  const path = route.path.replace(/\{[^}]+\}/g, randomUUID());
  const params: Record<string, string> = Object.fromEntries(
    [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => [match[1] as string, randomUUID()]),
  );
  const request: IncomingRequest = {
    ...incoming(route.method, path, { resource: route.path }),
    pathParameters: route.path.includes('{') ? params : null,
  };
  return { route, event: proxyEvent(request, route.permission === PUBLIC ? null : bench.authorizer) };
}

/** The authorizer's event for the owner's real Cognito token on `GET /v1/taskodex/tasks`. */
export function authorizerRequest(bench: BenchPlatform): APIGatewayRequestAuthorizerEvent {
  return authorizerEvent(
    incoming('GET', '/v1/taskodex/tasks?limit=20', {
      resource: '/v1/taskodex/tasks',
      headers: bench.owner.headers('acme'),
    }),
  );
}
