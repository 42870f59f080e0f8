import type {
  APIGatewayEventIdentity,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  Context,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { resetConfig } from '../config';
import { defineRoute, defineService, PUBLIC } from '../manifest';
import type { Problem } from './problem';

// Quiet, side-effect-free observability; set before the adapter (and Powertools) is loaded.
vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
const { createHttpHandler } = await import('./adapter');

const TENANT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const USER_ID = 'f3a1c2d4-1111-4222-8333-944455556666';
const THING_ID = '0190a1b2-0000-7000-8000-000000000001';
const REQUEST_ID = 'apigw-request-0001';
const SECRET_MESSAGE = 'password=hunter2 at db.internal:5432';
// Bytes that are not valid UTF-8 (0xff, 0xfe): a text body would mangle them.
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0xfe, 0x00, 0x0a]);

const thing = z.object({ id: z.string(), name: z.string(), labels: z.array(z.string()) });

const service = defineService({
  product: 'demo',
  capability: 'things',
  description: 'Things, for testing the adapter.',
  resources: {},
  permissions: [
    { name: 'demo:thing:read', description: 'Read things' },
    { name: 'demo:thing:write', description: 'Write things' },
  ],
  routes: [
    defineRoute({
      operationId: 'getThing',
      method: 'GET',
      path: '/v1/demo/things/{thingId}',
      permission: 'demo:thing:read',
      summary: 'Get a thing',
      params: z.object({ thingId: z.uuid() }),
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        verbose: z.stringbool().optional(),
      }),
      response: z.object({
        id: z.string(),
        limit: z.number(),
        verbose: z.boolean(),
        tenantId: z.string(),
        correlationId: z.string(),
      }),
    }),
    defineRoute({
      operationId: 'createThing',
      method: 'POST',
      path: '/v1/demo/things',
      permission: 'demo:thing:write',
      summary: 'Create a thing',
      body: z.strictObject({ name: z.string().min(1), labels: z.array(z.string().max(5)).default([]) }),
      status: 201,
      response: thing,
    }),
    defineRoute({
      operationId: 'deleteThing',
      method: 'DELETE',
      path: '/v1/demo/things/{thingId}',
      permission: 'demo:thing:write',
      summary: 'Delete a thing',
      params: z.object({ thingId: z.uuid() }),
      status: 204,
    }),
    defineRoute({
      operationId: 'explode',
      method: 'POST',
      path: '/v1/demo/explode',
      permission: PUBLIC,
      summary: 'Fails unexpectedly',
    }),
    defineRoute({
      operationId: 'ping',
      method: 'GET',
      path: '/v1/demo/ping',
      permission: PUBLIC,
      summary: 'Says whether the caller is known',
      response: z.object({ authenticated: z.boolean() }),
    }),
    defineRoute({
      operationId: 'tenantWork',
      method: 'GET',
      path: '/v1/demo/tenant-work',
      permission: PUBLIC,
      summary: 'Runs work in the caller’s tenant transaction',
    }),
    defineRoute({
      operationId: 'download',
      method: 'GET',
      path: '/v1/demo/download',
      permission: PUBLIC,
      summary: 'Answers text or bytes by `format`',
      query: z.object({ format: z.enum(['csv', 'pdf']) }),
      produces: ['text/csv', 'application/pdf'],
    }),
    defineRoute({
      operationId: 'lie',
      method: 'GET',
      path: '/v1/demo/lie',
      permission: PUBLIC,
      summary: 'Returns a body that breaks its schema',
      response: thing,
    }),
  ],
});

let handler: ReturnType<typeof createHttpHandler<typeof service>>;
const created: string[] = [];

beforeAll(() => {
  // Not prod, so response schemas are checked; no DATABASE_URL needed without resources.database.
  vi.stubEnv('STAGE', 'test');
  resetConfig();
  handler = createHttpHandler(service, {
    getThing: async ({ params, query, principal, correlationId }) => ({
      body: {
        id: params.thingId,
        limit: query.limit,
        verbose: query.verbose ?? false,
        tenantId: principal.tenantId,
        correlationId,
      },
    }),
    createThing: async ({ body }) => {
      created.push(body.name);
      return {
        status: 201,
        body: { id: THING_ID, name: body.name, labels: body.labels },
        headers: { Location: `/v1/demo/things/${THING_ID}` },
      };
    },
    deleteThing: async () => ({ status: 204, body: undefined }),
    explode: async () => {
      throw new Error(SECRET_MESSAGE);
    },
    ping: async ({ principal }) => ({ body: { authenticated: principal !== undefined } }),
    download: async ({ query }) =>
      query.format === 'csv'
        ? { raw: 'a,b\r\n', contentType: 'text/csv' }
        : { raw: PDF_BYTES, contentType: 'application/pdf', headers: { 'Content-Disposition': 'inline' } },
    lie: async () => ({ body: { id: 42 } as unknown as z.input<typeof thing> }),
    tenantWork: async ({ inTenant }) => {
      await inTenant(async () => undefined);
      return { body: undefined };
    },
  });
});

afterAll(() => {
  vi.unstubAllEnvs();
  resetConfig();
});

const identity: APIGatewayEventIdentity = {
  accessKey: null,
  accountId: null,
  apiKey: null,
  apiKeyId: null,
  caller: null,
  clientCert: null,
  cognitoAuthenticationProvider: null,
  cognitoAuthenticationType: null,
  cognitoIdentityId: null,
  cognitoIdentityPoolId: null,
  principalOrgId: null,
  sourceIp: '127.0.0.1',
  user: null,
  userAgent: 'vitest',
  userArn: null,
};

type Authorizer = APIGatewayProxyEvent['requestContext']['authorizer'];

function grantsContext(grants: string): Authorizer {
  return { principalId: USER_ID, tenantId: TENANT_ID, principalType: 'user', grants, integrationLatency: 3 };
}

interface EventOptions {
  method: string;
  resource: string;
  path?: string;
  pathParameters?: Record<string, string> | null;
  query?: Record<string, string> | null;
  headers?: Record<string, string>;
  body?: string | null;
  authorizer?: Authorizer;
}

function apiEvent(options: EventOptions): APIGatewayProxyEvent {
  const path = options.path ?? options.resource;
  const headers = options.headers ?? {};
  return {
    resource: options.resource,
    path,
    httpMethod: options.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, [value]])),
    queryStringParameters: options.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: options.pathParameters ?? null,
    stageVariables: null,
    body: options.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: options.authorizer === undefined ? grantsContext('demo:*:*') : options.authorizer,
      protocol: 'HTTP/1.1',
      httpMethod: options.method,
      identity,
      path: `/local${path}`,
      stage: 'local',
      requestId: REQUEST_ID,
      requestTimeEpoch: 1_700_000_000_000,
      resourceId: 'resource',
      resourcePath: options.resource,
    },
  };
}

function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'demo-things',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:demo-things',
    memoryLimitInMB: '256',
    awsRequestId: 'lambda-request-0001',
    logGroupName: '/aws/lambda/demo-things',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function invoke(options: EventOptions): Promise<APIGatewayProxyResult> {
  return handler(apiEvent(options), lambdaContext());
}

function problemOf(result: APIGatewayProxyResult): Problem {
  expect(result.headers?.['Content-Type']).toBe('application/problem+json');
  return JSON.parse(result.body) as Problem;
}

const getThing = {
  method: 'GET',
  resource: '/v1/demo/things/{thingId}',
  path: `/v1/demo/things/${THING_ID}`,
  pathParameters: { thingId: THING_ID },
} satisfies EventOptions;

const createThing = (
  body: string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) => ({ method: 'POST', resource: '/v1/demo/things', body, headers }) satisfies EventOptions;

describe('createHttpHandler', () => {
  it('answers 200 with the serialized body and the correlation id', async () => {
    const result = await invoke(getThing);

    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Correlation-Id': REQUEST_ID,
    });
    expect(JSON.parse(result.body)).toEqual({
      id: THING_ID,
      limit: 20,
      verbose: false,
      tenantId: TENANT_ID,
      correlationId: REQUEST_ID,
    });
  });

  it('echoes a caller-supplied correlation id', async () => {
    const result = await invoke({ ...getThing, headers: { 'X-Correlation-ID': 'client-trace-0042' } });

    expect(result.headers?.['X-Correlation-Id']).toBe('client-trace-0042');
    expect(JSON.parse(result.body).correlationId).toBe('client-trace-0042');
  });

  it('ignores a supplied correlation id that does not look like an id', async () => {
    const result = await invoke({ ...getThing, headers: { 'x-correlation-id': 'bad id <script>' } });

    expect(result.headers?.['X-Correlation-Id']).toBe(REQUEST_ID);
  });

  it('coerces query parameters', async () => {
    const result = await invoke({ ...getThing, query: { limit: '5', verbose: 'true' } });

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ limit: 5, verbose: true });
  });

  it('rejects an invalid query parameter with a 400 naming it', async () => {
    const result = await invoke({ ...getThing, query: { limit: '1000' } });

    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors?.map((error) => error.field)).toEqual(['query.limit']);
  });

  it('rejects an invalid path parameter with a 400 naming it', async () => {
    const result = await invoke({ ...getThing, pathParameters: { thingId: 'not-a-uuid' } });

    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors?.map((error) => error.field)).toEqual(['params.thingId']);
  });

  it('answers 403 when the grants lack the permission', async () => {
    const result = await invoke({ ...getThing, authorizer: grantsContext('demo:thing:write other:*:read') });

    expect(result.statusCode).toBe(403);
    const problem = problemOf(result);
    expect(problem.code).toBe('forbidden');
    expect(problem.detail).toContain('demo:thing:read');
    expect(result.headers?.['X-Correlation-Id']).toBe(REQUEST_ID);
  });

  it('answers 401 when there is no authorizer context', async () => {
    const result = await invoke({ ...getThing, authorizer: null });

    expect(result.statusCode).toBe(401);
    expect(problemOf(result).code).toBe('unauthorized');
  });

  it('does not run the implementation when the permission check fails', async () => {
    created.length = 0;

    const result = await invoke({
      ...createThing('{"name":"Widget"}'),
      authorizer: grantsContext('demo:thing:read'),
    });

    expect(result.statusCode).toBe(403);
    expect(created).toEqual([]);
  });

  it('lets a PUBLIC route through without an authorizer context', async () => {
    const result = await invoke({ method: 'GET', resource: '/v1/demo/ping', authorizer: null });

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ authenticated: false });
  });

  it('hands the principal to a PUBLIC route when there is one', async () => {
    const result = await invoke({ method: 'GET', resource: '/v1/demo/ping' });

    expect(JSON.parse(result.body)).toEqual({ authenticated: true });
  });

  it('hands every request an inTenant built from its principal: none on a PUBLIC route is a 401', async () => {
    const result = await invoke({ method: 'GET', resource: '/v1/demo/tenant-work', authorizer: null });

    expect(result.statusCode).toBe(401);
    expect(result.headers?.['Content-Type']).toBe('application/problem+json');
  });

  it('creates with the route status, a parsed body and extra headers', async () => {
    const result = await invoke(createThing('{"name":"Widget","labels":["a","b"]}'));

    expect(result.statusCode).toBe(201);
    expect(result.headers).toMatchObject({ Location: `/v1/demo/things/${THING_ID}` });
    expect(JSON.parse(result.body)).toEqual({ id: THING_ID, name: 'Widget', labels: ['a', 'b'] });
  });

  it('rejects an unknown body field with a 400 naming body.<field>', async () => {
    const result = await invoke(createThing('{"name":"Widget","colour":"red"}'));

    expect(result.statusCode).toBe(400);
    const problem = problemOf(result);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      { field: 'body.colour', message: 'Unknown field; remove it.', code: 'unknown_field' },
    ]);
  });

  it('names nested body fields by path', async () => {
    const result = await invoke(createThing('{"name":"Widget","labels":["ok","far too long"]}'));

    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors?.map((error) => error.field)).toEqual(['body.labels.1']);
  });

  it('rejects malformed JSON with a 400', async () => {
    const result = await invoke(createThing('{"name": "Widget"'));

    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors).toEqual([
      { field: 'body', message: 'Malformed JSON.', code: 'invalid_json' },
    ]);
  });

  it('rejects a non-JSON content type with a 415', async () => {
    const result = await invoke(
      createThing('name=Widget', { 'Content-Type': 'application/x-www-form-urlencoded' }),
    );

    expect(result.statusCode).toBe(415);
  });

  it('rejects a 2 MB body with a 413', async () => {
    const result = await invoke(createThing(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })));

    expect(result.statusCode).toBe(413);
    expect(problemOf(result).code).toBe('payload_too_large');
  });

  it('rejects a body on an operation that takes none', async () => {
    const result = await invoke({
      ...getThing,
      method: 'DELETE',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors?.[0]?.code).toBe('unexpected_body');
  });

  it('masks a thrown plain Error as a 500 without its message', async () => {
    const result = await invoke({ method: 'POST', resource: '/v1/demo/explode', authorizer: null });

    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('hunter2');
    expect(result.body).not.toContain('db.internal');
    const problem = problemOf(result);
    expect(problem.code).toBe('internal_error');
    expect(problem.correlationId).toBe(REQUEST_ID);
    expect(result.headers?.['X-Correlation-Id']).toBe(REQUEST_ID);
  });

  it('answers 500 when a response breaks its schema outside prod', async () => {
    const result = await invoke({ method: 'GET', resource: '/v1/demo/lie', authorizer: null });

    expect(result.statusCode).toBe(500);
    expect(problemOf(result).code).toBe('internal_error');
  });

  it('answers 204 with an empty body and no content type', async () => {
    const result = await invoke({ ...getThing, method: 'DELETE' });

    expect(result.statusCode).toBe(204);
    expect(result.body).toBe('');
    expect(result.headers).not.toHaveProperty('Content-Type');
    expect(result.headers?.['X-Correlation-Id']).toBe(REQUEST_ID);
  });

  it('sends a text body as is, not base64-encoded', async () => {
    const result = await invoke({ method: 'GET', resource: '/v1/demo/download', query: { format: 'csv' } });

    expect(result.statusCode).toBe(200);
    expect(result.headers?.['Content-Type']).toBe('text/csv');
    expect(result.body).toBe('a,b\r\n');
    expect(result.isBase64Encoded).toBeFalsy();
  });

  it('sends bytes base64-encoded and flagged, with their content type and headers', async () => {
    const result = await invoke({ method: 'GET', resource: '/v1/demo/download', query: { format: 'pdf' } });

    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'inline',
      'X-Correlation-Id': REQUEST_ID,
    });
    expect(new Uint8Array(Buffer.from(result.body, 'base64'))).toEqual(PDF_BYTES);
  });

  it('answers 404 for a route the service does not have', async () => {
    const result = await invoke({ method: 'PUT', resource: '/v1/demo/things/{thingId}' });

    expect(result.statusCode).toBe(404);
    expect(problemOf(result).code).toBe('route_not_found');
  });
});
