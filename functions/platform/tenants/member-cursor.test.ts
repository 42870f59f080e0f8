import type { Tx } from '@halooid/shared/db/transaction';
import { ValidationError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { findMembers } from './member-use-cases';

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The cursor is refused before any query: a transaction that is touched fails the test. */
const untouched = new Proxy({} as Tx, {
  get() {
    throw new Error('the transaction was used');
  },
});

describe('the members cursor', () => {
  it.each([
    ['a userId that is not a UUID', cursor({ email: 'a@acme.example', userId: 'x' })],
    ['a userId with SQL in it', cursor({ email: 'a@acme.example', userId: "1' or '1'='1" })],
    ['an email with a NUL', cursor({ email: 'a\u0000', userId: '0193a000-0000-7000-8000-000000000001' })],
    ['no JSON at all', 'bm90IGpzb24'],
  ])('refuses %s with a 400 before the database', async (_, value) => {
    await expect(findMembers(10, value, untouched)).rejects.toBeInstanceOf(ValidationError);
  });
});
