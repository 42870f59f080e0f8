import type { APIGatewayProxyResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { AppError, ConflictError } from '../errors';
import { idempotencyFor } from './idempotency';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from './idempotency-store';

/** The store's contract in memory; DynamoIdempotencyStore is exercised against dynalite by the tasks suite. */
class MemoryStore implements IdempotencyStore {
  readonly records = new Map<string, { hash: string; response?: StoredResponse }>();

  async claim(id: string, requestHash: string): Promise<IdempotencyClaim> {
    const record = this.records.get(id);
    if (!record) {
      this.records.set(id, { hash: requestHash });
      return { state: 'claimed' };
    }
    if (record.hash !== requestHash) return { state: 'mismatch' };
    return record.response ? { state: 'completed', response: record.response } : { state: 'in_progress' };
  }

  async complete(id: string, response: StoredResponse): Promise<void> {
    const record = this.records.get(id);
    if (record) record.response = response;
  }

  async release(id: string): Promise<void> {
    this.records.delete(id);
  }
}

const scope = { tenantId: 't1', principalId: 'u1', operationId: 'createTask' };
const event = (key: string | undefined, body = '{"title":"a"}') => ({
  headers: key === undefined ? {} : { 'Idempotency-Key': key },
  body,
  path: '/v1/taskodex/tasks',
});
const created = (id: string): APIGatewayProxyResult => ({
  statusCode: 201,
  headers: { 'X-Id': id },
  body: `{"id":"${id}"}`,
});

describe('Idempotency-Key', () => {
  it('does nothing without the header', () => {
    expect(idempotencyFor(event(undefined), scope, new MemoryStore())).toBeUndefined();
  });

  it('replays the first answer for a retry, without running the work again', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const work = async () => created(`row-${++runs}`);

    const first = await idempotencyFor(event('k1'), scope, store)?.(work);
    const second = await idempotencyFor(event('k1'), scope, store)?.(work);

    expect(runs).toBe(1);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers?.['Idempotent-Replayed']).toBe('true');
  });

  it('refuses the same key with a different body (422)', async () => {
    const store = new MemoryStore();
    await idempotencyFor(event('k2'), scope, store)?.(async () => created('x'));

    const reuse = idempotencyFor(event('k2', '{"title":"b"}'), scope, store)?.(async () => created('y'));

    await expect(reuse).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    await expect(reuse).rejects.toBeInstanceOf(AppError);
  });

  it('answers 409 while the first request is still running', async () => {
    const store = new MemoryStore();
    let release: () => void = () => {};
    const slow = idempotencyFor(
      event('k3'),
      scope,
      store,
    )?.(
      () =>
        new Promise((resolve) => {
          release = () => resolve(created('slow'));
        }),
    );

    const concurrent = idempotencyFor(event('k3'), scope, store)?.(async () => created('fast'));

    await expect(concurrent).rejects.toBeInstanceOf(ConflictError);
    release();
    await slow;
  });

  it('frees the key when the work fails, so the client can retry', async () => {
    const store = new MemoryStore();
    const failing = idempotencyFor(
      event('k4'),
      scope,
      store,
    )?.(async () => {
      throw new Error('database down');
    });
    await expect(failing).rejects.toThrow('database down');

    const retry = await idempotencyFor(event('k4'), scope, store)?.(async () => created('ok'));

    expect(retry?.statusCode).toBe(201);
  });

  it('keys are scoped: another caller with the same key is a different request', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const work = async () => created(`row-${++runs}`);

    await idempotencyFor(event('k5'), scope, store)?.(work);
    await idempotencyFor(event('k5'), { ...scope, principalId: 'u2' }, store)?.(work);

    expect(runs).toBe(2);
  });

  it('rejects a malformed key with 400', () => {
    expect(() => idempotencyFor(event('has space'), scope, new MemoryStore())).toThrow(/Idempotency-Key/);
  });
});
