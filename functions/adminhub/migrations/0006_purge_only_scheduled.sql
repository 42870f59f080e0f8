-- adminhub.purge_rows deletes a tenant's rows as the owner, and halooid_worker
-- is every worker's role (relay, webhooks, detectors, exports): a bug or an
-- injection in any of them must not be able to wipe a tenant. The function
-- now refuses unless an operator scheduled the tenant's deletion and it is
-- due, which is exactly when the deletion job calls it.
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
