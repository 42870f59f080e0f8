import { createRequire } from 'node:module';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getConfig } from '../config';

/**
 * The Cognito SDK loads on first use, not at import: importing it costs the
 * auth, tenants and meta functions 50–80 ms of cold start, and most of their
 * requests (GET /v1/me, sign-up rejected by validation, the OpenAPI document)
 * never call Cognito. It stays external to the bundle (the Lambda runtime ships
 * @aws-sdk/*), so deferring it is real. `require`, as in ../dynamodb.ts, keeps
 * this and getCognitoClient() synchronous for their callers; the package is
 * CommonJS, so an ESM `import` of it in a test resolves to the same module
 * instance (which is what aws-sdk-client-mock patches).
 */
const load = createRequire(import.meta.url);

export const cognitoSdk = (): typeof import('@aws-sdk/client-cognito-identity-provider') =>
  load('@aws-sdk/client-cognito-identity-provider');

let client: CognitoIdentityProviderClient | undefined;

/**
 * The Cognito user pool API client, pointed at cognito-local when
 * `COGNITO_ENDPOINT` is set (the emulator accepts any credentials).
 */
export function getCognitoClient(): CognitoIdentityProviderClient {
  if (!client) {
    const { COGNITO_ENDPOINT, AWS_REGION } = getConfig();
    client = new (cognitoSdk().CognitoIdentityProviderClient)({
      region: AWS_REGION,
      ...(COGNITO_ENDPOINT
        ? { endpoint: COGNITO_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
  }
  return client;
}

export function resetCognitoClient(): void {
  client?.destroy();
  client = undefined;
}
