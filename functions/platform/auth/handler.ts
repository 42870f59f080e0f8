import { getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { createAccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { login } from './login';
import { authService } from './service';

const config = requireKeys(getConfig(), ['COGNITO_CLIENT_ID', 'COGNITO_USER_POOL_ID']);
const deps = {
  cognito: getCognitoClient(),
  clientId: config.COGNITO_CLIENT_ID,
  verifier: createAccessTokenVerifier(config),
  transaction: withTenantTransaction,
};

export const handler = createHttpHandler(authService, {
  login: async ({ body }) => ({ body: await login(body, deps) }),
});
