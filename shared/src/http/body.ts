import type { APIGatewayProxyEvent } from 'aws-lambda';
import { AppError, PayloadTooLargeError, ValidationError } from '../errors';
import { headerValue } from './request-context';

/** API Gateway accepts 10 MB; the platform accepts 1 MB of JSON, which no legitimate call comes near. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * No request body nests objects/arrays deeper than this. Our deepest schema
 * is a few levels; free-form fields allow 8 more (shared/src/json-value.ts).
 * Checked on the text before parsing, so a 500,000-level body never reaches
 * JSON.parse, a reviver, zod or a handler.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Reads the JSON body of a request: size first (before any parsing work),
 * then content type, then syntax. Returns undefined for an empty body.
 */
export function readJsonBody(
  event: Pick<APIGatewayProxyEvent, 'body' | 'isBase64Encoded' | 'headers'>,
  /** Text media types the route also accepts (`text/csv`); such a body is returned as a string. */
  textTypes: readonly string[] = [],
): unknown {
  if (event.body === null || event.body === undefined || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  const contentTypeHeader = headerValue(event.headers, 'content-type');
  const contentType = contentTypeHeader?.split(';')[0]?.trim().toLowerCase();
  if (contentType && textTypes.includes(contentType)) {
    // Decoding another charset as UTF-8 would turn every accent into U+FFFD without a word.
    const charset = /;\s*charset="?([^";\s]+)/i.exec(contentTypeHeader ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii')
      throw new AppError(
        415,
        'unsupported_media_type',
        `Send ${contentType} as UTF-8 (charset=utf-8), not ${charset}.`,
      );
    const text = raw.toString('utf8');
    if (text.includes('\u0000')) throw nulInBody();
    return text;
  }
  if (contentType !== 'application/json' && !contentType?.endsWith('+json')) {
    throw new AppError(
      415,
      'unsupported_media_type',
      textTypes.length > 0
        ? `Send the body with Content-Type: ${['application/json', ...textTypes].join(' or ')}.`
        : 'Send the body as JSON with Content-Type: application/json.',
    );
  }
  const text = raw.toString('utf8');
  if (nestingDepthExceeds(text, MAX_BODY_DEPTH))
    throw new ValidationError(`The body nests objects and arrays deeper than ${MAX_BODY_DEPTH} levels.`, [
      { field: 'body', message: `At most ${MAX_BODY_DEPTH} levels of nesting.`, code: 'too_deep' },
    ]);
  let containsNul = false;
  let parsed: unknown;
  try {
    // Postgres text cannot hold U+0000; refuse it here, for every route, as a 400.
    parsed = JSON.parse(text, (key, value) => {
      if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000')))
        containsNul = true;
      return value;
    });
  } catch (error) {
    throw new ValidationError(`The body is not valid JSON: ${(error as Error).message}`, [
      { field: 'body', message: 'Malformed JSON.', code: 'invalid_json' },
    ]);
  }
  if (containsNul) throw nulInBody();
  return parsed;
}

/**
 * Does the JSON text open more than `limit` objects/arrays at once? Brackets
 * inside strings do not count. Malformed text is left for JSON.parse to name.
 */
export function nestingDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

function nulInBody(): ValidationError {
  return new ValidationError('Text in the body may not contain the NUL character (U+0000).', [
    { field: 'body', message: 'Remove U+0000 characters.', code: 'nul_character' },
  ]);
}
