import * as z from 'zod';
import { jsonObject } from '../json-value';

/**
 * The event envelope (DESIGN.md, Data → Events). Every event on the bus, in
 * the outbox and in a webhook body has this shape; `data` is checked against
 * the product catalog's schema for `type` at publish and again at consume.
 */
export const EventActor = z.object({
  type: z.enum(['user', 'apiKey', 'system', 'operator']),
  id: z.string().min(1),
});
export type EventActor = z.infer<typeof EventActor>;

export const EventEnvelope = z.object({
  /** uuid v7: sorts by creation; the dedupe key of every consumer. */
  id: z.uuid(),
  /** `halooid.<product>`. */
  source: z.string().regex(/^halooid\.[a-z][a-z0-9-]*$/),
  /** `<resource>.<verb>`, e.g. `task.created`. */
  type: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*$/),
  version: z.number().int().min(1),
  tenantId: z.uuid(),
  occurredAt: z.iso.datetime(),
  actor: EventActor,
  /** The request that caused it, when there was one. */
  correlationId: z.string().optional(),
  /** Bounded like every free-form JSON; the size stays under EventBridge's 256 KB per event. */
  data: jsonObject({ maxDepth: 16, maxBytes: 240_000 }),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** The public name of an event: `<product>.<resource>.<verb>` (webhooks, preferences, docs). */
export function eventName(event: Pick<EventEnvelope, 'source' | 'type'>): string {
  return `${event.source.replace(/^halooid\./, '')}.${event.type}`;
}

/** The shape EventBridge delivers to rule targets; patterns are written against it, locally too. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: EventEnvelope;
}

export function toBusEvent(
  envelope: EventEnvelope,
  where: { account?: string; region?: string } = {},
): BusEvent {
  return {
    version: '0',
    id: envelope.id,
    'detail-type': envelope.type,
    source: envelope.source,
    account: where.account ?? '000000000000',
    time: envelope.occurredAt.replace(/\.\d+Z$/, 'Z'),
    region: where.region ?? 'local',
    resources: [],
    detail: envelope,
  };
}
