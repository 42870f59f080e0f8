import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentSdk, getDynamoClient, isConditionalCheckFailed } from '@halooid/shared/dynamodb';
import { ValidationError } from '@halooid/shared/errors';
import { API_KEYS_BY_TENANT_INDEX, apiKeysTableName } from './api-key-table';

/** One item of the API-keys table. Timestamps are ISO-8601 UTC strings, which sort and compare as text. */
export interface ApiKeyRecord {
  keyId: string;
  tenantId: string;
  /** `<createdAt>#<keyId>`: the sort key of the tenant index (newest first, unique). */
  listKey: string;
  name: string;
  prefix: string;
  scopes: string[];
  status: 'active' | 'revoked';
  /** SHA-256 of the current secret. Never the secret. */
  secretHash: Uint8Array;
  /** SHA-256 of the secret before the last rotation, accepted until `previousHashExpiresAt`. */
  previousSecretHash?: Uint8Array;
  previousHashExpiresAt?: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  rotatedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
  /** DynamoDB TTL, epoch seconds: when the item may be purged (long after it stopped working). */
  purgeAt?: number;
}

/** What the tenant index holds: the record without hashes (see table.ts). */
export type ApiKeyListing = Omit<ApiKeyRecord, 'secretHash' | 'previousSecretHash' | 'previousHashExpiresAt'>;

export interface ApiKeyPage {
  items: ApiKeyListing[];
  nextCursor: string | null;
}

/** The secret state a rotation changes, kept to undo it if the audit transaction fails to commit. */
export type SecretState = Pick<
  ApiKeyRecord,
  'secretHash' | 'previousSecretHash' | 'previousHashExpiresAt' | 'rotatedAt'
>;

export interface ApiKeyRepository {
  get(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Fails if the id exists (80 random bits: a collision is a bug, not bad luck). */
  put(record: ApiKeyRecord): Promise<void>;
  /** Removes a key that was written but whose audit record never committed; only if its hash is still `secretHash`. */
  discard(keyId: string, secretHash: Uint8Array): Promise<void>;
  list(tenantId: string, limit: number, cursor?: string): Promise<ApiKeyPage>;
  /** Active → revoked; false when the key is not an active key of the tenant any more. */
  revoke(
    keyId: string,
    tenantId: string,
    change: { revokedAt: string; revokedBy: string; purgeAt: number },
  ): Promise<boolean>;
  /** Replaces the secret if it is still `expected` and the key still active; false otherwise. */
  rotate(
    keyId: string,
    tenantId: string,
    expected: Uint8Array,
    next: Required<Pick<SecretState, 'secretHash' | 'rotatedAt'>> &
      Pick<SecretState, 'previousSecretHash' | 'previousHashExpiresAt'>,
  ): Promise<boolean>;
  /** Puts back the secret state from before a rotation, if the rotation's hash is still current. */
  restoreSecret(keyId: string, rotatedHash: Uint8Array, before: SecretState): Promise<void>;
}

const PURGE_AFTER_SECONDS = 90 * 24 * 3600;

/** When an item may be purged: 90 days after it stopped working. */
export function purgeAtFor(instant: string): number {
  return Math.floor(Date.parse(instant) / 1000) + PURGE_AFTER_SECONDS;
}

export function listKeyOf(createdAt: string, keyId: string): string {
  return `${createdAt}#${keyId}`;
}

const LIST_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#([a-z2-7]{16})$/;

function encodeCursor(listKey: string): string {
  return Buffer.from(listKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { listKey: string; keyId: string } {
  const listKey = Buffer.from(cursor, 'base64url').toString('utf8');
  const keyId = LIST_KEY_PATTERN.exec(listKey)?.[1];
  if (!keyId) {
    throw new ValidationError('The cursor is not valid for this list; start again without it.', [
      { field: 'query.cursor', message: 'Invalid or expired cursor.', code: 'invalid_cursor' },
    ]);
  }
  return { listKey, keyId };
}

function isConditionFailure(error: unknown): boolean {
  return isConditionalCheckFailed(error);
}

/** lib-dynamodb returns binary attributes as Uint8Array; make sure of it (tests may hand in Buffers). */
function toRecord(item: Record<string, unknown>): ApiKeyRecord {
  const record = item as unknown as ApiKeyRecord;
  return {
    ...record,
    secretHash: new Uint8Array(record.secretHash),
    ...(record.previousSecretHash ? { previousSecretHash: new Uint8Array(record.previousSecretHash) } : {}),
  };
}

let defaultDocumentClient: DynamoDBDocumentClient | undefined;
let defaultFor: unknown;

/** The document client over the shared DynamoDB client (recreated if the shared one was reset). */
export function documentClient(): DynamoDBDocumentClient {
  const base = getDynamoClient();
  if (!defaultDocumentClient || defaultFor !== base) {
    defaultDocumentClient = documentSdk().DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true },
    });
    defaultFor = base;
  }
  return defaultDocumentClient;
}

export function createApiKeyRepository(
  options: { client?: DynamoDBDocumentClient; tableName?: string } = {},
): ApiKeyRepository {
  const client = () => options.client ?? documentClient();
  const TableName = options.tableName ?? apiKeysTableName();

  return {
    async get(keyId) {
      const { Item } = await client().send(
        new (documentSdk().GetCommand)({ TableName, Key: { keyId }, ConsistentRead: true }),
      );
      return Item ? toRecord(Item) : undefined;
    },

    async put(record) {
      await client().send(
        new (documentSdk().PutCommand)({
          TableName,
          Item: record,
          ConditionExpression: 'attribute_not_exists(keyId)',
        }),
      );
    },

    async discard(keyId, secretHash) {
      try {
        await client().send(
          new (documentSdk().DeleteCommand)({
            TableName,
            Key: { keyId },
            ConditionExpression: 'secretHash = :hash',
            ExpressionAttributeValues: { ':hash': secretHash },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async list(tenantId, limit, cursor) {
      const start = cursor ? decodeCursor(cursor) : undefined;
      const { Items = [], LastEvaluatedKey } = await client().send(
        new (documentSdk().QueryCommand)({
          TableName,
          IndexName: API_KEYS_BY_TENANT_INDEX,
          KeyConditionExpression: 'tenantId = :tenantId',
          ExpressionAttributeValues: { ':tenantId': tenantId },
          ScanIndexForward: false,
          // One extra item tells whether another page exists without a second request.
          Limit: limit + 1,
          ...(start ? { ExclusiveStartKey: { tenantId, listKey: start.listKey, keyId: start.keyId } } : {}),
        }),
      );
      const items = (Items as ApiKeyListing[]).slice(0, limit);
      const last = items.at(-1);
      const more = Items.length > limit || (LastEvaluatedKey !== undefined && items.length === limit);
      return { items, nextCursor: more && last ? encodeCursor(last.listKey) : null };
    },

    async revoke(keyId, tenantId, change) {
      try {
        await client().send(
          new (documentSdk().UpdateCommand)({
            TableName,
            Key: { keyId },
            UpdateExpression:
              'SET #status = :revoked, revokedAt = :revokedAt, revokedBy = :revokedBy, purgeAt = :purgeAt ' +
              'REMOVE previousSecretHash, previousHashExpiresAt',
            ConditionExpression: 'tenantId = :tenantId AND #status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':revoked': 'revoked',
              ':active': 'active',
              ':tenantId': tenantId,
              ':revokedAt': change.revokedAt,
              ':revokedBy': change.revokedBy,
              ':purgeAt': change.purgeAt,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async rotate(keyId, tenantId, expected, next) {
      const keepPrevious = next.previousSecretHash !== undefined && next.previousHashExpiresAt !== undefined;
      try {
        await client().send(
          new (documentSdk().UpdateCommand)({
            TableName,
            Key: { keyId },
            UpdateExpression: keepPrevious
              ? 'SET secretHash = :hash, rotatedAt = :rotatedAt, previousSecretHash = :previous, previousHashExpiresAt = :previousUntil'
              : 'SET secretHash = :hash, rotatedAt = :rotatedAt REMOVE previousSecretHash, previousHashExpiresAt',
            ConditionExpression: 'tenantId = :tenantId AND #status = :active AND secretHash = :expected',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':hash': next.secretHash,
              ':rotatedAt': next.rotatedAt,
              ':tenantId': tenantId,
              ':active': 'active',
              ':expected': expected,
              ...(keepPrevious
                ? { ':previous': next.previousSecretHash, ':previousUntil': next.previousHashExpiresAt }
                : {}),
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async restoreSecret(keyId, rotatedHash, before) {
      const sets = ['secretHash = :hash'];
      const removes: string[] = [];
      const values: Record<string, unknown> = { ':hash': before.secretHash, ':rotated': rotatedHash };
      const assign = (attribute: keyof SecretState, value: unknown) => {
        if (value === undefined) removes.push(attribute);
        else {
          sets.push(`${attribute} = :${attribute}`);
          values[`:${attribute}`] = value;
        }
      };
      assign('previousSecretHash', before.previousSecretHash);
      assign('previousHashExpiresAt', before.previousHashExpiresAt);
      assign('rotatedAt', before.rotatedAt);
      try {
        await client().send(
          new (documentSdk().UpdateCommand)({
            TableName,
            Key: { keyId },
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: 'secretHash = :rotated',
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

/**
 * Sets `lastUsedAt`, at most once per `minIntervalMs` per key: the condition
 * makes concurrent authorizer instances write once, not once each. Returns
 * whether this call wrote.
 */
export async function touchLastUsed(
  client: DynamoDBDocumentClient,
  tableName: string,
  keyId: string,
  now: Date,
  minIntervalMs: number,
): Promise<boolean> {
  try {
    await client.send(
      new (documentSdk().UpdateCommand)({
        TableName: tableName,
        Key: { keyId },
        UpdateExpression: 'SET lastUsedAt = :now',
        ConditionExpression:
          'attribute_exists(keyId) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :before)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':before': new Date(now.getTime() - minIntervalMs).toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
