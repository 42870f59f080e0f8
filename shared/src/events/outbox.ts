import type { Principal } from '../auth/principal';
import { getPool } from '../db/pool';
import { type TenantScope, type Tx, tenantBegin, withTenantTransaction } from '../db/transaction';
import { isUuid, uuidv7 } from '../ids';
import { createLogger } from '../observability';
import { type EventCatalog, type EventDataOf, type EventTypeOf, validateEventData } from './catalog';
import type { EventActor, EventEnvelope } from './envelope';
import './eventbridge-publisher';
import { type EventPublisher, getPublisher } from './publisher';
import { withWorkerTransaction } from './worker-transaction';

const logger = createLogger('platform-events');

/** Records events into `platform.outbox` inside the caller's transaction. */
export interface EventRecorder {
  record<C extends EventCatalog, T extends EventTypeOf<C>>(
    catalog: C,
    type: T,
    data: EventDataOf<C, T>,
  ): Promise<EventEnvelope>;
  /**
   * Several events of one catalog in one INSERT, in list order: the same
   * envelopes (ids made in that order), validation and transaction as that
   * many `record` calls, one round trip instead of one each.
   */
  recordAll<C extends EventCatalog>(catalog: C, events: readonly EventOf<C>[]): Promise<EventEnvelope[]>;
}

/** One event of a catalog, type and data checked together: `{ type: 'task.updated', data: {...} }`. */
export type EventOf<C extends EventCatalog> = {
  [T in EventTypeOf<C>]: { type: T; data: EventDataOf<C, T> };
}[EventTypeOf<C>];

export function actorOf(principal: Pick<Principal, 'principalId' | 'principalType'>): EventActor {
  return { type: principal.principalType, id: principal.principalId };
}

export const SYSTEM_ACTOR: EventActor = { type: 'system', id: 'halooid' };

export interface RecorderContext {
  tenantId: string;
  actor: EventActor;
  correlationId?: string;
  now?: () => Date;
  newId?: () => string;
}

/**
 * A recorder bound to one open transaction. The envelope is validated against
 * the catalog before it is written: an unknown type or bad data throws, so the
 * whole change rolls back (a programming error, caught by the tests).
 */
export function createEventRecorder(
  tx: Tx,
  context: RecorderContext,
  recorded: EventEnvelope[] = [],
): EventRecorder {
  const envelopeOf = (catalog: EventCatalog, type: string, data: unknown): EventEnvelope =>
    validateEventData([catalog], {
      id: (context.newId ?? uuidv7)(),
      source: catalog.source,
      type,
      version: catalog.events[type]?.version ?? 0,
      tenantId: context.tenantId,
      occurredAt: (context.now?.() ?? new Date()).toISOString(),
      actor: context.actor,
      ...(context.correlationId ? { correlationId: context.correlationId } : {}),
      data: data as Record<string, unknown>,
    });
  return {
    async record(catalog, type, data) {
      const [envelope] = await writeOutbox(tx, [envelopeOf(catalog, type, data)], recorded);
      return envelope as EventEnvelope;
    },
    async recordAll(catalog, events) {
      // Every envelope is built (and validated) before anything is written: a bad one writes none.
      return writeOutbox(
        tx,
        events.map((event) => envelopeOf(catalog, event.type, event.data)),
        recorded,
      );
    },
  };
}

/** One INSERT for any number of envelopes, kept in list order; then they join the list to publish after commit. */
async function writeOutbox(
  tx: Tx,
  envelopes: EventEnvelope[],
  recorded: EventEnvelope[],
): Promise<EventEnvelope[]> {
  if (envelopes.length === 0) return envelopes;
  await tx.query(
    `insert into platform.outbox (tenant_id, id, source, type, version, envelope, created_at)
     select e.tenant_id, e.id, e.source, e.type, e.version, e.envelope, e.created_at
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::jsonb[], $7::timestamptz[])
              with ordinality as e(tenant_id, id, source, type, version, envelope, created_at, n)
      order by e.n`,
    [
      envelopes.map((envelope) => envelope.tenantId),
      envelopes.map((envelope) => envelope.id),
      envelopes.map((envelope) => envelope.source),
      envelopes.map((envelope) => envelope.type),
      envelopes.map((envelope) => envelope.version),
      envelopes.map((envelope) => JSON.stringify(envelope)),
      envelopes.map((envelope) => envelope.occurredAt),
    ],
  );
  recorded.push(...envelopes);
  return envelopes;
}

export interface EventsScope extends TenantScope {
  tenantId: string;
  actor: EventActor;
  correlationId?: string;
}

/**
 * A request that records more events than this (a 5,000-row import) leaves
 * them all to the relay instead of publishing them before it answers:
 * publishing thousands of events inside the request would spend most of API
 * Gateway's 29 s on PutEvents batches. The rows are committed either way, so
 * nothing is lost; they reach the bus within the relay's period (a minute in
 * AWS) instead of at once.
 */
export const PUBLISH_INLINE_LIMIT = 100;

/**
 * The tenant transaction of a change that emits events: `work` records them in
 * the outbox in the same transaction; after COMMIT they are published and
 * marked sent (more than PUBLISH_INLINE_LIMIT: left to the relay). If
 * publishing fails (or the process dies first) the rows stay and the relay
 * publishes them; a rollback leaves no row and publishes nothing.
 */
export async function withTenantEvents<T>(
  scope: EventsScope,
  work: (tx: Tx, events: EventRecorder) => Promise<T>,
): Promise<T> {
  const recorded: EventEnvelope[] = [];
  const result = await withTenantTransaction({ tenantId: scope.tenantId, userId: scope.userId }, (tx) => {
    recorded.length = 0; // a retried transaction starts over
    return work(tx, createEventRecorder(tx, scope, recorded));
  });
  if (recorded.length > 0 && recorded.length <= PUBLISH_INLINE_LIMIT) await publishCommitted(recorded);
  return result;
}

/**
 * Publishes committed events and marks the accepted ones sent. Never throws:
 * whatever is not marked is the relay's job.
 */
export async function publishCommitted(
  events: readonly EventEnvelope[],
  publisher: EventPublisher = getPublisher(),
): Promise<void> {
  try {
    const { failed } = await publisher.publish(events);
    const failedIds = new Set(failed.map((failure) => failure.event.id));
    const sent = events.filter((event) => !failedIds.has(event.id));
    if (failed.length > 0)
      logger.warn('Events left in the outbox for the relay', {
        events: failed.map((failure) => ({ id: failure.event.id, error: failure.error })),
      });
    const byTenant = new Map<string, string[]>();
    for (const event of sent)
      byTenant.set(event.tenantId, [...(byTenant.get(event.tenantId) ?? []), event.id]);
    for (const [tenantId, ids] of byTenant) await markSent(tenantId, ids);
  } catch (error) {
    logger.warn('Publishing after commit failed; the relay will publish', { error: error as Error });
  }
}

const MARK_SENT = `update platform.outbox set published_at = now(), attempts = attempts + 1
  where tenant_id = $1 and id = any($2::uuid[]) and published_at is null`;

/**
 * Marks a tenant's published events sent. Every request that emits events
 * pays this after its commit, so it goes as one simple-query string (begin,
 * role and tenant, the update, commit: one round trip instead of three),
 * with the tenant and event ids as literals only once each matched the
 * strict UUID pattern, as withTenantTransaction's start does
 * (docs/decisions.md); anything else takes the parameterised path.
 */
async function markSent(tenantId: string, ids: readonly string[]): Promise<void> {
  if (!isUuid(tenantId) || !ids.every(isUuid)) {
    await withTenantTransaction({ tenantId }, (tx) => tx.query(MARK_SENT, [tenantId, ids]));
    return;
  }
  const client = await getPool().connect();
  try {
    await client.query(
      `${tenantBegin(tenantId, '')}; ${MARK_SENT.replace('$1', `'${tenantId}'`).replace(
        '$2',
        `'{${ids.join(',')}}'`,
      )}; commit`,
    );
    client.release();
  } catch (error) {
    // A failure inside the string leaves its transaction open: never hand that connection back.
    client.release(error as Error);
    throw error;
  }
}

export interface RelayOptions {
  publisher?: EventPublisher;
  /** Rows younger than this are left to the request that wrote them (default 5 s). */
  minAgeMs?: number;
  batchSize?: number;
  /** Stop after this many batches in one run (default 50). */
  maxBatches?: number;
  /** Published rows older than this are deleted (default 7 days); 0 keeps them. */
  retentionMs?: number;
}

export interface RelayResult {
  published: number;
  failed: number;
  purged: number;
}

/**
 * The scheduled relay: publishes outbox rows nobody marked sent, oldest first,
 * across tenants (as `halooid_worker`). Reading, publishing and marking are
 * separate short transactions, so no transaction waits on the bus. Two relays
 * running at once may both publish a row: delivery is at-least-once and
 * consumers dedupe on the event id.
 */
export async function relayOutbox(options: RelayOptions = {}): Promise<RelayResult> {
  const publisher = options.publisher ?? getPublisher();
  const minAgeMs = options.minAgeMs ?? 5_000;
  const batchSize = options.batchSize ?? 100;
  const result: RelayResult = { published: 0, failed: 0, purged: 0 };
  const skip = new Set<string>();
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const rows = await withWorkerTransaction((tx) =>
      tx.query<{ envelope: EventEnvelope }>(
        `select envelope from platform.outbox
          where published_at is null and created_at <= now() - make_interval(secs => $1::float8 / 1000)
            and not (id = any($3::uuid[]))
          order by created_at, id
          limit $2`,
        [minAgeMs, batchSize, [...skip]],
      ),
    );
    if (rows.rows.length === 0) break;
    const events = rows.rows.map((row) => row.envelope);
    const { failed } = await publisher.publish(events).catch((error: Error) => ({
      failed: events.map((event) => ({ event, error: error.message })),
    }));
    const failedIds = new Set(failed.map((failure) => failure.event.id));
    const sentIds = events.filter((event) => !failedIds.has(event.id)).map((event) => event.id);
    await withWorkerTransaction(async (tx) => {
      if (sentIds.length > 0)
        await tx.query(
          `update platform.outbox set published_at = now(), attempts = attempts + 1
            where id = any($1::uuid[]) and published_at is null`,
          [sentIds],
        );
      for (const failure of failed) {
        await tx.query(`update platform.outbox set attempts = attempts + 1, last_error = $2 where id = $1`, [
          failure.event.id,
          failure.error.slice(0, 1000),
        ]);
      }
    });
    for (const id of failedIds) skip.add(id);
    result.published += sentIds.length;
    result.failed += failed.length;
    if (rows.rows.length < batchSize) break;
  }
  const retentionMs = options.retentionMs ?? 7 * 24 * 3_600_000;
  if (retentionMs > 0) {
    const purged = await withWorkerTransaction((tx) =>
      tx.query(
        `delete from platform.outbox where published_at < now() - make_interval(secs => $1::float8 / 1000)`,
        [retentionMs],
      ),
    );
    result.purged = purged.rowCount ?? 0;
  }
  if (result.failed > 0) logger.warn('Relay left events in the outbox', { ...result });
  return result;
}
