import * as z from 'zod';
import { isBinaryMediaType } from './http/binary';
import { MAX_BODY_BYTES } from './http/body';
import { MAX_HEADER_LENGTH } from './http/declared-headers';
import { RATE_LIMIT_HEADER_DOCS } from './http/rate-limit-headers';
import { type AnyRoute, AUTHENTICATED, OPERATOR, PUBLIC, type ServiceManifest } from './manifest';

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
    servers: [
      {
        url: info.serverUrl ?? '/',
        description:
          'The deployment that served this document (local, staging or production): the API shares its origin.',
        // OWASP API9 (inventory): the audience of every server is stated. This one is public.
        'x-internal': false,
      },
    ],
    tags: [...new Set(services.map((service) => service.product))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito access token from `POST /v1/auth/login`. Send `X-Tenant-Id` with it. Tokens are checked as RFC8725 asks: the algorithm is pinned to the user pool key (never `none`), and issuer, client, token use and expiry are verified; access tokens are short-lived and renewed with the refresh token.',
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
      headers: {
        ...RATE_LIMIT_HEADER_DOCS,
        'Retry-After': {
          description: 'Seconds to wait before trying again.',
          required: true,
          schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          `Problem${status}`,
          {
            description,
            headers: status === '429' ? { ...RATE_LIMIT_HEADERS, ...RETRY_AFTER_HEADER } : RATE_LIMIT_HEADERS,
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        ]),
      ),
    },
  };
}

/** Every response may carry the rate-limit fields (shared/src/http/rate-limit-headers.ts). */
const RATE_LIMIT_HEADERS = Object.fromEntries(
  Object.keys(RATE_LIMIT_HEADER_DOCS).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
);
const RETRY_AFTER_HEADER = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };

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
      // The adapter refuses a longer value (shared/src/http/declared-headers.ts).
      schema: { type: 'string', maxLength: MAX_HEADER_LENGTH },
    })),
  ];
  const status = String(route.status ?? 200);
  // Any call can be throttled: API Gateway's stage limits, per-IP sign-in limits, tiers and API keys.
  const errors = ['400', '429', '500'];
  if (route.permission !== PUBLIC) errors.push('401', '403');
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
        : // Operators (the user pool's operators group, MFA enrolled) act on no tenant; API keys are refused.
          route.permission === AUTHENTICATED || route.permission === OPERATOR
          ? [{ bearerAuth: [] }]
          : [{ bearerAuth: [], tenantId: [] }, { apiKey: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: toSchema(route.body, 'input') },
              // Text bodies (a CSV import) arrive as one string, within the platform's body limit.
              ...Object.fromEntries(
                (route.textBodyTypes ?? []).map((type) => [
                  type,
                  { schema: { type: 'string', maxLength: MAX_BODY_BYTES } },
                ]),
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
              headers: RATE_LIMIT_HEADERS,
              content: {
                ...(route.response
                  ? { 'application/json': { schema: toSchema(route.response, 'output') } }
                  : {}),
                ...Object.fromEntries(
                  (route.produces ?? []).map((type) => [
                    type,
                    // Bytes (a PDF) are a binary string; text (CSV, SVG) a plain one.
                    {
                      schema: isBinaryMediaType(type)
                        ? { type: 'string', format: 'binary' }
                        : { type: 'string' },
                    },
                  ]),
                ),
              },
            }
          : { description: 'Success, no content', headers: RATE_LIMIT_HEADERS },
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
    override: ({ jsonSchema }) => addImpliedBounds(jsonSchema),
  });
  return json;
}

/**
 * Lengths that a format's own check already fixes: zod accepts a uuid or a
 * calendar date only in one fixed-length shape, so the bound is stated without
 * a second check in every schema.
 */
export const FORMAT_MAX_LENGTH: Readonly<Record<string, number>> = { uuid: 36, date: 10 };

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * What JSON Schema leaves implicit and clients (and the OWASP API4 rules) want
 * said: an integer's width (`int32` when its bounds fit, else `int64`; zod's
 * `int()` is a safe integer, 53 bits) and the length a format implies.
 */
function addImpliedBounds(node: JsonSchema): void {
  if (node.type === 'integer' && node.format === undefined) {
    const { minimum, maximum } = node as { minimum?: number; maximum?: number };
    const fits32 =
      minimum !== undefined && maximum !== undefined && minimum >= INT32.min && maximum <= INT32.max;
    node.format = fits32 ? 'int32' : 'int64';
  }
  if (node.type === 'string' && typeof node.format === 'string' && node.maxLength === undefined) {
    const implied = FORMAT_MAX_LENGTH[node.format];
    if (implied !== undefined) node.maxLength = implied;
  }
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
      existingId: z
        .string()
        .optional()
        .meta({ description: 'A duplicate (409): the id of the existing record the request collides with.' }),
    }),
    'output',
  );
}
