import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { apiKeysCreateTableInput } from '@halooid/functions/platform/domain/api-key-table';
import { revocationsCreateTableInput } from '@halooid/shared/auth/revocations';
import { tableName } from '@halooid/shared/config';
import { IDEMPOTENCY_TABLE } from '@halooid/shared/http/idempotency-store';

/**
 * Every DynamoDB table the platform uses, from the definitions the
 * capabilities own (the same ones infra/aws builds its tables from).
 */
export function localTableDefinitions(): CreateTableCommandInput[] {
  return [
    apiKeysCreateTableInput(),
    revocationsCreateTableInput(),
    {
      TableName: tableName(IDEMPOTENCY_TABLE.logicalName, IDEMPOTENCY_TABLE.defaultName),
      KeySchema: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    },
  ];
}

/**
 * Creates each table that does not exist yet and waits until it is ACTIVE.
 * Safe to call on every start and from several processes at once: an
 * existing table is left as it is (data survives restarts).
 */
export async function ensureLocalTables(client: DynamoDBClient): Promise<void> {
  for (const definition of localTableDefinitions()) {
    const TableName = definition.TableName;
    if (await tableStatus(client, TableName)) continue;
    try {
      await client.send(new CreateTableCommand(definition));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    for (let attempt = 0; (await tableStatus(client, TableName)) !== 'ACTIVE'; attempt++) {
      if (attempt >= 100) throw new Error(`DynamoDB table ${TableName} did not become active`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function tableStatus(
  client: DynamoDBClient,
  TableName: string | undefined,
): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    return Table?.TableStatus;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
