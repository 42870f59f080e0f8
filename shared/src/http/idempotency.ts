import { createHash } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { getConfig, tableName } from '../config';
import { getDynamoClient } from '../dynamodb';
import { AppError, ConflictError, ValidationError } from '../errors';
import { DynamoIdempotencyStore, IDEMPOTENCY_TABLE, type IdempotencyStore } from './idempotency-store';
import { headerValue } from './request-context';

/**
 * `Idempotency-Key` on POST: a client that retries a create after a timeout
 * gets the first answer again instead of a second row. The record is scoped
 * to tenant, caller and operation, and remembers a hash of the request, so
 * the same key with a different body is refused rather than replayed.
 */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Long enough for any request to finish; a crashed one frees the key after this. */
const LOCK_SECONDS = 60;
/** How long an answer can be replayed. */
const KEEP_SECONDS = 24 * 60 * 60;

export interface IdempotencyScope {
  tenantId: string;
  principalId: string;
  operationId: string;
}

export type IdempotentRun = (work: () => Promise<APIGatewayProxyResult>) => Promise<APIGatewayProxyResult>;

let store: IdempotencyStore | undefined;

function defaultStore(): IdempotencyStore {
  store ??= new DynamoIdempotencyStore(
    getDynamoClient,
    tableName(IDEMPOTENCY_TABLE.logicalName, IDEMPOTENCY_TABLE.defaultName),
  );
  return store;
}

/** Returns a wrapper for the request when it carries an Idempotency-Key, else undefined. */
export function idempotencyFor(
  event: Pick<APIGatewayProxyEvent, 'headers' | 'body' | 'path'>,
  scope: IdempotencyScope,
  idempotencyStore: IdempotencyStore = defaultStore(),
): IdempotentRun | undefined {
  const key = headerValue(event.headers, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters.', [
      {
        field: 'headers.idempotency-key',
        message: 'Invalid idempotency key.',
        code: 'invalid_idempotency_key',
      },
    ]);
  }
  const id = sha256(
    `${getConfig().STAGE}|${scope.tenantId}|${scope.principalId}|${scope.operationId}|${key}`,
  );
  const requestHash = sha256(`${event.path}\n${event.body ?? ''}`);
  return async (work) => {
    const claim = await idempotencyStore.claim(id, requestHash, LOCK_SECONDS);
    if (claim.state === 'completed') {
      return { ...claim.response, headers: { ...claim.response.headers, 'Idempotent-Replayed': 'true' } };
    }
    if (claim.state === 'in_progress') {
      throw new ConflictError(
        'A request with this Idempotency-Key is still in progress; retry shortly.',
        'idempotency_in_progress',
      );
    }
    if (claim.state === 'mismatch') {
      throw new AppError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    let response: APIGatewayProxyResult;
    try {
      response = await work();
    } catch (error) {
      await idempotencyStore.release(id).catch(() => {});
      throw error;
    }
    if (response.statusCode >= 200 && response.statusCode < 300) {
      const headers = Object.fromEntries(
        Object.entries(response.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      await idempotencyStore.complete(
        id,
        { statusCode: response.statusCode, headers, body: response.body },
        KEEP_SECONDS,
      );
    } else {
      await idempotencyStore.release(id);
    }
    return response;
  };
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
