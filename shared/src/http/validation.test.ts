import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ValidationError } from '../errors';
import { parsePart, toFieldErrors } from './validation';

function validationErrorOf(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('Expected a ValidationError');
}

const taskBody = z.strictObject({
  title: z.string().min(1),
  labels: z.array(z.string().max(5)).optional(),
  owner: z.strictObject({ id: z.string() }).optional(),
});

describe('parsePart', () => {
  it('returns the parsed value when valid', () => {
    expect(parsePart('body', taskBody, { title: 'Ship', labels: ['a'] })).toEqual({
      title: 'Ship',
      labels: ['a'],
    });
  });

  it('returns the schema output (coerced and defaulted)', () => {
    const query = z.object({ limit: z.coerce.number().default(20), done: z.coerce.boolean().optional() });

    expect(parsePart('query', query, { limit: '5' })).toEqual({ limit: 5 });
    expect(parsePart('query', query, {})).toEqual({ limit: 20 });
  });

  it('gives one unknown_field error per unknown key', () => {
    const error = validationErrorOf(() => parsePart('body', taskBody, { title: 'Ship', foo: 1, bar: 2 }));

    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      { field: 'body.foo', message: 'Unknown field; remove it.', code: 'unknown_field' },
      { field: 'body.bar', message: 'Unknown field; remove it.', code: 'unknown_field' },
    ]);
    expect(error.message).toBe('The request is invalid: check body.foo, body.bar.');
  });

  it('prefixes unknown keys of nested objects with their path', () => {
    const error = validationErrorOf(() =>
      parsePart('body', taskBody, { title: 'Ship', owner: { id: 'u', x: 1 } }),
    );

    expect(error.errors).toEqual([
      { field: 'body.owner.x', message: 'Unknown field; remove it.', code: 'unknown_field' },
    ]);
  });

  it('names array elements by index', () => {
    const error = validationErrorOf(() =>
      parsePart('body', taskBody, { title: 'Ship', labels: ['ok', 'too long'] }),
    );

    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]?.field).toBe('body.labels.1');
    expect(error.errors[0]?.code).toBe('too_big');
  });

  it('uses the request part as prefix', () => {
    const query = z.object({ limit: z.coerce.number().int().max(100) });

    const error = validationErrorOf(() => parsePart('query', query, { limit: '500' }));

    expect(error.errors.map((fieldError) => fieldError.field)).toEqual(['query.limit']);
  });

  it('lists each field once in the message when it has several issues', () => {
    const schema = z.object({
      code: z
        .string()
        .min(3)
        .regex(/^[a-z]+$/),
    });

    const error = validationErrorOf(() => parsePart('params', schema, { code: '1' }));

    expect(error.errors).toHaveLength(2);
    expect(error.message).toBe('The request is invalid: check params.code.');
  });

  it('names the part itself when the whole value is wrong', () => {
    const error = validationErrorOf(() => parsePart('body', taskBody, undefined));

    expect(error.errors).toEqual([expect.objectContaining({ field: 'body', code: 'invalid_type' })]);
  });
});

describe('toFieldErrors', () => {
  it('maps a plain issue to field, message and code', () => {
    const result = z.object({ title: z.string() }).safeParse({ title: 3 });
    if (result.success) throw new Error('expected failure');

    expect(toFieldErrors('body', result.error.issues)).toEqual([
      { field: 'body.title', message: expect.any(String), code: 'invalid_type' },
    ]);
  });
});
