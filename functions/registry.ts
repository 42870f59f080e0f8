import type { EventCatalog } from '@halooid/shared/events/catalog';
import type { ServiceManifest } from '@halooid/shared/manifest';
import type { ProductManifest } from '@halooid/shared/product';
import { PRODUCTS as DISCOVERED } from './products.generated';

/**
 * Every product (functions/<key>/product.ts), discovered by `npm run generate`
 * into products.generated.ts. Everything else here derives from it, so a
 * capability or product is named in its own folder and nowhere else.
 */
export const PRODUCTS: readonly ProductManifest[] = DISCOVERED;

/**
 * Every HTTP capability of the platform. CDK, the local runtime, the
 * authorizer and the OpenAPI generator all start from this list; a
 * capability that is not here does not exist.
 */
export const SERVICES: readonly ServiceManifest[] = PRODUCTS.flatMap((product) => product.capabilities);

/**
 * Every product's event catalog (`functions/<product>/events.ts`): what the
 * outbox validates at publish, consumers at consume, and webhooks and
 * notification preferences accept as names.
 */
export const EVENT_CATALOGS: readonly EventCatalog[] = PRODUCTS.flatMap((product) =>
  product.events ? [product.events] : [],
);
