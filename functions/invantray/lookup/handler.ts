import { createHttpHandler } from '@halooid/shared/http/adapter';
import { lookupBarcode } from './lookup-barcode';
import { lookupService } from './service';

/** Thin: the adapter has validated the input; the lookup runs in the caller's tenant. */
export const handler = createHttpHandler(lookupService, {
  lookupBarcode: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => lookupBarcode(query.barcode, deps)),
  }),
});
