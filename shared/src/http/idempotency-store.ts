import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentSdk, isConditionalCheckFailed } from '../dynamodb';

/** What a replay returns: the first answer, exactly. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in_progress' }
  | { state: 'completed'; response: StoredResponse }
  /** The key was used before for a different request. */
  | { state: 'mismatch' };

export interface IdempotencyStore {
  claim(id: string, requestHash: string, lockSeconds: number): Promise<IdempotencyClaim>;
  complete(id: string, response: StoredResponse, keepSeconds: number): Promise<void>;
  release(id: string): Promise<void>;
}

/** The table: `id` partition key, `expiration` TTL (epoch seconds), as infra/aws creates it. */
export const IDEMPOTENCY_TABLE = {
  logicalName: 'idempotency',
  defaultName: 'halooid-idempotency',
  partitionKey: 'id',
  ttlAttribute: 'expiration',
} as const;

interface Item {
  id: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  requestHash: string;
  expiration: number;
  response?: StoredResponse;
}

/**
 * Idempotency records in DynamoDB. A claim is a conditional put that
 * succeeds only when no live record exists; an expired one (TTL deletion
 * lags by hours) counts as absent. Reads are strongly consistent.
 */
export class DynamoIdempotencyStore implements IdempotencyStore {
  #client: DynamoDBDocumentClient | undefined;

  /** `client` is a getter so the SDK loads on the first keyed request, not at cold start. */
  constructor(
    private readonly client: () => DynamoDBClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  get #documents(): DynamoDBDocumentClient {
    this.#client ??= documentSdk().DynamoDBDocumentClient.from(this.client(), {
      marshallOptions: { removeUndefinedValues: true },
    });
    return this.#client;
  }

  async claim(id: string, requestHash: string, lockSeconds: number): Promise<IdempotencyClaim> {
    const nowSeconds = Math.floor(this.now() / 1000);
    try {
      await this.#documents.send(
        new (documentSdk().PutCommand)({
          TableName: this.tableName,
          Item: {
            id,
            status: 'IN_PROGRESS',
            requestHash,
            expiration: nowSeconds + lockSeconds,
          } satisfies Item,
          ConditionExpression: 'attribute_not_exists(id) OR expiration < :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return { state: 'claimed' };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const { Item: existing } = await this.#documents.send(
      new (documentSdk().GetCommand)({ TableName: this.tableName, Key: { id }, ConsistentRead: true }),
    );
    const item = existing as Item | undefined;
    if (!item) return this.claim(id, requestHash, lockSeconds); // deleted in between: try again
    if (item.requestHash !== requestHash) return { state: 'mismatch' };
    if (item.status === 'COMPLETED' && item.response) return { state: 'completed', response: item.response };
    return { state: 'in_progress' };
  }

  async complete(id: string, response: StoredResponse, keepSeconds: number): Promise<void> {
    await this.#documents.send(
      new (documentSdk().UpdateCommand)({
        TableName: this.tableName,
        Key: { id },
        UpdateExpression: 'SET #status = :completed, #response = :response, expiration = :expiration',
        ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
        ExpressionAttributeValues: {
          ':completed': 'COMPLETED',
          ':response': response,
          ':expiration': Math.floor(this.now() / 1000) + keepSeconds,
        },
      }),
    );
  }

  async release(id: string): Promise<void> {
    await this.#documents.send(new (documentSdk().DeleteCommand)({ TableName: this.tableName, Key: { id } }));
  }
}
