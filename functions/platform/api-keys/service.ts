import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { API_KEYS_TABLE_LOGICAL_NAME } from '../domain/api-key-table';
import {
  ApiKey,
  ApiKeyParams,
  CreateApiKeyBody,
  CreatedApiKey,
  ListApiKeysQuery,
  RotateApiKeyBody,
  RotatedApiKey,
} from './schemas';

export const apiKeysService = defineService({
  product: 'platform',
  capability: 'api-keys',
  description: 'Per-tenant API keys for integrators: create, list, revoke and rotate.',
  resources: { database: true, tables: [API_KEYS_TABLE_LOGICAL_NAME] },
  permissions: [
    { name: 'platform:api-key:read', description: "See the tenant's API keys (never their secrets)." },
    { name: 'platform:api-key:write', description: 'Create, revoke and rotate API keys.' },
  ],
  routes: [
    defineRoute({
      operationId: 'createApiKey',
      method: 'POST',
      path: '/v1/api-keys',
      permission: 'platform:api-key:write',
      summary: 'Create an API key',
      description:
        'Signed-in users only. Every scope must be a permission of the catalog that you hold. The full key is in this response and nowhere else.',
      body: CreateApiKeyBody,
      status: 201,
      response: CreatedApiKey,
    }),
    defineRoute({
      operationId: 'listApiKeys',
      method: 'GET',
      path: '/v1/api-keys',
      permission: 'platform:api-key:read',
      summary: 'List API keys',
      description: 'Newest first, cursor-paginated. No secrets.',
      query: ListApiKeysQuery,
      response: pageOf(ApiKey),
    }),
    defineRoute({
      operationId: 'getApiKey',
      method: 'GET',
      path: '/v1/api-keys/{keyId}',
      permission: 'platform:api-key:read',
      summary: 'Get an API key',
      params: ApiKeyParams,
      response: ApiKey,
    }),
    defineRoute({
      operationId: 'revokeApiKey',
      method: 'DELETE',
      path: '/v1/api-keys/{keyId}',
      permission: 'platform:api-key:write',
      summary: 'Revoke an API key',
      description: 'The key stops working at once (and any previous secret in its grace period with it).',
      params: ApiKeyParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'rotateApiKey',
      method: 'POST',
      path: '/v1/api-keys/{keyId}/rotate',
      permission: 'platform:api-key:write',
      summary: 'Rotate an API key',
      description:
        'Signed-in users holding every scope of the key only. Issues a new secret (shown once); the previous one keeps working for `gracePeriodSeconds`. Rotating again ends an earlier grace period.',
      params: ApiKeyParams,
      body: RotateApiKeyBody,
      response: RotatedApiKey,
    }),
  ],
});
