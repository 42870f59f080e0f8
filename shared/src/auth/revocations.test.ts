import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamoRevocationStore, notBeforeFor, revocationReason } from './revocations';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from './token-lifetime';

const dynamo = mockClient(DynamoDBClient);
const USER = 'f3a1c2d4-1111-4222-8333-944455556666';
beforeEach(() => dynamo.reset());

describe('the not-before rule (iat has whole seconds)', () => {
  // A revocation at 1000.400 s: tokens issued at 999.9 s and 1000.2 s both have iat 1000 or less.
  const notBefore = notBeforeFor(1_000_400);
  const token = (issuedAt: number) => ({ sub: USER, issuedAt, sessionId: 's' });

  it('is the next whole second after the revocation', () => {
    expect(notBefore).toBe(1001);
    expect(notBeforeFor(1_000_000)).toBe(1001);
    expect(notBeforeFor(1_000_999)).toBe(1001);
  });

  it('refuses a token issued earlier, or earlier in the same second', () => {
    expect(revocationReason(token(999), { notBefore, sessionRevoked: false })).toMatch(/signed out/);
    expect(revocationReason(token(1000), { notBefore, sessionRevoked: false })).toMatch(/signed out/);
  });

  it('accepts a token issued from the next second on (a new sign-in)', () => {
    expect(revocationReason(token(1001), { notBefore, sessionRevoked: false })).toBeUndefined();
    expect(revocationReason(token(5000), { notBefore, sessionRevoked: false })).toBeUndefined();
  });

  it('refuses a token without a usable iat when the user has a not-before', () => {
    expect(revocationReason(token(Number.NaN), { notBefore, sessionRevoked: false })).toBeDefined();
    expect(revocationReason(token(Number.NaN), { sessionRevoked: false })).toBeUndefined();
  });

  it('refuses a signed-out session whatever its iat', () => {
    expect(revocationReason(token(5000), { sessionRevoked: true })).toMatch(/session was signed out/);
  });
});

describe('dynamoRevocationStore', () => {
  function store(nowMs: number, slept: number[] = []) {
    let clock = nowMs;
    return dynamoRevocationStore({
      client: new DynamoDBClient({ region: 'eu-west-1' }),
      tableName: 'revocations',
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
  }

  it('writes the not-before, kept one token lifetime, never lowering a later one, and waits for it', async () => {
    dynamo.on(PutItemCommand).resolves({});
    const slept: number[] = [];

    const notBefore = await store(1_000_400, slept).revokeUser(USER);

    expect(notBefore).toBe(1001);
    expect(dynamo.commandCalls(PutItemCommand)[0]?.args[0].input).toEqual({
      TableName: 'revocations',
      Item: {
        id: { S: `user#${USER}` },
        notBefore: { N: '1001' },
        purgeAt: { N: String(1001 + ACCESS_TOKEN_LIFETIME_SECONDS) },
      },
      ConditionExpression: 'attribute_not_exists(id) OR notBefore < :notBefore',
      ExpressionAttributeValues: { ':notBefore': { N: '1001' } },
    });
    // It answers only once a new sign-in gets iat >= notBefore.
    expect(slept).toEqual([600]);
  });

  it('accepts losing the race to a later not-before', async () => {
    dynamo
      .on(PutItemCommand)
      .rejects(Object.assign(new Error('failed'), { name: 'ConditionalCheckFailedException' }));

    await expect(store(1_000_400).revokeUser(USER)).resolves.toBe(1001);
  });

  it('denylists a session until the later of its token’s expiry and one lifetime', async () => {
    dynamo.on(PutItemCommand).resolves({});

    await store(1_000_000).revokeSession('jti-1', 1_000 + 60);
    await store(1_000_000).revokeSession('jti-2', 1_000 + 5_000);

    const items = dynamo.commandCalls(PutItemCommand).map((call) => call.args[0].input.Item);
    expect(items).toEqual([
      { id: { S: 'session#jti-1' }, purgeAt: { N: String(1_000 + ACCESS_TOKEN_LIFETIME_SECONDS) } },
      { id: { S: 'session#jti-2' }, purgeAt: { N: '6000' } },
    ]);
  });

  it('reads the user’s not-before and the session strongly consistent', async () => {
    dynamo
      .on(GetItemCommand, { Key: { id: { S: `user#${USER}` } } })
      .resolves({ Item: { id: { S: `user#${USER}` }, notBefore: { N: '1001' } } })
      .on(GetItemCommand, { Key: { id: { S: 'session#jti-1' } } })
      .resolves({ Item: { id: { S: 'session#jti-1' } } })
      .on(GetItemCommand, { Key: { id: { S: 'session#jti-2' } } })
      .resolves({});

    const revoked = await store(0).read(USER, 'jti-1');
    const live = await store(0).read(USER, 'jti-2');

    expect(revoked).toEqual({ notBefore: 1001, sessionRevoked: true });
    expect(live).toEqual({ notBefore: 1001, sessionRevoked: false });
    expect(dynamo.commandCalls(GetItemCommand).every((call) => call.args[0].input.ConsistentRead)).toBe(true);
  });

  it('reads nothing revoked for a user with no records', async () => {
    dynamo.on(GetItemCommand).resolves({});

    await expect(store(0).read(USER, 'jti')).resolves.toEqual({ sessionRevoked: false });
  });
});
