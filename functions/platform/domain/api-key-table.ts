import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { tableName } from '@halooid/shared/config';

/**
 * The API-keys table, declared once: infra/aws builds the CDK Table from it
 * and infra/local/src/dynamo-tables.ts creates it in dynalite.
 *
 * - Base table, partition key `keyId`: the authorizer's lookup is one
 *   strongly consistent GetItem by the id embedded in the key
 *   (`hk_<env>_<keyId>_<secret>`), so a revocation is seen on the next read.
 * - GSI `byTenant` (`tenantId`, `listKey` = `<createdAt>#<keyId>`): a tenant's
 *   keys newest first, cursor-paginated by the index key. It projects only
 *   the listing attributes (INCLUDE), so secret hashes never reach the index
 *   and a list query cannot return them even by mistake.
 * - TTL attribute `purgeAt` (epoch seconds): revoked and expired keys are
 *   purged 90 days later; the audit trail lives in Postgres. dynalite ignores
 *   TTL, which only means nothing is purged locally.
 */
/** The name manifests use in `resources.tables`. */
export const API_KEYS_TABLE_LOGICAL_NAME = 'api-keys';
export const API_KEYS_TABLE_DEFAULT_NAME = 'halooid-api-keys';
export const API_KEYS_BY_TENANT_INDEX = 'byTenant';
export const API_KEYS_TTL_ATTRIBUTE = 'purgeAt';

/** The attributes the `byTenant` index carries besides its keys: everything a listing shows, no hashes. */
export const API_KEYS_LIST_ATTRIBUTES = [
  'name',
  'prefix',
  'scopes',
  'status',
  'createdBy',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'revokedAt',
  'rotatedAt',
] as const;

/** Table name from `API_KEYS_TABLE` (set by CDK per stage), `halooid-api-keys` when unset. */
export function apiKeysTableName(): string {
  return tableName(API_KEYS_TABLE_LOGICAL_NAME, API_KEYS_TABLE_DEFAULT_NAME);
}

/** Key schema and index of the table, without name or billing (each consumer adds its own). */
export const API_KEYS_TABLE = {
  partitionKey: { name: 'keyId', type: 'S' },
  indexes: [
    {
      name: API_KEYS_BY_TENANT_INDEX,
      partitionKey: { name: 'tenantId', type: 'S' },
      sortKey: { name: 'listKey', type: 'S' },
      projection: { type: 'INCLUDE', nonKeyAttributes: [...API_KEYS_LIST_ATTRIBUTES] },
    },
  ],
  timeToLiveAttribute: API_KEYS_TTL_ATTRIBUTE,
} as const;

/** The same definition as a DynamoDB CreateTable request (on-demand billing). */
export function apiKeysCreateTableInput(tableName = apiKeysTableName()): CreateTableCommandInput {
  const index = API_KEYS_TABLE.indexes[0];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: API_KEYS_TABLE.partitionKey.name, AttributeType: 'S' },
      { AttributeName: index.partitionKey.name, AttributeType: 'S' },
      { AttributeName: index.sortKey.name, AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: API_KEYS_TABLE.partitionKey.name, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.nonKeyAttributes] },
      },
    ],
  };
}
