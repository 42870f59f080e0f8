import * as z from 'zod';
import { type AnyRoute, AUTHENTICATED, PUBLIC, type ServiceManifest } from './manifest';

type JsonSchema = Record<string, unknown>;

/**
 * OpenAPI 3.1 generated from the manifests. 3.1 uses JSON Schema 2020-12,
 * which is what zod emits natively, so schemas go in unchanged and the
 * document can never drift from the validation the handlers run.
 */
export function buildOpenApi(
  services: readonly ServiceManifest[],
  info: { version: string; serverUrl?: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const service of services) {
    for (const route of service.routes) {
      paths[route.path] ??= {};
      const pathItem = paths[route.path] ?? {};
      pathItem[route.method.toLowerCase()] = operation(service, route);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Halooid API',
      version: info.version,
      description:
        'One API for Taskodex, Qultrix, AdminHub, CustomerConnect and Invantray. Errors are RFC 9457 problem+json; lists use cursor pagination (`limit`, `cursor` → `nextCursor`).',
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    tags: [...new Set(services.map((service) => service.product))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token from `POST /v1/auth/login`. Send `X-Tenant-Id` with it.',
        },
        tenantId: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Tenant-Id',
          description: 'The tenant the call acts in; one of the tenants of the signed-in user.',
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'A per-tenant integrator key: `Authorization: ApiKey hk_<env>_<id>_<secret>`.',
        },
      },
      schemas: { Problem: problemSchema() },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          `Problem${status}`,
          {
            description,
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        ]),
      ),
    },
  };
}

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'The request is invalid; `errors` names each field.',
  '401': 'No valid credentials.',
  '403': 'Not allowed in this tenant.',
  '404': 'Not found (also for rows of another tenant).',
  '409': 'Conflict, such as a stale `version`.',
  '413': 'The body is larger than 1 MB.',
  '422': 'A business rule was broken.',
  '429': 'Too many requests; see `Retry-After`.',
  '500': 'Unexpected error; the body carries only a correlation id.',
};

function operation(service: ServiceManifest, route: AnyRoute) {
  const parameters = [
    ...objectParameters(route.params, 'path'),
    ...objectParameters(route.query, 'query'),
    ...Object.entries(route.headers ?? {}).map(([name, description]) => ({
      name,
      in: 'header',
      required: false,
      description,
      schema: { type: 'string' },
    })),
  ];
  const status = String(route.status ?? 200);
  const errors = ['400', '500'];
  if (route.permission !== PUBLIC) errors.push('401', '403', '429');
  if (route.params) errors.push('404');
  if (route.body) errors.push('413', '422');
  if (route.method === 'PATCH' || route.method === 'PUT' || route.method === 'DELETE') errors.push('409');
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [service.product],
    'x-permission': route.permission,
    security:
      route.permission === PUBLIC
        ? []
        : route.permission === AUTHENTICATED
          ? [{ bearerAuth: [] }]
          : [{ bearerAuth: [], tenantId: [] }, { apiKey: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: toSchema(route.body, 'input') },
              // Text bodies (a CSV import) arrive as one string.
              ...Object.fromEntries(
                (route.textBodyTypes ?? []).map((type) => [type, { schema: { type: 'string' } }]),
              ),
            },
          },
        }
      : {}),
    responses: {
      [status]:
        route.response || route.produces?.length
          ? {
              description: 'Success',
              content: {
                ...(route.response
                  ? { 'application/json': { schema: toSchema(route.response, 'output') } }
                  : {}),
                ...Object.fromEntries(
                  (route.produces ?? []).map((type) => [type, { schema: { type: 'string' } }]),
                ),
              },
            }
          : { description: 'Success, no content' },
      ...Object.fromEntries(
        errors.sort().map((code) => [code, { $ref: `#/components/responses/Problem${code}` }]),
      ),
    },
  };
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return json;
}

function objectParameters(schema: z.ZodObject<z.ZodRawShape> | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function problemSchema(): JsonSchema {
  return toSchema(
    z.object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      code: z.string().meta({ description: 'Stable machine-readable error code.' }),
      correlationId: z.string(),
      errors: z
        .array(z.object({ field: z.string(), message: z.string(), code: z.string() }))
        .optional()
        .meta({ description: 'One entry per invalid field, e.g. `body.title`.' }),
    }),
    'output',
  );
}
