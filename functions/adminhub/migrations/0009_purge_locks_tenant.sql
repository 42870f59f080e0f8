-- Tenant deletion and in-flight events. An event of a tenant being deleted
-- could be consumed while the deletion ran and leave an inbox row behind
-- (seen on PostgreSQL: one row of platform.inbox after "every row" was
-- deleted). purge_rows now locks the tenant row first; consumers lock it in
-- KEY SHARE mode and skip a tenant that no longer exists.

create or replace function adminhub.purge_rows(
  p_tenant uuid, p_table regclass, p_users uuid[] default '{}', p_cycle boolean default false)
  returns bigint
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    key text := adminhub.tenant_key_column(p_table);
    deleted bigint;
  begin
    if not exists (select 1 from adminhub.tenant_deletions d
                    where d.subject_tenant_id = p_tenant and d.status = 'scheduled' and d.due_at <= now()) then
      raise exception 'tenant % has no due deletion', p_tenant using errcode = '42501';
    end if;
    perform set_config('app.tenant_id', p_tenant::text, true);
    -- The tenant row stays locked to the end of the deletion's transaction: an event consumer
    -- takes a KEY SHARE lock on it before writing (shared/src/events/consumer.ts), so one that
    -- started earlier finishes first (and its rows are deleted here), and one that starts later
    -- waits, then finds no tenant and writes nothing.
    perform 1 from platform.tenants t where t.id = p_tenant for update;
    if p_cycle and key = 'tenant_id' then
      perform set_config('session_replication_role', 'replica', true);
      execute format('delete from %s t where t.tenant_id = $1', p_table) using p_tenant;
      get diagnostics deleted = row_count;
      perform set_config('session_replication_role', 'origin', true);
      return deleted;
    end if;
    if key = 'member' then
      execute format(
        'delete from %s t where t.id = any($1) and not exists (select 1 from platform.memberships m'
        ' where m.user_id = t.id)', p_table) using p_users;
    else
      execute format('delete from %s t where t.%I = $1', p_table, key) using p_tenant;
    end if;
    get diagnostics deleted = row_count;
    return deleted;
  end
  $$;
