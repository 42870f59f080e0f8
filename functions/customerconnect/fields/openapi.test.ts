import { buildOpenApi } from '@halooid/shared/openapi';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../registry';

/** What an integrator reads about CustomerConnect's administration, and how `custom` looks in every schema. */
const document = buildOpenApi(
  SERVICES.filter((service) => service.product === 'customerconnect'),
  { version: 'test' },
);
type Schema = Record<string, unknown> & { properties?: Record<string, Schema> };

/** Every schema object named `custom` anywhere in the document. */
function customSchemas(node: unknown, found: Schema[] = []): Schema[] {
  if (Array.isArray(node)) for (const item of node) customSchemas(item, found);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const properties = record.properties as Record<string, Schema> | undefined;
    if (properties?.custom) found.push(properties.custom);
    for (const value of Object.values(record)) customSchemas(value, found);
  }
  return found;
}

describe('CustomerConnect settings OpenAPI', () => {
  it('documents every fields and sales-settings operation', () => {
    const paths = Object.keys(document.paths);
    for (const path of [
      '/v1/customerconnect/fields',
      '/v1/customerconnect/fields/{fieldId}',
      '/v1/customerconnect/settings',
      '/v1/customerconnect/teams/{teamId}/members/{userId}',
      '/v1/customerconnect/saved-views/{savedViewId}',
    ])
      expect(paths).toContain(path);
  });

  it('shows `custom` as an open object (values keyed by field key), never a closed one', () => {
    const schemas = customSchemas(document);
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) {
      const resolved =
        (schema.anyOf as Schema[] | undefined)?.find((option) => option.type === 'object') ?? schema;
      expect(resolved.type).toBe('object');
      expect(resolved.additionalProperties, JSON.stringify(schema)).not.toBe(false);
      expect(resolved.properties ?? {}).toEqual({});
    }
  });
});
