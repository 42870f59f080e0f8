import type { ServiceManifest } from '../manifest';

/**
 * Which response media types are bytes rather than text. A route that answers
 * bytes (a PDF, an image) returns a `Uint8Array` as its `raw` body; the
 * adapter sends it base64-encoded with `isBase64Encoded`, and API Gateway
 * turns it back into bytes only for the media types its RestApi lists in
 * `binaryMediaTypes` (and only when the request's `Accept` names one of them:
 * clients ask for `Accept: application/pdf`). Text types (CSV, SVG, JSON)
 * stay plain strings and are never listed, so their requests and answers
 * pass through untouched.
 */
export function isBinaryMediaType(mediaType: string): boolean {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith('text/')) return false;
  if (type.endsWith('+xml') || type.endsWith('+json')) return false;
  return !['application/json', 'application/xml', 'application/javascript'].includes(type);
}

/** Every binary media type some route `produces`: the RestApi's `binaryMediaTypes`, sorted, once each. */
export function binaryMediaTypesOf(services: readonly ServiceManifest[]): string[] {
  const types = new Set<string>();
  for (const service of services) {
    for (const route of service.routes) {
      for (const type of route.produces ?? []) if (isBinaryMediaType(type)) types.add(type);
    }
  }
  return [...types].sort();
}
