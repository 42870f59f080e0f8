import type { Tx } from '@halooid/shared/db/transaction';
import type { Tier } from '@halooid/shared/tenancy';

/**
 * The operator's reads. The platform-wide ones go through platform/0010's
 * functions, which return aggregates only and run for operators outside any
 * tenant; pg_stat_activity and the server settings are Postgres' own.
 */
export async function selectDatabaseStats(tx: Tx) {
  const { rows } = await tx.query<{
    connections: number;
    max_connections: number | null;
    replication_lag_seconds: number | null;
  }>(
    `select (select count(*) from pg_stat_activity)::int as connections,
            current_setting('max_connections', true)::int as max_connections,
            case when pg_is_in_recovery()
                 then extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 end
              as replication_lag_seconds`,
  );
  return rows[0] ?? { connections: 0, max_connections: null, replication_lag_seconds: null };
}

export async function selectBacklogs(tx: Tx) {
  const { rows } = await tx.query<{
    outbox_pending: number;
    outbox_oldest: Date | null;
    webhook_pending: number;
    webhook_oldest: Date | null;
    webhook_failed_24h: number;
  }>('select * from platform.platform_backlogs()');
  return (
    rows[0] ?? {
      outbox_pending: 0,
      outbox_oldest: null,
      webhook_pending: 0,
      webhook_oldest: null,
      webhook_failed_24h: 0,
    }
  );
}

export interface TopTenantRow {
  tenant_id: string;
  name: string;
  slug: string;
  tier: Tier;
  status: 'active' | 'disabled' | 'suspended';
  requests: number;
  errors: number;
  client_errors: number;
}

export async function selectTopTenants(tx: Tx, since: Date, limit: number): Promise<TopTenantRow[]> {
  const { rows } = await tx.query<TopTenantRow>('select * from platform.usage_top_tenants($1, $2)', [
    since,
    limit,
  ]);
  return rows;
}
