import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatApiKey, hashSecret, newKeyMaterial } from './api-key-format';
import type { ApiKeyRecord } from './api-key-repository';
import { parseApiKey, recordKeyUse, resetKeyUseMemo, verifyApiKey } from './verify-api-key';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const at = (ms: number) => () => new Date(ms);
const TENANT = '0190c3f5-4b8e-7a1c-9d2e-3f4a5b6c7d8e';

function recordFor(
  material: ReturnType<typeof newKeyMaterial>,
  changes: Partial<ApiKeyRecord> = {},
): ApiKeyRecord {
  return {
    keyId: material.keyId,
    tenantId: TENANT,
    listKey: `2026-03-01T12:00:00.000Z#${material.keyId}`,
    name: 'CI',
    prefix: material.prefix,
    scopes: ['taskodex:task:read'],
    status: 'active',
    secretHash: material.secretHash,
    createdBy: 'user-1',
    createdAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 30 * 86_400_000).toISOString(),
    ...changes,
  };
}

/** A fake table of one item. */
function store(...records: ApiKeyRecord[]) {
  return async (keyId: string) => records.find((record) => record.keyId === keyId);
}

describe('the key format', () => {
  it('is hk_<env>_<16-char id>_<43-char base64url secret of 32 random bytes>, hashed with SHA-256', () => {
    const material = newKeyMaterial('prod');

    expect(material.key).toMatch(/^hk_prod_[a-z2-7]{16}_[A-Za-z0-9_-]{43}$/);
    expect(material.key).toBe(`${material.prefix}_${material.secret}`);
    expect(material.prefix).toBe(`hk_prod_${material.keyId}`);
    expect(Buffer.from(material.secret, 'base64url')).toHaveLength(32);
    expect(Buffer.from(material.secretHash)).toEqual(createHash('sha256').update(material.secret).digest());
    expect(parseApiKey(material.key)).toEqual({
      env: 'prod',
      keyId: material.keyId,
      secret: material.secret,
    });
  });

  it('draws a different id and secret every time', () => {
    const keys = Array.from({ length: 200 }, () => newKeyMaterial('test'));

    expect(new Set(keys.map((key) => key.keyId)).size).toBe(200);
    expect(new Set(keys.map((key) => key.secret)).size).toBe(200);
  });

  it('refuses anything but the exact issued shape', () => {
    const { keyId, secret, key } = newKeyMaterial('dev');
    const attempts: unknown[] = [
      undefined,
      42,
      '',
      ` ${key}`,
      `${key} `,
      `${key}=`,
      key.toUpperCase(),
      key.replace('hk_', 'HK_'),
      key.replace('_dev_', '_staging_'),
      formatApiKey('dev', keyId.slice(1), secret),
      formatApiKey('dev', `${keyId}a`, secret),
      formatApiKey('dev', keyId.replace(/^./, '1'), secret),
      formatApiKey('dev', keyId, secret.slice(1)),
      formatApiKey('dev', keyId, `${secret}A`),
      formatApiKey('dev', keyId, `${secret.slice(0, 42)}+`),
      `Bearer ${key}`,
    ];

    for (const attempt of attempts) expect(parseApiKey(attempt), String(attempt)).toBeUndefined();
  });

  it('refuses a secret whose last character is not the canonical encoding of 32 bytes', () => {
    const { keyId } = newKeyMaterial('dev');
    // 43 base64url characters carry 258 bits; for 32 bytes the last one has its 2 low bits zero.
    const canonical = `${'A'.repeat(42)}E`;
    const padded = `${'A'.repeat(42)}F`;

    expect(parseApiKey(formatApiKey('dev', keyId, canonical))).toBeDefined();
    expect(parseApiKey(formatApiKey('dev', keyId, padded))).toBeUndefined();
  });
});

describe('verifyApiKey', () => {
  it('accepts a genuine, active, unexpired key and says whose it is, without any secret', async () => {
    const material = newKeyMaterial('test');

    const verified = await verifyApiKey(material.key, { getItem: store(recordFor(material)), now: at(T0) });

    expect(verified).toEqual({
      keyId: material.keyId,
      tenantId: TENANT,
      scopes: ['taskodex:task:read'],
      createdBy: 'user-1',
      validUntil: T0 + 30 * 86_400_000,
    });
  });

  it('refuses a wrong secret for a real id, an unknown id, and another stage', async () => {
    const material = newKeyMaterial('test');
    const other = newKeyMaterial('test');
    const getItem = store(recordFor(material));

    const wrongSecret = formatApiKey('test', material.keyId, other.secret);
    const unknownId = other.key;
    const otherStage = formatApiKey('prod', material.keyId, material.secret);

    expect(await verifyApiKey(wrongSecret, { getItem, now: at(T0) })).toBeUndefined();
    expect(await verifyApiKey(unknownId, { getItem, now: at(T0) })).toBeUndefined();
    expect(await verifyApiKey(otherStage, { getItem, now: at(T0), env: 'test' })).toBeUndefined();
    expect(await verifyApiKey(material.key, { getItem, now: at(T0), env: 'test' })).toBeDefined();
  });

  it('refuses every single-character change to a genuine key', async () => {
    const material = newKeyMaterial('test');
    const getItem = store(recordFor(material));
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: material.key.length - 1 }),
        fc.constantFrom(...alphabet),
        async (position, replacement) => {
          fc.pre(material.key[position] !== replacement);
          const tampered = material.key.slice(0, position) + replacement + material.key.slice(position + 1);
          expect(await verifyApiKey(tampered, { getItem, now: at(T0) })).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a revoked key and an expired one', async () => {
    const material = newKeyMaterial('test');
    const revoked = recordFor(material, { status: 'revoked' });
    const expiring = recordFor(material, { expiresAt: new Date(T0 + 1000).toISOString() });

    expect(await verifyApiKey(material.key, { getItem: store(revoked), now: at(T0) })).toBeUndefined();
    expect(await verifyApiKey(material.key, { getItem: store(expiring), now: at(T0 + 999) })).toBeDefined();
    expect(
      await verifyApiKey(material.key, { getItem: store(expiring), now: at(T0 + 1000) }),
    ).toBeUndefined();
  });

  it('accepts the previous secret only until its grace period ends, and the new one throughout', async () => {
    const before = newKeyMaterial('test');
    const after = newKeyMaterial('test', before.keyId);
    const graceEnd = T0 + 3_600_000;
    const rotated = recordFor(before, {
      secretHash: after.secretHash,
      previousSecretHash: before.secretHash,
      previousHashExpiresAt: new Date(graceEnd).toISOString(),
    });
    const getItem = store(rotated);

    const oldDuring = await verifyApiKey(before.key, { getItem, now: at(graceEnd - 1) });
    const oldAfter = await verifyApiKey(before.key, { getItem, now: at(graceEnd) });
    const newAfter = await verifyApiKey(after.key, { getItem, now: at(graceEnd + 1) });

    expect(oldDuring?.validUntil).toBe(graceEnd);
    expect(oldAfter).toBeUndefined();
    expect(newAfter?.keyId).toBe(before.keyId);
  });

  it('refuses the previous secret of a revoked key even inside its grace period', async () => {
    const before = newKeyMaterial('test');
    const after = newKeyMaterial('test', before.keyId);
    const record = recordFor(before, {
      status: 'revoked',
      secretHash: after.secretHash,
      previousSecretHash: before.secretHash,
      previousHashExpiresAt: new Date(T0 + 3_600_000).toISOString(),
    });

    expect(await verifyApiKey(before.key, { getItem: store(record), now: at(T0) })).toBeUndefined();
  });

  it('refuses an item whose stored hash is malformed instead of throwing', async () => {
    const material = newKeyMaterial('test');
    const broken = recordFor(material, { secretHash: hashSecret('x').slice(0, 16) });

    expect(await verifyApiKey(material.key, { getItem: store(broken), now: at(T0) })).toBeUndefined();
  });

  it('never looks up a key that fails the format check', async () => {
    let lookups = 0;
    const getItem = async () => {
      lookups++;
      return undefined;
    };

    await verifyApiKey('hk_test_notanid_secret', { getItem });
    await verifyApiKey("hk_test_aaaaaaaaaaaaaaaa_' or 1=1 --", { getItem });

    expect(lookups).toBe(0);
  });
});

describe('recordKeyUse', () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );

  beforeEach(() => {
    dynamo.reset();
    resetKeyUseMemo();
  });
  afterEach(() => dynamo.reset());

  it('writes lastUsedAt with a condition that allows one write a minute across instances', async () => {
    dynamo.on(UpdateCommand).resolves({});

    const wrote = await recordKeyUse('aaaaaaaaaaaaaaaa', { client, tableName: 'keys', now: at(T0) });

    expect(wrote).toBe(true);
    const input = dynamo.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: 'keys',
      Key: { keyId: 'aaaaaaaaaaaaaaaa' },
      UpdateExpression: 'SET lastUsedAt = :now',
      ExpressionAttributeValues: {
        ':now': new Date(T0).toISOString(),
        ':before': new Date(T0 - 60_000).toISOString(),
      },
    });
    expect(input?.ConditionExpression).toMatch(/attribute_not_exists\(lastUsedAt\) OR lastUsedAt < :before/);
  });

  it('skips the write within a minute in the same instance, and writes again after', async () => {
    dynamo.on(UpdateCommand).resolves({});
    const options = { client, tableName: 'keys' };

    await recordKeyUse('bbbbbbbbbbbbbbbb', { ...options, now: at(T0) });
    const soon = await recordKeyUse('bbbbbbbbbbbbbbbb', { ...options, now: at(T0 + 59_000) });
    const other = await recordKeyUse('cccccccccccccccc', { ...options, now: at(T0 + 59_000) });
    const later = await recordKeyUse('bbbbbbbbbbbbbbbb', { ...options, now: at(T0 + 60_000) });

    expect([soon, other, later]).toEqual([false, true, true]);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(3);
  });

  it('answers false when another instance already wrote this minute', async () => {
    dynamo
      .on(UpdateCommand)
      .rejects(
        new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
      );

    expect(await recordKeyUse('dddddddddddddddd', { client, tableName: 'keys', now: at(T0) })).toBe(false);
  });

  it('passes other failures on to the caller', async () => {
    dynamo.on(UpdateCommand).rejects(new Error('throttled'));

    await expect(
      recordKeyUse('eeeeeeeeeeeeeeee', { client, tableName: 'keys', now: at(T0) }),
    ).rejects.toThrow('throttled');
  });
});
