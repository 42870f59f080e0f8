import { defineRoute, defineService, PUBLIC } from '@halooid/shared/manifest';
import { HealthResponse, OpenApiDocument } from './schemas';

export const metaService = defineService({
  product: 'platform',
  capability: 'meta',
  description: 'Health of the platform and its API description.',
  resources: { database: true, cache: true, cognito: true, tables: [] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getHealth',
      method: 'GET',
      path: '/v1/health',
      permission: PUBLIC,
      summary: 'Health of each component',
      description: '200 when every component answers, 503 when any is down.',
      response: HealthResponse,
    }),
    defineRoute({
      operationId: 'getOpenApi',
      method: 'GET',
      path: '/v1/openapi.json',
      permission: PUBLIC,
      summary: 'This API as an OpenAPI 3.1 document',
      response: OpenApiDocument,
    }),
  ],
});
