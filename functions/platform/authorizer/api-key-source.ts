import { getConfig } from '@halooid/shared/config';
import { createLogger } from '@halooid/shared/observability';
import { createApiKeyVerifier } from '../domain/verify-api-key';

const logger = createLogger('platform-authorizer');

/** API keys as the authorizer checks them: this stage's keys, verified against DynamoDB. */
export function apiKeySource() {
  return createApiKeyVerifier({
    env: getConfig().STAGE,
    onRecordError: (error) =>
      logger.warn('Could not record API key use', { error: (error as Error).message }),
  });
}
