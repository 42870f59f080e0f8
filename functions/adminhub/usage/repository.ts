import type { Tx } from '@halooid/shared/db/transaction';
import type { Tier } from '@halooid/shared/tenancy';

/**
 * SQL of the usage page. Every statement filters by the caller's tenant (RLS
 * is the backstop); platform tables are read, never written.
 */
export interface CountsRow {
  requests: number;
  errors: number;
  client_errors: number;
}

export async function selectTier(tx: Tx, tenantId: string): Promise<Tier | undefined> {
  const { rows } = await tx.query<{ tier: Tier }>('select tier from platform.tenants where id = $1', [
    tenantId,
  ]);
  return rows[0]?.tier;
}

export async function selectDays(tx: Tx, tenantId: string, from: Date) {
  const { rows } = await tx.query<CountsRow & { day: string }>(
    `select to_char(hour at time zone 'UTC', 'YYYY-MM-DD') as day, sum(requests)::int as requests,
            sum(errors)::int as errors, sum(client_errors)::int as client_errors
       from platform.request_usage
      where tenant_id = $1 and hour >= $2
      group by 1`,
    [tenantId, from],
  );
  return rows;
}

export async function selectByPrincipal(tx: Tx, tenantId: string, from: Date) {
  const { rows } = await tx.query<CountsRow & { principal: string }>(
    `select principal, sum(requests)::int as requests, sum(errors)::int as errors,
            sum(client_errors)::int as client_errors
       from platform.request_usage
      where tenant_id = $1 and hour >= $2
      group by principal
      order by 2 desc, principal`,
    [tenantId, from],
  );
  return rows;
}

export async function selectKeyNetworks(tx: Tx, tenantId: string, from: Date) {
  const { rows } = await tx.query<{ key_id: string; network: string; requests: number; last_seen: Date }>(
    `select key_id, network, requests, last_seen
       from platform.api_key_networks
      where tenant_id = $1 and last_seen >= $2
      order by key_id, requests desc, network`,
    [tenantId, from],
  );
  return rows;
}

export interface ProductHourRow extends CountsRow {
  product: string;
  hour: Date;
  latency_buckets: number[];
}

/** Hourly rows per product (all principals added up) since `from`. */
export async function selectProductHours(tx: Tx, tenantId: string, from: Date): Promise<ProductHourRow[]> {
  const { rows } = await tx.query<ProductHourRow>(
    `select product, hour, sum(requests)::int as requests, sum(errors)::int as errors,
            sum(client_errors)::int as client_errors, platform.sum_buckets(latency_buckets) as latency_buckets
       from platform.request_usage
      where tenant_id = $1 and hour >= $2
      group by product, hour
      order by product, hour`,
    [tenantId, from],
  );
  return rows;
}

export interface TenantTable {
  table: string;
  bytes: number;
  tuples: number;
}

/**
 * The tables that hold tenants' rows (a `tenant_id` column) this role may
 * read, with their whole size (heap, indexes, TOAST) and the planner's row
 * estimate: the basis of the per-tenant storage estimate.
 */
export async function selectTenantTables(tx: Tx): Promise<TenantTable[]> {
  const { rows } = await tx.query<TenantTable>(
    `select c.oid::regclass::text as table, pg_total_relation_size(c.oid) as bytes,
            greatest(c.reltuples, 0)::float8 as tuples
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind = 'r' and not c.relispartition
        and n.nspname not in ('pg_catalog', 'information_schema')
        and has_table_privilege(c.oid, 'select')
      order by 1`,
  );
  return rows;
}

/** The tenant's rows in one table; `table` is a catalog name (regclass text, already quoted). */
export async function countTenantRows(tx: Tx, table: string, tenantId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    `select count(*)::int as count from ${table} where tenant_id = $1`,
    [tenantId],
  );
  return rows[0]?.count ?? 0;
}

export async function selectDeliveryOutcomes(tx: Tx, tenantId: string, since: Date) {
  const { rows } = await tx.query<{ succeeded: number; failed: number; pending: number }>(
    `select count(*) filter (where status = 'succeeded')::int as succeeded,
            count(*) filter (where status = 'failed')::int as failed,
            count(*) filter (where status = 'pending')::int as pending
       from platform.webhook_deliveries
      where tenant_id = $1 and created_at >= $2`,
    [tenantId, since],
  );
  return rows[0] ?? { succeeded: 0, failed: 0, pending: 0 };
}

export interface FailingWebhookRow {
  id: string;
  url: string;
  enabled: boolean;
  failing_since: Date | null;
  disabled_reason: string | null;
  failed: number;
  last_status_code: number | null;
}

/** Webhooks failing now (failing since, disabled for failures) or with failed deliveries since `since`. */
export async function selectFailingWebhooks(
  tx: Tx,
  tenantId: string,
  since: Date,
): Promise<FailingWebhookRow[]> {
  const { rows } = await tx.query<FailingWebhookRow>(
    `select w.id, w.url, w.enabled, w.failing_since, w.disabled_reason, f.failed,
            (select d.last_status_code from platform.webhook_deliveries d
              where d.tenant_id = w.tenant_id and d.webhook_id = w.id and d.attempts > 0
              order by d.updated_at desc, d.id desc limit 1) as last_status_code
       from platform.webhooks w
       cross join lateral (
         select count(*)::int as failed from platform.webhook_deliveries d
          where d.tenant_id = w.tenant_id and d.webhook_id = w.id and d.status = 'failed' and d.created_at >= $2
       ) f
      where w.tenant_id = $1
        and (w.failing_since is not null or w.disabled_reason is not null or f.failed > 0)
      order by w.failing_since nulls last, f.failed desc, w.id`,
    [tenantId, since],
  );
  return rows;
}
