import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getConfig } from '../config';

let client: CognitoIdentityProviderClient | undefined;

/**
 * The Cognito user pool API client, pointed at cognito-local when
 * `COGNITO_ENDPOINT` is set (the emulator accepts any credentials).
 */
export function getCognitoClient(): CognitoIdentityProviderClient {
  if (!client) {
    const { COGNITO_ENDPOINT, AWS_REGION } = getConfig();
    client = new CognitoIdentityProviderClient({
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
