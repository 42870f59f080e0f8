import { defineRoute, defineService, PUBLIC, type ServiceManifest } from '@halooid/shared/manifest';
import { checkManifests } from '@halooid/shared/manifest-checks';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SERVICES } from './registry';

const sound = defineService({
  product: 'demo',
  capability: 'things',
  description: 'A well-formed capability used as a baseline.',
  resources: {},
  permissions: [{ name: 'demo:thing:read', description: 'See things.' }],
  routes: [
    defineRoute({
      operationId: 'getThing',
      method: 'GET',
      path: '/v1/demo/things/{thingId}',
      permission: 'demo:thing:read',
      summary: 'Get a thing',
      params: z.strictObject({ thingId: z.uuid() }),
      response: z.object({ id: z.uuid() }),
    }),
  ],
});

function withRoute(route: Record<string, unknown>): ServiceManifest {
  return { ...sound, capability: 'broken', routes: [route as never] };
}

describe('the manifests of every capability', () => {
  it('are sound: permissions, unique routes and operations, matching params, describable schemas', () => {
    expect(checkManifests(SERVICES)).toEqual([]);
  });

  it('declare at least the platform and the Taskodex slice', () => {
    const capabilities = SERVICES.map((service) => `${service.product}/${service.capability}`);
    expect(capabilities).toEqual(
      expect.arrayContaining(['platform/auth', 'platform/meta', 'taskodex/tasks']),
    );
  });
});

describe('checkManifests', () => {
  it('accepts a sound manifest', () => {
    expect(checkManifests([sound])).toEqual([]);
  });

  it('fails a route with no permission', () => {
    const route = {
      ...sound.routes[0],
      operationId: 'open',
      permission: undefined,
      path: '/v1/demo/open',
      params: undefined,
    };
    expect(checkManifests([withRoute(route)]).join('\n')).toMatch(/has no permission/);
  });

  it('fails a permission missing from every catalog', () => {
    const route = { ...sound.routes[0], operationId: 'other', permission: 'demo:thing:write' };
    expect(checkManifests([withRoute(route)]).join('\n')).toMatch(
      /demo:thing:write is not in any capability's catalog/,
    );
  });

  it('fails a duplicate route across capabilities', () => {
    const copy = { ...sound.routes[0], operationId: 'getThingAgain' };
    expect(checkManifests([sound, withRoute(copy)]).join('\n')).toMatch(
      /duplicate route, also declared by demo\/things/,
    );
  });

  it('fails a duplicate operation id', () => {
    const copy = { ...sound.routes[0], path: '/v1/demo/other/{thingId}' };
    expect(checkManifests([sound, withRoute(copy)]).join('\n')).toMatch(/duplicate operationId/);
  });

  it('fails path parameters that the params schema does not declare', () => {
    const route = { ...sound.routes[0], operationId: 'mismatch', path: '/v1/demo/things/{id}' };
    expect(checkManifests([withRoute(route)]).join('\n')).toMatch(
      /path parameters \[id\] do not match params schema \[thingId\]/,
    );
  });

  it('accepts an explicitly public route', () => {
    const route = {
      operationId: 'ping',
      method: 'GET',
      path: '/v1/demo/ping',
      permission: PUBLIC,
      summary: 'Ping',
    };
    expect(checkManifests([sound, withRoute(route)])).toEqual([]);
  });

  it('fails a schema OpenAPI cannot describe', () => {
    const route = {
      ...sound.routes[0],
      operationId: 'weird',
      response: z.object({ at: z.custom<symbol>().transform(String) }),
    };
    expect(checkManifests([withRoute(route)]).join('\n')).toMatch(/response schema cannot be described/);
  });
});
