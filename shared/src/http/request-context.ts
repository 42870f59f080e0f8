import type { APIGatewayProxyEvent } from 'aws-lambda';
import { isUuid } from '../ids';

/**
 * A caller-supplied `X-Correlation-Id` is kept when it looks like an id (so a
 * client can trace its own request), otherwise API Gateway's request id is used.
 */
const CORRELATION_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function correlationIdOf(event: Pick<APIGatewayProxyEvent, 'headers' | 'requestContext'>): string {
  const supplied = headerValue(event.headers, 'x-correlation-id');
  if (supplied && CORRELATION_ID.test(supplied)) return supplied;
  return event.requestContext?.requestId || 'unknown';
}

/** Header lookup that ignores case, as HTTP does (API Gateway keeps the client's casing). */
export function headerValue(
  headers: APIGatewayProxyEvent['headers'] | null | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

export function lowerCaseHeaders(
  headers: APIGatewayProxyEvent['headers'] | null | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[key.toLowerCase()] = value;
  }
  return result;
}

export { isUuid };
