import { createRequire } from 'node:module';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getConfig } from './config';

/**
 * The AWS SDK modules load on first use, not at import: a function that never
 * touches DynamoDB on a request (most requests carry no Idempotency-Key) does
 * not pay ~100 ms of SDK loading in its cold start. They stay external to the
 * bundle (the Lambda runtime ships @aws-sdk/*), so deferring them is real.
 * `require` keeps these getters synchronous for their callers; the SDK
 * packages are CommonJS, and an ESM `import` of them resolves to the same
 * module instance (which is what aws-sdk-client-mock patches in tests).
 */
const load = createRequire(import.meta.url);

export const dynamoSdk = (): typeof import('@aws-sdk/client-dynamodb') => load('@aws-sdk/client-dynamodb');
export const documentSdk = (): typeof import('@aws-sdk/lib-dynamodb') => load('@aws-sdk/lib-dynamodb');

/** A failed `ConditionExpression`, recognised by name so the check needs no SDK class loaded. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

let client: DynamoDBClient | undefined;

/** DynamoDB, pointed at dynalite when `DYNAMODB_ENDPOINT` is set (which accepts any credentials). */
export function getDynamoClient(): DynamoDBClient {
  if (!client) {
    const { DYNAMODB_ENDPOINT, AWS_REGION } = getConfig();
    client = new (dynamoSdk().DynamoDBClient)({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT
        ? { endpoint: DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
  }
  return client;
}

export function resetDynamoClient(): void {
  client?.destroy();
  client = undefined;
}
