import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getConfig } from './config';

let client: DynamoDBClient | undefined;

/** DynamoDB, pointed at dynalite when `DYNAMODB_ENDPOINT` is set (which accepts any credentials). */
export function getDynamoClient(): DynamoDBClient {
  if (!client) {
    const { DYNAMODB_ENDPOINT, AWS_REGION } = getConfig();
    client = new DynamoDBClient({
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
