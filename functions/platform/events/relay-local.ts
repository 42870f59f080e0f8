import { relayOutbox } from '@halooid/shared/events/outbox';
import type { LocalJobFactory } from '@halooid/shared/product';

/**
 * The outbox relay under the local runtime: publishes to the local bus, and
 * leaves rows younger than `minAgeMs` (2 s unless tests say otherwise) to the
 * request that wrote them.
 */
export const createLocalJob: LocalJobFactory = ({ publisher, settings }) => ({
  run: () => relayOutbox({ publisher, minAgeMs: settings.minAgeMs ?? 2_000 }),
});
