import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { AppError, PayloadTooLargeError, ValidationError } from '../errors';
import { MAX_BODY_BYTES, MAX_BODY_DEPTH, nestingDepthExceeds, readJsonBody } from './body';

type BodyEvent = Pick<APIGatewayProxyEvent, 'body' | 'isBase64Encoded' | 'headers'>;

function event(body: string | null, headers: BodyEvent['headers'] = {}, isBase64Encoded = false): BodyEvent {
  return { body, headers, isBase64Encoded };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected an error');
}

describe('readJsonBody', () => {
  it.each([[null], ['']])('returns undefined for an empty body (%o)', (body) => {
    expect(readJsonBody(event(body))).toBeUndefined();
  });

  it('parses a JSON body', () => {
    expect(readJsonBody(event('{"title":"Ship","n":[1,2]}', JSON_HEADERS))).toEqual({
      title: 'Ship',
      n: [1, 2],
    });
  });

  it('finds the content type whatever its case and parameters', () => {
    expect(readJsonBody(event('{"a":1}', { 'content-TYPE': 'Application/JSON; charset=utf-8' }))).toEqual({
      a: 1,
    });
  });

  it('accepts +json media types', () => {
    expect(readJsonBody(event('{"op":"add"}', { 'Content-Type': 'application/merge-patch+json' }))).toEqual({
      op: 'add',
    });
  });

  it('hands a text body of a type the route accepts (text/csv) over as a string; others still get a 415', () => {
    const csv = 'title\r\n"a, b"\r\n';

    expect(readJsonBody(event(csv, { 'Content-Type': 'text/csv; charset=utf-8' }), ['text/csv'])).toBe(csv);
    expect(
      (thrownBy(() => readJsonBody(event(csv, { 'Content-Type': 'text/csv' }))) as AppError).status,
    ).toBe(415);
    expect(
      thrownBy(() => readJsonBody(event('a\u0000b', { 'Content-Type': 'text/csv' }), ['text/csv'])),
    ).toBeInstanceOf(ValidationError);
  });

  it('refuses a text body in a charset other than UTF-8 rather than mangling its accents', () => {
    const latin1 = thrownBy(() =>
      readJsonBody(event('title', { 'Content-Type': 'text/csv; charset=ISO-8859-1' }), ['text/csv']),
    ) as AppError;

    expect(latin1.status).toBe(415);
    expect(latin1.message).toContain('UTF-8');
    expect(readJsonBody(event('t', { 'Content-Type': 'text/csv; charset="UTF-8"' }), ['text/csv'])).toBe('t');
  });

  it('decodes base64 bodies', () => {
    const body = Buffer.from('{"title":"Zürich"}', 'utf8').toString('base64');

    expect(readJsonBody(event(body, JSON_HEADERS, true))).toEqual({ title: 'Zürich' });
  });

  it('rejects a body over 1 MB with a 413 before looking at the content type', () => {
    const body = `"${'x'.repeat(MAX_BODY_BYTES)}"`;

    const error = thrownBy(() => readJsonBody(event(body, { 'Content-Type': 'text/plain' })));

    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as AppError).status).toBe(413);
    expect((error as AppError).code).toBe('payload_too_large');
  });

  it('counts bytes, not characters', () => {
    // 600k two-byte characters: under 1 M characters but over 1 MB.
    const body = `"${'é'.repeat(600_000)}"`;

    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    expect(thrownBy(() => readJsonBody(event(body, JSON_HEADERS)))).toBeInstanceOf(PayloadTooLargeError);
  });

  it('measures a base64 body by its decoded size', () => {
    const decoded = `"${'x'.repeat(MAX_BODY_BYTES - 10)}"`;
    const body = Buffer.from(decoded, 'utf8').toString('base64');

    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    expect(readJsonBody(event(body, JSON_HEADERS, true))).toBe(decoded.slice(1, -1));
  });

  it('accepts a body of exactly 1 MB', () => {
    const body = `"${'x'.repeat(MAX_BODY_BYTES - 2)}"`;

    expect(readJsonBody(event(body, JSON_HEADERS))).toHaveLength(MAX_BODY_BYTES - 2);
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form data', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('rejects %s with a 415', (_, headers) => {
    const error = thrownBy(() => readJsonBody(event('{"a":1}', headers)));

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(415);
    expect((error as AppError).code).toBe('unsupported_media_type');
  });

  it('rejects malformed JSON with a 400 naming the body', () => {
    const error = thrownBy(() => readJsonBody(event('{"title":', JSON_HEADERS)));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(400);
    expect((error as ValidationError).errors).toEqual([
      { field: 'body', message: 'Malformed JSON.', code: 'invalid_json' },
    ]);
  });
});

describe('readJsonBody and the NUL character', () => {
  it.each([
    ['a value', '{"title":"a\\u0000b"}'],
    ['a nested value', '{"settings":{"x":["ok","\\u0000"]}}'],
    ['a key', '{"a\\u0000":1}'],
  ])('refuses U+0000 in %s with a 400, since Postgres text cannot hold it', (_where, body) => {
    const attempt = () =>
      readJsonBody({ body, isBase64Encoded: false, headers: { 'content-type': 'application/json' } });

    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/U\+0000/);
  });
});

describe('readJsonBody and deep nesting', () => {
  const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;

  it(`accepts ${MAX_BODY_DEPTH} levels`, () => {
    expect(readJsonBody(event(nestedObjects(MAX_BODY_DEPTH), JSON_HEADERS))).toBeTypeOf('object');
  });

  it.each([
    ['objects one level too deep', nestedObjects(MAX_BODY_DEPTH + 1)],
    ['1,000 levels of objects', nestedObjects(1000)],
    ['500,000 levels of arrays (1 MB)', `${'['.repeat(500_000)}${']'.repeat(500_000)}`],
    ['an unclosed tower of arrays', '['.repeat(10_000)],
  ])('refuses %s with a 400 naming the body, code too_deep', (_, body) => {
    const error = thrownBy(() => readJsonBody(event(body, JSON_HEADERS)));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, errors: [{ field: 'body', code: 'too_deep' }] });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const body = JSON.stringify({ text: `\\"${'{['.repeat(1000)}`, list: [[1]] });

    expect(readJsonBody(event(body, JSON_HEADERS))).toEqual(JSON.parse(body));
  });

  it('counts arrays and objects together', () => {
    expect(nestingDepthExceeds('[{"a":[{"b":[]}]}]', 5)).toBe(false);
    expect(nestingDepthExceeds('[{"a":[{"b":[[]]}]}]', 5)).toBe(true);
  });
});
