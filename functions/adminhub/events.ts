import { defineCatalog } from '@halooid/shared/events/catalog';

/**
 * Adminhub's event catalog: what other products, notifications and
 * webhooks may rely on, each `<resource>.<verb>` with a versioned zod schema
 * of its `data` (see functions/taskodex/events.ts). Empty until the product
 * publishes its first event; a breaking change to a schema is a new version,
 * never an edit.
 */
export const adminhubEvents = defineCatalog('adminhub', {});
