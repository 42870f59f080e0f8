import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type Principal, principalFromEvent, requirePermission } from '../auth/principal';
import { getCache } from '../cache/get-cache';
import { ConfigError, getConfig } from '../config';
import {
  AppError,
  ForbiddenError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../errors';
import {
  type AnyRoute,
  AUTHENTICATED,
  OPERATOR,
  PUBLIC,
  type ResponseBody,
  type RouteInput,
  routeKey,
  type ServiceManifest,
  serviceName,
} from '../manifest';
import {
  createLogger,
  createMetrics,
  type Logger,
  type Metrics,
  PRODUCT_REQUESTS,
  PRODUCT_SERVER_ERRORS,
  requestLogger,
} from '../observability';
import { hitRateLimit } from '../rate-limit';
import { API_KEY_RATE_LIMIT } from '../tiers';
import { recordUsage } from '../usage/recorder';
import { readJsonBody } from './body';
import { clientIp } from './client-ip';
import { checkDeclaredHeaders } from './declared-headers';
import { idempotencyFor } from './idempotency';
import { loggableError } from './loggable-error';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';
import { RATE_LIMIT_POLICY, rateLimitHeaders, tierFromAuthorizer } from './rate-limit-headers';
import { correlationIdOf, lowerCaseHeaders } from './request-context';
import { type InTenant, inTenantFor } from './request-deps';
import { parsePart } from './validation';

/** What an implementation receives: validated input plus who is calling. */
export type HandlerRequest<R extends AnyRoute> = RouteInput<R> & {
  principal: R['permission'] extends typeof PUBLIC ? Principal | undefined : Principal;
  /** Request headers, lower-cased. */
  headers: Record<string, string>;
  correlationId: string;
  /** The client's address as API Gateway saw it (rate limits, audit). */
  sourceIp: string;
  logger: Logger;
  /**
   * Runs a use case in the caller's tenant transaction with the request's
   * dependencies (request-deps.ts): the one way a handler reaches the database
   * as the caller. A PUBLIC route without a principal gets a 401 from it.
   */
  inTenant: InTenant;
};

export interface HandlerResult<Body> {
  status?: number;
  body: Body;
  headers?: Record<string, string>;
  /** Extra `Set-Cookie` values (API Gateway's multiValueHeaders). */
  cookies?: string[];
}

/**
 * A success body that is not JSON (a CSV export, plain text, a PDF): sent as
 * is with its own Content-Type, skipping JSON serialization and the
 * response-schema check. A route may answer either kind, e.g. JSON or CSV by
 * `Accept`. Bytes (`Uint8Array`) go out base64-encoded with
 * `isBase64Encoded`, which API Gateway turns back into bytes for the media
 * types the RestApi lists as binary (binary.ts) and the local gateway always.
 */
export interface RawResult {
  status?: number;
  raw: string | Uint8Array;
  contentType: string;
  headers?: Record<string, string>;
}

export type Implementation<R extends AnyRoute> = (
  request: HandlerRequest<R>,
) => Promise<HandlerResult<ResponseBody<R>> | RawResult>;

export type Implementations<S extends ServiceManifest> = {
  [R in S['routes'][number] as R['operationId']]: Implementation<R>;
};

interface HalooidContext extends Context {
  /** `rateLimit`: the RateLimit fields every answer to this request carries, errors included. */
  halooid?: { correlationId: string; logger: Logger; rateLimit?: Record<string, string> };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/**
 * Builds the Lambda handler of one capability from its manifest. Every route
 * goes through the same steps: correlation id and request logger, permission
 * re-check (defence in depth behind the authorizer), body limits and JSON
 * parsing, zod validation of params, query and body, the implementation, and
 * response serialization. Errors are mapped to problem+json once, here.
 */
export function createHttpHandler<S extends ServiceManifest>(
  service: S,
  implementations: NoInfer<Implementations<S>>,
) {
  const name = serviceName(service);
  const logger = createLogger(name);
  const metrics = createMetrics(name);
  // The same requests counted once more per product (`service` = the product key):
  // the product's 5xx-rate alarm divides these two, which no per-function metric
  // can do within an alarm's ten-metric limit. A masked 500 is a handled error, so
  // Lambda's own Errors metric never sees it.
  const productMetrics = createMetrics(service.product);
  const config = getConfig();
  if (service.resources.database && !config.DATABASE_URL && !config.DB_HOST) {
    throw new ConfigError(['DATABASE_URL or DB_HOST: one is required to reach Postgres']);
  }
  if (service.resources.dataKeys && !config.DATA_ENCRYPTION_KEYS && !config.DATA_ENCRYPTION_KEYS_SECRET_ARN) {
    throw new ConfigError([
      'DATA_ENCRYPTION_KEYS or DATA_ENCRYPTION_KEYS_SECRET_ARN: one is required to seal secrets',
    ]);
  }
  const validateResponses = config.STAGE !== 'prod';
  // POST routes honour Idempotency-Key where the capability declares the table
  // (never where a replay would hand out a secret twice, such as API keys).
  const usesIdempotency = service.resources.tables?.includes('idempotency') ?? false;

  const routes = new Map<string, { route: AnyRoute; implementation: Implementation<AnyRoute> }>();
  for (const route of service.routes) {
    const implementation = (implementations as Record<string, Implementation<AnyRoute> | undefined>)[
      route.operationId
    ];
    if (!implementation) throw new Error(`${name}: no implementation for operation ${route.operationId}`);
    routes.set(routeKey(route.method, route.path), { route, implementation });
  }

  const core = async (
    event: APIGatewayProxyEvent,
    context: HalooidContext,
  ): Promise<APIGatewayProxyResult> => {
    const entry = routes.get(routeKey(event.httpMethod, event.resource));
    if (!entry) throw new AppError(404, 'route_not_found', `No route ${event.httpMethod} ${event.resource}.`);
    const { route, implementation } = entry;
    const correlationId = correlationIdOf(event);
    const principal = principalFromEvent(event);
    const log = requestLogger(logger, {
      correlationId,
      tenantId: principal?.tenantId,
      principalId: principal?.principalId,
    });
    context.halooid = { correlationId, logger: log };
    metrics.addMetadata('correlationId', correlationId);
    productMetrics.addMetric(PRODUCT_REQUESTS, MetricUnit.Count, 1);
    if (principal) {
      metrics.addMetadata('tenantId', principal.tenantId);
      metrics.addMetadata('principalId', principal.principalId);
    }
    const apiKeyWindow =
      principal?.principalType === 'apiKey'
        ? await hitRateLimit(getCache(), `apikey:${principal.principalId}`, API_KEY_RATE_LIMIT)
        : undefined;
    const limitHeaders = rateLimitHeaders({
      tier: principal ? tierFromAuthorizer(event.requestContext.authorizer) : undefined,
      apiKey: apiKeyWindow !== undefined,
      state: apiKeyWindow && {
        policy: RATE_LIMIT_POLICY.apiKey,
        remaining: API_KEY_RATE_LIMIT.limit - apiKeyWindow.count,
        resetSeconds: apiKeyWindow.retryAfterSeconds,
      },
    });
    context.halooid.rateLimit = limitHeaders;
    if (apiKeyWindow && !apiKeyWindow.allowed) throw new TooManyRequestsError(apiKeyWindow.retryAfterSeconds);
    if (route.permission === AUTHENTICATED) {
      if (principal?.principalType !== 'user') throw new UnauthorizedError();
    } else if (route.permission === OPERATOR) {
      // Operators carry no grants; tenant principals never pass, whatever their roles.
      if (!principal) throw new UnauthorizedError();
      if (principal.principalType !== 'operator') throw new ForbiddenError('Operators only.');
    } else if (route.permission !== PUBLIC) requirePermission(principal, route.permission);

    checkDeclaredHeaders(route.headers, event.headers);
    const rawBody = readJsonBody(event, route.textBodyTypes);
    if (!route.body && rawBody !== undefined) {
      throw new ValidationError('This operation takes no request body.', [
        { field: 'body', message: 'Unexpected body.', code: 'unexpected_body' },
      ]);
    }
    const input = {
      params: route.params ? parsePart('params', route.params, event.pathParameters ?? {}) : undefined,
      query: route.query ? parsePart('query', route.query, event.queryStringParameters ?? {}) : undefined,
      body: route.body ? parsePart('body', route.body, rawBody) : undefined,
    } as RouteInput<AnyRoute>;

    const run = async (): Promise<APIGatewayProxyResult> => {
      const started = performance.now();
      const sourceIp = clientIp(event, { trustCloudFront: getConfig().TRUST_CLOUDFRONT_HEADER });
      const result = await implementation({
        ...input,
        principal,
        headers: lowerCaseHeaders(event.headers),
        correlationId,
        sourceIp,
        logger: log,
        inTenant: inTenantFor(principal, { sourceIp, correlationId }),
      } as HandlerRequest<AnyRoute>);

      const status = result.status ?? route.status ?? 200;
      if ('raw' in result) {
        metrics.addDimension('operation', route.operationId);
        metrics.addMetric('Latency', MetricUnit.Milliseconds, performance.now() - started);
        return {
          statusCode: status,
          headers: {
            'Content-Type': result.contentType,
            'X-Correlation-Id': correlationId,
            ...result.headers,
          },
          ...rawResponseBody(result.raw),
        };
      }
      if (validateResponses && route.response && status < 300) {
        const checked = route.response.safeParse(result.body);
        if (!checked.success) {
          log.error('Response does not match its schema', {
            operationId: route.operationId,
            issues: checked.error.issues,
          });
          throw new Error(`Response of ${route.operationId} does not match its schema`);
        }
      }
      metrics.addDimension('operation', route.operationId);
      metrics.addMetric('Latency', MetricUnit.Milliseconds, performance.now() - started);
      log.debug('Request handled', { operationId: route.operationId, status });
      const response: APIGatewayProxyResult = {
        statusCode: status,
        headers: {
          ...(result.body === undefined ? {} : JSON_HEADERS),
          'X-Correlation-Id': correlationId,
          ...result.headers,
        },
        body: result.body === undefined ? '' : JSON.stringify(result.body),
      };
      if (result.cookies?.length) response.multiValueHeaders = { 'Set-Cookie': result.cookies };
      return response;
    };

    const idempotent =
      route.method === 'POST' && usesIdempotency && principal?.tenantId
        ? idempotencyFor(event, {
            tenantId: principal.tenantId,
            principalId: principal.principalId,
            operationId: route.operationId,
          })
        : undefined;
    // Added after the idempotency store: a replay tells the quota as it is now.
    if (!idempotent) {
      const response = await run();
      return { ...response, headers: { ...response.headers, ...limitHeaders } };
    }
    const response = await idempotent(run);
    return {
      ...response,
      headers: { ...response.headers, ...limitHeaders, 'X-Correlation-Id': correlationId },
    };
  };

  const handler = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, HalooidContext>();
  // Outermost, so it counts every answer with its final status (usage/recorder.ts).
  const usage = recordUsage(service);
  if (usage) handler.use(usage);
  return handler
    .use(logMetrics([metrics, productMetrics], { captureColdStartMetric: true }))
    .use(problemResponses(logger, metrics, productMetrics))
    .handler(core);
}

/** A text body as is; bytes as base64, flagged so the gateway decodes them. */
function rawResponseBody(raw: string | Uint8Array): Pick<APIGatewayProxyResult, 'body' | 'isBase64Encoded'> {
  if (typeof raw === 'string') return { body: raw };
  return {
    body: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64'),
    isBase64Encoded: true,
  };
}

/** The one place where errors become HTTP responses. */
function problemResponses(
  fallbackLogger: Logger,
  metrics: Metrics,
  productMetrics: Metrics,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, HalooidContext> {
  return {
    onError: async (request) => {
      const correlationId = request.context.halooid?.correlationId ?? correlationIdOf(request.event);
      const log = request.context.halooid?.logger ?? requestLogger(fallbackLogger, { correlationId });
      const { problem, headers, unexpected } = toProblem(request.error, correlationId);
      // Redacted: a pg error's detail and the like carry database values (loggable-error.ts).
      if (unexpected) log.error('Request failed', { error: loggableError(request.error) });
      else log.info('Request rejected', { status: problem.status, code: problem.code });
      metrics.addMetric(problem.status >= 500 ? 'ServerError' : 'ClientError', MetricUnit.Count, 1);
      if (problem.status >= 500) productMetrics.addMetric(PRODUCT_SERVER_ERRORS, MetricUnit.Count, 1);
      request.response = {
        statusCode: problem.status,
        headers: {
          'Content-Type': PROBLEM_CONTENT_TYPE,
          'X-Correlation-Id': correlationId,
          ...request.context.halooid?.rateLimit,
          ...headers,
        },
        body: JSON.stringify(problem),
      };
    },
  };
}
