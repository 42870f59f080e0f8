import { checkHealth, platformProbes } from '@halooid/shared/health';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import type { ApiDocument } from './api-document';
import { metaService } from './service';

export const API_VERSION = '0.1.0';
let openApi: Promise<ApiDocument> | undefined;

/**
 * Built once per container: the manifests cannot change while it runs. The
 * builder and the registry (every product's schemas) load with the first
 * request for the document, from a chunk of their own; a failed build is not
 * kept, so the next request tries again.
 */
function apiDocument(): Promise<ApiDocument> {
  openApi ??= import('./api-document')
    .then(({ buildApiDocument }) => buildApiDocument(API_VERSION))
    .catch((error: unknown) => {
      openApi = undefined;
      throw error;
    });
  return openApi;
}

export const handler = createHttpHandler(metaService, {
  getHealth: async ({ logger }) => {
    // The SDKs load when a check runs, not at import: GET /v1/openapi.json never pays for them.
    const report = await checkHealth(platformProbes(), logger);
    return {
      status: report.status === 'ok' ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
      body: { ...report, version: API_VERSION },
    };
  },
  getOpenApi: async () => ({
    headers: { 'Cache-Control': 'public, max-age=300' },
    body: await apiDocument(),
  }),
});
