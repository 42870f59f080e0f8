import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MAX_HEADER_LENGTH } from './http/declared-headers';
import { defineRoute, defineService, OPERATOR, PUBLIC } from './manifest';
import { buildOpenApi, FORMAT_MAX_LENGTH } from './openapi';

const service = defineService({
  product: 'demo',
  capability: 'things',
  description: 'Things, for testing the generator.',
  resources: {},
  permissions: [{ name: 'demo:thing:write', description: 'Write things' }],
  routes: [
    defineRoute({
      operationId: 'updateThing',
      method: 'PATCH',
      path: '/v1/demo/things/{thingId}',
      permission: 'demo:thing:write',
      summary: 'Update a thing',
      params: z.object({ thingId: z.uuid() }),
      headers: { 'If-Match': 'The version you read.' },
      body: z.object({ count: z.int(), rank: z.number().int().min(1).max(100), due: z.iso.date() }),
      response: z.object({ id: z.uuid() }),
    }),
    defineRoute({
      operationId: 'signIn',
      method: 'POST',
      path: '/v1/demo/sign-in',
      permission: PUBLIC,
      summary: 'Sign in',
      body: z.object({ name: z.string().max(10) }),
      status: 204,
    }),
    defineRoute({
      operationId: 'printThing',
      method: 'GET',
      path: '/v1/demo/things/{thingId}/print',
      permission: 'demo:thing:write',
      summary: 'Print a thing',
      params: z.object({ thingId: z.uuid() }),
      produces: ['image/svg+xml', 'application/pdf'],
    }),
  ],
});

type Operation = {
  security: unknown[];
  parameters: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody: {
    content: { 'application/json': { schema: { properties: Record<string, Record<string, unknown>> } } };
  };
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
};

const document = buildOpenApi([service], { version: '1.0.0' });
const update = document.paths['/v1/demo/things/{thingId}']?.patch as Operation;
const signIn = document.paths['/v1/demo/sign-in']?.post as Operation;

describe('buildOpenApi', () => {
  it('declares produced media types: bytes as a binary string, text as a plain one', () => {
    const print = document.paths['/v1/demo/things/{thingId}/print']?.get as {
      responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    };

    expect(print.responses['200']?.content).toEqual({
      'image/svg+xml': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
  });

  it('gives every integer a width: int32 when its bounds fit, int64 otherwise', () => {
    const properties = update.requestBody.content['application/json'].schema.properties;

    expect(properties.count).toMatchObject({ type: 'integer', format: 'int64' });
    expect(properties.rank).toMatchObject({ type: 'integer', format: 'int32', minimum: 1, maximum: 100 });
  });

  it('states the length a uuid or date format implies, which zod itself enforces', () => {
    const properties = update.requestBody.content['application/json'].schema.properties;
    const thingId = update.parameters.find((parameter) => parameter.name === 'thingId');

    expect(thingId?.schema).toMatchObject({ format: 'uuid', maxLength: FORMAT_MAX_LENGTH.uuid });
    expect(properties.due).toMatchObject({ format: 'date', maxLength: FORMAT_MAX_LENGTH.date });
    const uuid = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(z.uuid().safeParse(uuid).success).toBe(true);
    expect(uuid).toHaveLength(FORMAT_MAX_LENGTH.uuid ?? 0);
    expect(z.uuid().safeParse(`${uuid}0`).success).toBe(false);
    expect(z.iso.date().safeParse('2026-01-01').success).toBe(true);
    expect(z.iso.date().safeParse('2026-01-010').success).toBe(false);
  });

  it('bounds declared request headers', () => {
    const ifMatch = update.parameters.find((parameter) => parameter.name === 'If-Match');

    expect(ifMatch).toMatchObject({ in: 'header', schema: { type: 'string', maxLength: MAX_HEADER_LENGTH } });
  });

  it('documents 401, 403 and 429 on a route with credentials, and 404 where the path has ids', () => {
    expect(Object.keys(update.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
      '429',
      '500',
    ]);
    expect(update.security).toEqual([{ bearerAuth: [], tenantId: [] }, { apiKey: [] }]);
  });

  it('documents operator routes as bearer-only: no tenant header, no API key', () => {
    const operatorConsole = defineService({
      product: 'demo',
      capability: 'console',
      description: 'Operator console',
      resources: {},
      permissions: [],
      routes: [
        defineRoute({
          operationId: 'listConsoleTenants',
          method: 'GET',
          path: '/v1/operator/tenants',
          permission: OPERATOR,
          summary: 'List tenants',
        }),
      ],
    });
    const operatorRoute = buildOpenApi([operatorConsole], { version: '1.0.0' }).paths['/v1/operator/tenants']
      ?.get as Operation;

    expect(operatorRoute.security).toEqual([{ bearerAuth: [] }]);
  });

  it('marks a public route open with no 401 or 403, but still 429', () => {
    expect(signIn.security).toEqual([]);
    expect(Object.keys(signIn.responses).sort()).toEqual(['204', '400', '413', '422', '429', '500']);
  });

  it('documents the RateLimit fields on every response and Retry-After on 429', () => {
    const rateLimit = {
      RateLimit: { $ref: '#/components/headers/RateLimit' },
      'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
    };

    expect(update.responses['200']?.headers).toEqual(rateLimit);
    expect(signIn.responses['204']?.headers).toEqual(rateLimit);
    expect(document.components.responses.Problem403?.headers).toEqual(rateLimit);
    expect(document.components.responses.Problem429?.headers).toEqual({
      ...rateLimit,
      'Retry-After': { $ref: '#/components/headers/Retry-After' },
    });
    expect(Object.keys(document.components.headers).sort()).toEqual([
      'RateLimit',
      'RateLimit-Policy',
      'Retry-After',
    ]);
  });
});
