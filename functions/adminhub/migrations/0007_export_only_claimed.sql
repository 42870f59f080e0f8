-- adminhub.export_rows reads every row a tenant has, as the owner, and
-- halooid_worker is every worker's role. Like purge_rows (0006) it now
-- refuses unless the lifecycle jobs are at work on that tenant: an export of
-- it claimed by the export job (`running`), or its deletion scheduled and due
-- (the deletion job lists the tenant's members with it before purging).
create or replace function adminhub.export_rows(p_tenant uuid, p_table regclass)
  returns setof jsonb
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    key text := adminhub.tenant_key_column(p_table);
  begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    if not exists (select 1 from adminhub.data_exports e where e.tenant_id = p_tenant and e.status = 'running')
       and not exists (select 1 from adminhub.tenant_deletions d
                        where d.subject_tenant_id = p_tenant and d.status = 'scheduled' and d.due_at <= now()) then
      raise exception 'tenant % has no export running and no due deletion', p_tenant using errcode = '42501';
    end if;
    if key = 'member' then
      return query execute format(
        'select to_jsonb(t) from %s t where exists (select 1 from platform.memberships m'
        ' where m.tenant_id = $1 and m.user_id = t.id) order by t.id', p_table) using p_tenant;
    else
      return query execute format('select to_jsonb(t) from %s t where t.%I = $1', p_table, key)
        using p_tenant;
    end if;
  end
  $$;
