import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ValidationError } from '../errors';
import { headerValue } from './request-context';

/**
 * The longest value accepted for a header a route declares (`If-Match`,
 * `X-Halooid-Client`): each is a short token, and OpenAPI states this bound.
 */
export const MAX_HEADER_LENGTH = 256;

/** A 400 naming the header when a declared header is longer than its bound. */
export function checkDeclaredHeaders(
  declared: Readonly<Record<string, string>> | undefined,
  headers: APIGatewayProxyEvent['headers'] | null | undefined,
): void {
  for (const name of Object.keys(declared ?? {})) {
    const value = headerValue(headers, name.toLowerCase());
    if (value !== undefined && value.length > MAX_HEADER_LENGTH) {
      throw new ValidationError(`The ${name} header is too long.`, [
        {
          field: `headers.${name.toLowerCase()}`,
          message: `At most ${MAX_HEADER_LENGTH} characters.`,
          code: 'too_long',
        },
      ]);
    }
  }
}
