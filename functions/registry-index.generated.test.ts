import { catalogEventNames } from '@halooid/shared/events/catalog';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGS, PRODUCTS, SERVICES } from './registry';
import { REGISTRY_INDEX } from './registry-index.generated';
import { EVENT_NAME_CATALOGS, PERMISSION_NAMES } from './registry-names';
import { buildRegistryIndex } from './scripts/build-registry-index';

describe('registry-index.generated.ts', () => {
  it('matches the manifests and event catalogs (run npm run generate when it does not)', () => {
    const fresh = buildRegistryIndex(SERVICES, EVENT_CATALOGS, PRODUCTS);

    expect(REGISTRY_INDEX, 'The registry index is stale: run npm run generate').toEqual(fresh);
  });

  it('gives the same permission and event names as the full registry', () => {
    expect(PERMISSION_NAMES).toEqual(
      SERVICES.flatMap((service) => service.permissions.map((permission) => permission.name)),
    );
    expect(catalogEventNames(EVENT_NAME_CATALOGS)).toEqual(catalogEventNames(EVENT_CATALOGS));
  });
});
