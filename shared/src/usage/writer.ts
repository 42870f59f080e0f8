import type { Tx } from '../db/transaction';
import { withTenantTransaction } from '../db/transaction';
import type { TenantBatch } from './buffer';

/**
 * Adds one tenant's batch to its rows: `+=` on every count and histogram
 * bucket, first/last seen widened. Two statements whatever the batch size
 * (the rows travel as one JSON parameter).
 */
export async function writeUsageBatch(tx: Tx, batch: TenantBatch): Promise<void> {
  if (batch.usage.length > 0) {
    await tx.query(
      `insert into platform.request_usage as r
              (tenant_id, hour, product, principal, requests, errors, client_errors, latency_ms_sum, latency_buckets)
       select $1, u.hour, u.product, u.principal, u.requests, u.errors, u."clientErrors", u."latencyMsSum",
              u."latencyBuckets"
         from jsonb_to_recordset($2::jsonb) as u(hour timestamptz, product text, principal text, requests integer,
              errors integer, "clientErrors" integer, "latencyMsSum" bigint, "latencyBuckets" integer[])
       on conflict (tenant_id, hour, product, principal) do update set
         requests = r.requests + excluded.requests,
         errors = r.errors + excluded.errors,
         client_errors = r.client_errors + excluded.client_errors,
         latency_ms_sum = r.latency_ms_sum + excluded.latency_ms_sum,
         latency_buckets = platform.add_buckets(r.latency_buckets, excluded.latency_buckets)`,
      [batch.tenantId, JSON.stringify(batch.usage)],
    );
  }
  if (batch.networks.length > 0) {
    await tx.query(
      `insert into platform.api_key_networks as n (tenant_id, key_id, network, first_seen, last_seen, requests)
       select $1, k."keyId", k.network, k."firstSeen", k."lastSeen", k.requests
         from jsonb_to_recordset($2::jsonb) as k("keyId" text, network text, "firstSeen" timestamptz,
              "lastSeen" timestamptz, requests bigint)
       on conflict (tenant_id, key_id, network) do update set
         first_seen = least(n.first_seen, excluded.first_seen),
         last_seen = greatest(n.last_seen, excluded.last_seen),
         requests = n.requests + excluded.requests`,
      [batch.tenantId, JSON.stringify(batch.networks)],
    );
  }
}

/** The production writer: each tenant's batch in that tenant's own transaction (RLS checks the rows). */
export function writeInTenantTransaction(batch: TenantBatch): Promise<void> {
  return withTenantTransaction({ tenantId: batch.tenantId }, (tx) => writeUsageBatch(tx, batch));
}
