import {
  afterCursor,
  decodeCursor,
  orderBy,
  parseSort,
  type SortColumn,
  sortValuesSelect,
  toPage,
} from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { ListQuery, UpdateWebhookInput, Webhook, WebhookDelivery } from './schemas';

interface WebhookRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const WEBHOOK_COLUMNS =
  'id, url, description, events, enabled, disabled_reason, failing_since, created_by, created_at, updated_at';

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since?.toISOString() ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

async function page<Row extends Record<string, unknown>, Item>(
  tx: Tx,
  table: string,
  columns: string,
  where: string[],
  params: unknown[],
  query: ListQuery,
  map: (row: Row) => Item,
) {
  const terms = parseSort(undefined, SORTS, '-createdAt');
  const all = [...params];
  const conditions = [...where];
  if (query.cursor) {
    const cursor = afterCursor(terms, decodeCursor(terms, query.cursor), all.length + 1);
    all.push(...cursor.params);
    conditions.push(cursor.sql);
  }
  all.push(query.limit + 1);
  const { rows } = await tx.query<Row>(
    `select ${columns}, ${sortValuesSelect(terms)} from ${table}
      where ${conditions.join(' and ')} order by ${orderBy(terms)} limit $${all.length}`,
    all,
  );
  return toPage(rows, query.limit, terms, map);
}

export function listWebhooks(tx: Tx, tenantId: string, query: ListQuery) {
  return page<WebhookRow & Record<string, unknown>, Webhook>(
    tx,
    'platform.webhooks',
    WEBHOOK_COLUMNS,
    ['tenant_id = $1'],
    [tenantId],
    query,
    toWebhook,
  );
}

export async function findWebhook(tx: Tx, tenantId: string, id: string): Promise<Webhook | undefined> {
  const { rows } = await tx.query<WebhookRow>(
    `select ${WEBHOOK_COLUMNS} from platform.webhooks where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return rows[0] && toWebhook(rows[0]);
}

/**
 * How many webhooks the tenant has, counted under a per-tenant transaction
 * lock so two concurrent creates cannot both pass the tier's cap.
 */
export async function countWebhooksForCreate(tx: Tx, tenantId: string): Promise<number> {
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`webhooks:${tenantId}`]);
  const { rows } = await tx.query<{ count: number }>(
    'select count(*)::int as count from platform.webhooks where tenant_id = $1',
    [tenantId],
  );
  return rows[0]?.count ?? 0;
}

export async function insertWebhook(
  tx: Tx,
  webhook: {
    tenantId: string;
    id: string;
    url: string;
    description: string;
    events: string[];
    enabled: boolean;
    /** Sealed (secrets.ts sealWebhookSecret): never plain text in the row. */
    secret: string;
    createdBy: string;
  },
): Promise<Webhook> {
  const { rows } = await tx.query<WebhookRow>(
    `insert into platform.webhooks (tenant_id, id, url, description, events, enabled, secret, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${WEBHOOK_COLUMNS}`,
    [
      webhook.tenantId,
      webhook.id,
      webhook.url,
      webhook.description,
      webhook.events,
      webhook.enabled,
      webhook.secret,
      webhook.createdBy,
    ],
  );
  return toWebhook(rows[0] as WebhookRow);
}

export async function updateWebhook(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: UpdateWebhookInput,
): Promise<Webhook | undefined> {
  const params: unknown[] = [tenantId, id];
  const sets: string[] = [];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (changes.url !== undefined) set('url', changes.url);
  if (changes.events !== undefined) set('events', changes.events);
  if (changes.description !== undefined) set('description', changes.description);
  if (changes.enabled !== undefined) {
    set('enabled', changes.enabled);
    if (changes.enabled) sets.push('failing_since = null', 'disabled_reason = null');
  }
  const { rows } = await tx.query<WebhookRow>(
    `update platform.webhooks set ${sets.join(', ')}, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 returning ${WEBHOOK_COLUMNS}`,
    params,
  );
  return rows[0] && toWebhook(rows[0]);
}

export async function deleteWebhook(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from platform.webhooks where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function enabledWebhooks(tx: Tx, tenantId: string): Promise<{ id: string; events: string[] }[]> {
  const { rows } = await tx.query<{ id: string; events: string[] }>(
    'select id, events from platform.webhooks where tenant_id = $1 and enabled',
    [tenantId],
  );
  return rows;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDelivery['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  next_attempt_at: Date | null;
  redelivery_of: string | null;
  created_at: Date;
  completed_at: Date | null;
}

const DELIVERY_COLUMNS = `id, webhook_id, event_id, event_type, status, attempts, last_status_code, last_error,
  last_duration_ms, next_attempt_at, redelivery_of, created_at, completed_at`;

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    responseCode: row.last_status_code,
    error: row.last_error,
    durationMs: row.last_duration_ms,
    nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    redeliveryOf: row.redelivery_of,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

export function listDeliveries(tx: Tx, tenantId: string, webhookId: string, query: ListQuery) {
  return page<DeliveryRow & Record<string, unknown>, WebhookDelivery>(
    tx,
    'platform.webhook_deliveries',
    DELIVERY_COLUMNS,
    ['tenant_id = $1', 'webhook_id = $2'],
    [tenantId, webhookId],
    query,
    toDelivery,
  );
}

export async function insertDelivery(
  tx: Tx,
  delivery: {
    tenantId: string;
    id: string;
    webhookId: string;
    eventId: string;
    eventType: string;
    payload: unknown;
    redeliveryOf?: string;
  },
): Promise<WebhookDelivery> {
  const { rows } = await tx.query<DeliveryRow>(
    `insert into platform.webhook_deliveries
       (tenant_id, id, webhook_id, event_id, event_type, payload, next_attempt_at, redelivery_of)
     values ($1, $2, $3, $4, $5, $6, now(), $7) returning ${DELIVERY_COLUMNS}`,
    [
      delivery.tenantId,
      delivery.id,
      delivery.webhookId,
      delivery.eventId,
      delivery.eventType,
      delivery.payload,
      delivery.redeliveryOf ?? null,
    ],
  );
  return toDelivery(rows[0] as DeliveryRow);
}

export async function findDeliveryPayload(
  tx: Tx,
  tenantId: string,
  webhookId: string,
  id: string,
): Promise<{ eventId: string; eventType: string; payload: unknown } | undefined> {
  const { rows } = await tx.query<{ event_id: string; event_type: string; payload: unknown }>(
    `select event_id, event_type, payload from platform.webhook_deliveries
      where tenant_id = $1 and webhook_id = $2 and id = $3`,
    [tenantId, webhookId, id],
  );
  const row = rows[0];
  return row && { eventId: row.event_id, eventType: row.event_type, payload: row.payload };
}
