import { cognitoSdk, getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { getCache } from '@halooid/shared/cache/get-cache';
import { getConfig } from '@halooid/shared/config';
import { getPool } from '@halooid/shared/db/pool';
import { dynamoSdk, getDynamoClient } from '@halooid/shared/dynamodb';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import type { ApiDocument } from './api-document';
import { checkHealth } from './check-health';
import { metaService } from './service';

export const API_VERSION = '0.1.0';
const config = getConfig();
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
    const report = await checkHealth(
      {
        database: () => getPool().query('select 1'),
        cache: () => getCache().ping(),
        cognito: () =>
          getCognitoClient().send(
            new (cognitoSdk().DescribeUserPoolCommand)({ UserPoolId: config.COGNITO_USER_POOL_ID ?? '' }),
          ),
        dynamodb: () => getDynamoClient().send(new (dynamoSdk().ListTablesCommand)({ Limit: 1 })),
      },
      logger,
    );
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
