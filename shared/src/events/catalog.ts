import type * as z from 'zod';
import type { EventEnvelope } from './envelope';

/** One event type of a product: its `data` schema and the version that schema describes. */
export interface EventDefinition<Schema extends z.ZodType = z.ZodType> {
  version: number;
  description: string;
  schema: Schema;
}

export type EventDefinitions = Record<string, EventDefinition>;

/** A product's event catalog (`functions/<product>/events.ts`). */
export interface EventCatalog<Events extends EventDefinitions = EventDefinitions> {
  product: string;
  /** `halooid.<product>`: the EventBridge `source`. */
  source: string;
  events: Events;
}

export type EventTypeOf<C extends EventCatalog> = Extract<keyof C['events'], string>;
export type EventDataOf<C extends EventCatalog, T extends EventTypeOf<C>> = z.input<C['events'][T]['schema']>;

const TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*$/;

export function defineCatalog<const Events extends EventDefinitions>(
  product: string,
  events: Events,
): EventCatalog<Events> {
  for (const type of Object.keys(events)) {
    if (!TYPE.test(type)) throw new Error(`Event type ${product}.${type} must be <resource>.<verb>`);
  }
  return { product, source: `halooid.${product}`, events };
}

/** Every `<product>.<resource>.<verb>` the catalogs define. */
export function catalogEventNames(catalogs: readonly EventCatalog[]): string[] {
  return catalogs.flatMap((catalog) =>
    Object.keys(catalog.events).map((type) => `${catalog.product}.${type}`),
  );
}

export class UnknownEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownEventError';
  }
}

/**
 * Checks an envelope's `data` against its catalog entry (type and version).
 * Throws on an unknown source, type or version, or data failing its schema:
 * a programming error at publish, a poison message at consume.
 */
export function validateEventData(catalogs: readonly EventCatalog[], envelope: EventEnvelope): EventEnvelope {
  const catalog = catalogs.find((candidate) => candidate.source === envelope.source);
  const definition =
    catalog && Object.hasOwn(catalog.events, envelope.type) ? catalog.events[envelope.type] : undefined;
  if (!definition) throw new UnknownEventError(`No event ${envelope.source} ${envelope.type} in any catalog`);
  if (definition.version !== envelope.version)
    throw new UnknownEventError(
      `Event ${envelope.source} ${envelope.type} is version ${envelope.version}; the catalog has ${definition.version}`,
    );
  const parsed = definition.schema.safeParse(envelope.data);
  if (!parsed.success)
    throw new UnknownEventError(
      `Event ${envelope.source} ${envelope.type} data does not match its schema: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  return { ...envelope, data: parsed.data as Record<string, unknown> };
}

/**
 * An event-name filter, as webhooks and notification preferences take them:
 * an exact `<product>.<resource>.<verb>`, `<product>.<resource>.*`,
 * `<product>.*` or `*`.
 */
export function matchesEventFilter(filter: string, name: string): boolean {
  return filter === '*' || filter === name || (filter.endsWith('.*') && name.startsWith(filter.slice(0, -1)));
}

/** The filters that name nothing in the catalogs (an empty list means all are valid). */
export function unknownEventFilters(filters: readonly string[], catalogs: readonly EventCatalog[]): string[] {
  const names = catalogEventNames(catalogs);
  return filters.filter(
    (filter) =>
      !/^(\*|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?\.\*|[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*)$/.test(
        filter,
      ) || !names.some((name) => matchesEventFilter(filter, name)),
  );
}
