import { isIP } from 'node:net';
import type { APIGatewayProxyEvent } from 'aws-lambda';

/**
 * The header CloudFront's viewer-request function on `/v1/*` sets to the
 * viewer's address (infra/aws/src/stacks/web-stack.ts). The function
 * overwrites whatever a client sent under that name, and WAF refuses any
 * request that did not come through CloudFront (the origin-verify header),
 * so at the API the value is CloudFront's own word. WAF's rate rule counts
 * by the same header.
 */
export const VIEWER_IP_HEADER = 'x-halooid-viewer-ip';

export interface ClientIpOptions {
  /** TRUST_CLOUDFRONT_HEADER: true in AWS (behind CloudFront), false locally. */
  trustCloudFront: boolean;
}

/**
 * The client's address for per-IP limits and audit records. Behind
 * CloudFront the socket address (`requestContext.identity.sourceIp`) is an
 * edge server shared by thousands of viewers, so the viewer-IP header is
 * used. X-Forwarded-For is never read: its head is whatever the client wrote
 * (CloudFront appends to it, and API Gateway appends the edge after that).
 * Locally there is no CloudFront: the socket address, and a viewer-IP header
 * a client sends is ignored.
 */
export function clientIp(
  event: Pick<APIGatewayProxyEvent, 'headers' | 'requestContext'>,
  options: ClientIpOptions,
): string {
  const socket = event.requestContext.identity?.sourceIp || 'unknown';
  if (!options.trustCloudFront) return socket;
  const viewer = headerValue(event.headers, VIEWER_IP_HEADER)?.trim();
  // Only an address: anything else (absent, a list, garbage) falls back to the socket, never to a client's text.
  return viewer && isIP(viewer) !== 0 ? viewer : socket;
}

function headerValue(headers: APIGatewayProxyEvent['headers'] | null, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
