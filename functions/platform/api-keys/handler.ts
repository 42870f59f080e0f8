import type { Principal } from '@halooid/shared/auth/principal';
import { getConfig } from '@halooid/shared/config';
import { createHttpHandler, type HandlerRequest } from '@halooid/shared/http/adapter';
import type { AnyRoute } from '@halooid/shared/manifest';
import { PERMISSION_NAMES } from '../../registry-names';
import { createApiKeyRepository } from '../domain/api-key-repository';
import {
  type ApiKeyDeps,
  createApiKey,
  getApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
} from './api-key-use-cases';
import { apiKeysService } from './service';

/** Scopes a key may carry: every permission the manifests declare (this capability's own included). */
const catalog: ReadonlySet<string> = new Set(PERMISSION_NAMES);

/** A response carrying a secret must not be stored by any cache on the way. */
const NO_STORE = { 'Cache-Control': 'no-store' };

function depsOf(
  request: Pick<HandlerRequest<AnyRoute>, 'sourceIp' | 'correlationId' | 'inTenant'> & {
    principal: Principal;
  },
) {
  const { principal } = request;
  const deps: ApiKeyDeps = {
    repo: createApiKeyRepository(),
    principal,
    inTenant: (work) => request.inTenant(({ tx }) => work(tx)),
    actor: { principal, ip: request.sourceIp, correlationId: request.correlationId },
    catalog,
    env: getConfig().STAGE,
    now: () => new Date(),
  };
  return deps;
}

export const handler = createHttpHandler(apiKeysService, {
  createApiKey: async (request) => {
    const created = await createApiKey(request.body, depsOf(request));
    return { body: created, headers: { ...NO_STORE, Location: `/v1/api-keys/${created.id}` } };
  },
  listApiKeys: async (request) => ({ body: await listApiKeys(request.query, depsOf(request)) }),
  getApiKey: async (request) => ({ body: await getApiKey(request.params.keyId, depsOf(request)) }),
  revokeApiKey: async (request) => {
    await revokeApiKey(request.params.keyId, depsOf(request));
    return { body: undefined };
  },
  rotateApiKey: async (request) => ({
    body: await rotateApiKey(request.params.keyId, request.body, depsOf(request)),
    headers: NO_STORE,
  }),
});
