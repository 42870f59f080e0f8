import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableName } from '../config';
import { dynamoSdk, getDynamoClient, isConditionalCheckFailed } from '../dynamodb';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from './token-lifetime';

/**
 * Server-side revocation of access tokens, which are otherwise verified
 * offline and good until they expire. Two kinds of record, one DynamoDB table
 * (`id` partition key, `purgeAt` TTL):
 *
 * - `user#<sub>` holds the user's **not-before** (epoch seconds): every token
 *   with `iat < notBefore` is refused. Set by sign-out-everywhere, password
 *   change and reset (and, later, AdminHub's disable and MFA reset).
 * - `session#<origin_jti>` marks one sign-in session as signed out: its
 *   tokens are refused, the user's other sessions are not.
 *
 * Both are needed only while a token they cover can still be valid, so they
 * are purged (DynamoDB TTL) one token lifetime after they were written; they
 * are never read as "expired" by the code, so a late purge (or dynalite,
 * which never purges) changes no answer.
 */
export const REVOCATIONS_TABLE = {
  /** The name manifests use in `resources.tables`; CDK passes the physical name in REVOCATIONS_TABLE. */
  logicalName: 'revocations',
  defaultName: 'halooid-revocations',
  partitionKey: 'id',
  ttlAttribute: 'purgeAt',
} as const;

export function revocationsTableName(): string {
  return tableName(REVOCATIONS_TABLE.logicalName, REVOCATIONS_TABLE.defaultName);
}

/** What the store knows about a token's user and session. */
export interface RevocationState {
  /** Epoch seconds; tokens issued before it are refused. */
  notBefore?: number;
  /** The token's session was signed out. */
  sessionRevoked: boolean;
}

/** The claims a revocation decision reads (shared/src/auth/token-verifier.ts). */
export interface TokenIdentity {
  sub: string;
  issuedAt: number;
  sessionId: string;
}

/**
 * Why a verified token no longer counts, or undefined when it does. The
 * not-before rule is `iat < notBefore`, with notBefore one second past the
 * moment of revocation (see `notBeforeFor`): `iat` has whole seconds, so a
 * token from the second of the revocation is refused too. A token without
 * a session id is treated as revoked whenever its user has a not-before.
 */
export function revocationReason(token: TokenIdentity, state: RevocationState): string | undefined {
  if (state.sessionRevoked) return 'This session was signed out.';
  if (state.notBefore !== undefined && !(token.issuedAt >= state.notBefore)) {
    return 'The access token was issued before the user signed out everywhere or changed their password.';
  }
  return undefined;
}

/**
 * The not-before for a revocation at `nowMs`: the next whole second. Every
 * token issued up to and during that second has `iat <= floor(now)` and is
 * refused; a token issued from the next second on is accepted. The writer
 * waits for that second to start before it answers (`untilEffective`), so a
 * sign-in made after the answer always gets a token that counts.
 */
export function notBeforeFor(nowMs: number): number {
  return Math.floor(nowMs / 1000) + 1;
}

export interface RevocationStore {
  /** The state for a token's user and session, read strongly consistent. */
  read(userId: string, sessionId: string): Promise<RevocationState>;
  /**
   * Refuses every token of the user issued so far. Resolves once tokens issued
   * from now on are accepted again (at most about a second later), with the
   * not-before written. A later not-before is never lowered.
   */
  revokeUser(userId: string): Promise<number>;
  /** Refuses every token of one sign-in session. `expiresAt` (epoch seconds): the presented token's expiry. */
  revokeSession(sessionId: string, expiresAt?: number): Promise<void>;
}

export interface RevocationStoreOptions {
  client?: DynamoDBClient;
  tableName?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  lifetimeSeconds?: number;
}

const userKey = (userId: string) => `user#${userId}`;
const sessionKey = (sessionId: string) => `session#${sessionId}`;

/** The store over DynamoDB (dynalite locally): the same code path in both. */
export function dynamoRevocationStore(options: RevocationStoreOptions = {}): RevocationStore {
  const client = () => options.client ?? getDynamoClient();
  const TableName = options.tableName ?? revocationsTableName();
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lifetime = options.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
  const get = async (id: string) => {
    const { Item } = await client().send(
      new (dynamoSdk().GetItemCommand)({ TableName, Key: { id: { S: id } }, ConsistentRead: true }),
    );
    return Item;
  };

  return {
    async read(userId, sessionId) {
      const [user, session] = await Promise.all([
        get(userKey(userId)),
        sessionId ? get(sessionKey(sessionId)) : undefined,
      ]);
      const notBefore = user?.notBefore?.N === undefined ? undefined : Number(user.notBefore.N);
      return { ...(notBefore === undefined ? {} : { notBefore }), sessionRevoked: session !== undefined };
    },

    async revokeUser(userId) {
      const notBefore = notBeforeFor(now());
      try {
        await client().send(
          new (dynamoSdk().PutItemCommand)({
            TableName,
            Item: {
              id: { S: userKey(userId) },
              notBefore: { N: String(notBefore) },
              purgeAt: { N: String(notBefore + lifetime) },
            },
            // Two revocations racing: the later not-before wins, whatever order they land in.
            ConditionExpression: 'attribute_not_exists(id) OR notBefore < :notBefore',
            ExpressionAttributeValues: { ':notBefore': { N: String(notBefore) } },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      const wait = notBefore * 1000 - now();
      if (wait > 0) await sleep(wait);
      return notBefore;
    },

    async revokeSession(sessionId, expiresAt) {
      if (!sessionId) return;
      // Kept as long as the presented token can live, and no shorter than one lifetime (refreshed tokens).
      const purgeAt = Math.max(expiresAt ?? 0, Math.ceil(now() / 1000) + lifetime);
      await client().send(
        new (dynamoSdk().PutItemCommand)({
          TableName,
          Item: { id: { S: sessionKey(sessionId) }, purgeAt: { N: String(purgeAt) } },
        }),
      );
    },
  };
}

/** The table as a DynamoDB CreateTable request (on-demand), for the local runtime. */
export function revocationsCreateTableInput(tableName = revocationsTableName()) {
  return {
    TableName: tableName,
    KeySchema: [{ AttributeName: REVOCATIONS_TABLE.partitionKey, KeyType: 'HASH' as const }],
    AttributeDefinitions: [{ AttributeName: REVOCATIONS_TABLE.partitionKey, AttributeType: 'S' as const }],
    BillingMode: 'PAY_PER_REQUEST' as const,
  };
}
