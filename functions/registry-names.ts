import type { EventCatalog, EventDefinitions } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { REGISTRY_INDEX } from './registry-index.generated';

/**
 * Names from the registry for functions that only check names (authorizer,
 * rbac, tenants, api-keys, notifications, webhooks): read from the generated,
 * schema-free index so they do not build every product's zod schemas at
 * start. Anything that validates event data keeps functions/registry.ts.
 */
export const INDEXED_SERVICES = REGISTRY_INDEX.services;

/**
 * The products a tenant can enable (`enabledProducts`): every product of the
 * list but the always-enabled platform.
 */
export const TENANT_PRODUCT_KEYS: readonly string[] = REGISTRY_INDEX.products
  .filter((product) => !product.alwaysEnabled)
  .map((product) => product.key);

/** Every permission name the manifests declare. */
export const PERMISSION_NAMES: readonly string[] = INDEXED_SERVICES.flatMap((service) =>
  service.permissions.map((permission) => permission.name),
);

/**
 * The event catalogs with names, versions and descriptions but no data
 * schemas, for `unknownEventFilters` (which reads names only). The schema is
 * `z.never()` so that anything mistakenly validating data against it fails
 * loudly instead of accepting everything.
 */
export const EVENT_NAME_CATALOGS: readonly EventCatalog[] = (() => {
  const bySource = new Map<string, EventCatalog>();
  for (const event of REGISTRY_INDEX.events) {
    let catalog = bySource.get(event.source);
    if (!catalog) {
      catalog = { product: event.product, source: event.source, events: {} as EventDefinitions };
      bySource.set(event.source, catalog);
    }
    catalog.events[event.type] = {
      version: event.version,
      description: event.description,
      schema: z.never(),
    };
  }
  return [...bySource.values()];
})();
