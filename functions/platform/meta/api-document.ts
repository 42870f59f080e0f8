import { buildOpenApi } from '@halooid/shared/openapi';
import { SERVICES } from '../../registry';

/**
 * The API's OpenAPI document, built from every manifest. Only
 * `GET /v1/openapi.json` needs it, and the handler reaches this module through
 * a dynamic `import()`: the bundle puts it and every product's zod schemas in
 * a chunk of their own, so the health check and the function's cold start
 * never load them (docs/decisions.md).
 */
export function buildApiDocument(version: string) {
  return buildOpenApi(SERVICES, { version });
}

export type ApiDocument = ReturnType<typeof buildApiDocument>;
