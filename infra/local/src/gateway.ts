import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemResponse } from '@halooid/shared/http/problem';
import {
  RATE_LIMIT_POLICY,
  rateLimitHeaders,
  tierFromAuthorizer,
} from '@halooid/shared/http/rate-limit-headers';
import { PUBLIC } from '@halooid/shared/manifest';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
  Context,
} from 'aws-lambda';
import {
  authorizerEvent,
  type IncomingRequest,
  lambdaContext,
  methodArn,
  proxyEvent,
} from './api-gateway-events';
import { DEV_HOST_REFUSED, isDevPath, isLoopbackHost } from './dev-host';
import { policyAllows } from './policy';
import type { RouteTable } from './route-table';
import type { UsagePlans } from './usage-plans';

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
export type AuthorizerHandler = (
  event: APIGatewayRequestAuthorizerEvent,
  context: Context,
) => Promise<APIGatewayAuthorizerResult>;

/** A response the gateway writes itself (dev endpoints, static pages). */
export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface GatewayOptions {
  routes: RouteTable;
  /** Function handler by service name (`taskodex-tasks`). */
  handlers: ReadonlyMap<string, ProxyHandler>;
  authorizer: AuthorizerHandler;
  /** Per-tenant throttling by tier, keyed by the authorizer's usageIdentifierKey. */
  usagePlans: UsagePlans;
  /** Paths outside /v1 (web app, docs, /dev tools); undefined falls through to 404. */
  fallback?: (method: string, url: URL) => Promise<LocalResponse | undefined>;
  port: number;
  host?: string;
}

/** API Gateway's own payload limit; the functions enforce the platform's 1 MB. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export interface RunningGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * The local stand-in for API Gateway: matches the request to a manifest
 * route, builds the REST proxy event, runs the real authorizer handler,
 * enforces the IAM policy it returns, hands its context to the function as
 * `requestContext.authorizer`, and writes the function's result back.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const server = http.createServer((req, res) => {
    handle(options, req)
      .then((response) => write(res, response))
      .catch(() => write(res, problem(502, 'bad_gateway', 'The function failed to answer.', randomUUID())));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(options: GatewayOptions, req: http.IncomingMessage): Promise<LocalResponse> {
  const requestId = randomUUID();
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  if (!url.pathname.startsWith('/v1/')) {
    // DNS rebinding: the /dev tools answer only to a loopback Host (dev-host.ts).
    if (isDevPath(url.pathname) && !isLoopbackHost(req.headers.host))
      return problem(421, 'misdirected_request', DEV_HOST_REFUSED, requestId);
    const local = await options.fallback?.(method, url);
    return local ?? problem(404, 'not_found', `Nothing at ${url.pathname}.`, requestId);
  }

  const lookup = options.routes.lookup(method, url.pathname);
  if (lookup.kind === 'not_found')
    return problem(404, 'route_not_found', `No route ${method} ${url.pathname}.`, requestId);
  if (lookup.kind === 'bad_path')
    return problem(400, 'invalid_path', 'The path has a malformed %-escape.', requestId);
  if (lookup.kind === 'method_not_allowed') {
    const response = problem(
      405,
      'method_not_allowed',
      `Use ${lookup.allowed.join(', ')} on this path.`,
      requestId,
    );
    response.headers.Allow = lookup.allowed.join(', ');
    return response;
  }
  const body = await readBody(req);
  if (body === 'too_large')
    return problem(413, 'payload_too_large', 'The request body is larger than 10 MB.', requestId);

  const { service, route, pathParameters } = lookup.match;
  const request: IncomingRequest = {
    method,
    path: url.pathname,
    resource: route.path,
    headers: flattenHeaders(req.headers),
    query: url.searchParams,
    pathParameters,
    body,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    requestId,
  };

  let authorizerContext: Record<string, unknown> | null = null;
  if (route.permission !== PUBLIC) {
    let decision: APIGatewayAuthorizerResult;
    try {
      decision = await options.authorizer(authorizerEvent(request), lambdaContext('platform-authorizer'));
    } catch (error) {
      if ((error as Error).message === 'Unauthorized') {
        return problem(
          401,
          'unauthorized',
          'Sign in and send Authorization: Bearer <access token>.',
          requestId,
        );
      }
      return problem(500, 'authorizer_failed', 'The request could not be authorized.', requestId);
    }
    if (!policyAllows(decision.policyDocument, methodArn(method, url.pathname))) {
      const reason =
        typeof decision.context?.reason === 'string' ? decision.context.reason : 'Access denied.';
      // The authorizer names the problem when it is more than `forbidden` (tenant_suspended, ip_not_allowed).
      const code = typeof decision.context?.code === 'string' ? decision.context.code : 'forbidden';
      return problem(403, code, reason, requestId);
    }
    authorizerContext = { ...decision.context, principalId: decision.principalId };
    if (decision.usageIdentifierKey) {
      const usage = options.usagePlans.take(
        decision.usageIdentifierKey,
        String(decision.context?.tier ?? 'free'),
      );
      if (!usage.allowed) {
        const response = problem(429, 'too_many_requests', usage.reason, requestId);
        // The tier's policies, and which of them ran out: none left until Retry-After.
        Object.assign(
          response.headers,
          rateLimitHeaders({
            tier: tierFromAuthorizer(decision.context) ?? 'free',
            state: {
              policy: usage.daily ? RATE_LIMIT_POLICY.tenantDaily : RATE_LIMIT_POLICY.tenant,
              remaining: 0,
              resetSeconds: usage.retryAfterSeconds,
            },
          }),
        );
        response.headers['Retry-After'] = String(usage.retryAfterSeconds);
        return response;
      }
    }
  }

  const handler = options.handlers.get(`${service.product}-${service.capability}`);
  if (!handler)
    return problem(
      502,
      'no_function',
      `No function for ${service.product}-${service.capability}.`,
      requestId,
    );
  const result = await handler(
    proxyEvent(request, authorizerContext),
    lambdaContext(`${service.product}-${service.capability}`),
  );
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(result.headers ?? {})) headers[key] = String(value);
  for (const [key, values] of Object.entries(result.multiValueHeaders ?? {})) {
    headers[key] = values.map(String).join('\u0000');
  }
  return {
    status: result.statusCode,
    headers,
    body: result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body,
  };
}

function problem(status: number, code: string, detail: string, correlationId: string): LocalResponse {
  return {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'X-Correlation-Id': correlationId },
    body: JSON.stringify(problemResponse(status, code, detail, correlationId).problem),
  };
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

async function readBody(req: http.IncomingMessage): Promise<string | null | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > GATEWAY_MAX_BODY) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return size === 0 ? null : Buffer.concat(chunks).toString('utf8');
}

function write(res: http.ServerResponse, response: LocalResponse): void {
  res.statusCode = response.status;
  for (const [key, value] of Object.entries(response.headers)) {
    // Multi-value headers (Set-Cookie) travel joined by NUL from handle().
    res.setHeader(key, value.includes('\u0000') ? value.split('\u0000') : value);
  }
  res.end(response.body);
}
