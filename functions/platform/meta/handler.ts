import { cognitoSdk, getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { getCache } from '@halooid/shared/cache/get-cache';
import { getConfig } from '@halooid/shared/config';
import { getPool } from '@halooid/shared/db/pool';
import { dynamoSdk, getDynamoClient } from '@halooid/shared/dynamodb';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { buildOpenApi } from '@halooid/shared/openapi';
import { SERVICES } from '../../registry';
import { checkHealth } from './check-health';
import { metaService } from './service';

export const API_VERSION = '0.1.0';
const config = getConfig();
let openApi: ReturnType<typeof buildOpenApi> | undefined;

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
  getOpenApi: async () => {
    // Built once per container: the manifests cannot change while it runs.
    openApi ??= buildOpenApi(SERVICES, { version: API_VERSION });
    return { headers: { 'Cache-Control': 'public, max-age=300' }, body: openApi };
  },
});
