-- AdminHub's audit log console and organization: search indexes over the
-- platform's audit log, its retention purge, and verified domains. The
-- organization profile itself lives in platform.tenants (name, settings):
-- one source of truth, nothing here.

-- Audit search (GET /v1/adminhub/audit). Every filter leads with the tenant
-- and ends with the list's order, so a filtered page walks one index range
-- newest first. text_pattern_ops lets `action like 'invantray.%'` (a prefix
-- filter) use the index whatever the database collation.
create index audit_log_action_idx
  on platform.audit_log (tenant_id, action text_pattern_ops, occurred_at desc, id desc);
create index audit_log_actor_idx on platform.audit_log (tenant_id, actor_id, occurred_at desc, id desc);
create index audit_log_target_idx
  on platform.audit_log (tenant_id, target_type, target_id, occurred_at desc, id desc);

-- Retention. halooid_app may only select and insert audit rows (platform
-- 0003): the log is append-only for requests. The one way to delete is this
-- function, owned by the migration owner and executable by halooid_worker
-- only (the daily retention job's role; a request login cannot become it).
-- It deletes nothing younger than 30 days whatever it is asked, so even a
-- misused worker cannot erase recent history. Each tenant is purged under its
-- own app.tenant_id, so the tenant_isolation policy holds for the owner too
-- where it does not bypass row-level security (Aurora's master user).
create function adminhub.purge_audit_log(p_tier text, p_retention_days integer)
  returns bigint
  language plpgsql
  security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    tenant record;
    deleted bigint := 0;
    batch bigint;
  begin
    if p_retention_days is null or p_retention_days < 30 then
      raise exception 'audit retention is at least 30 days (asked %)', p_retention_days
        using errcode = '22023';
    end if;
    for tenant in select id from platform.tenants where tier = p_tier loop
      perform set_config('app.tenant_id', tenant.id::text, true);
      delete from platform.audit_log
       where tenant_id = tenant.id
         and occurred_at < now() - make_interval(days => p_retention_days);
      get diagnostics batch = row_count;
      deleted := deleted + batch;
    end loop;
    perform set_config('app.tenant_id', '', true);
    return deleted;
  end
  $$;
revoke all on function adminhub.purge_audit_log(text, integer) from public;
grant usage on schema adminhub to halooid_worker;
grant execute on function adminhub.purge_audit_log(text, integer) to halooid_worker;

-- Verified domains: a tenant proves it owns a DNS name by publishing
-- `halooid-verification=<token>` as a TXT record of it.
create table adminhub.domains (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  id uuid not null,
  domain text not null check (char_length(domain) between 1 and 253),
  token text not null check (char_length(token) between 20 and 100),
  status text not null default 'pending' check (status in ('pending', 'verified')),
  created_by uuid,
  created_at timestamptz not null default now(),
  last_checked_at timestamptz,
  verified_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, domain)
);
create index domains_created_idx on adminhub.domains (tenant_id, created_at desc, id desc);
-- The one index not led by tenant_id, on purpose: a domain is verified by one
-- tenant at most, across tenants. A second tenant's verification hits this
-- (23505 → 409) although row-level security hides the first tenant's row.
create unique index domains_verified_once_idx on adminhub.domains (domain) where status = 'verified';

alter table adminhub.domains enable row level security;
alter table adminhub.domains force row level security;
create policy tenant_isolation on adminhub.domains
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update, delete on adminhub.domains to halooid_app;
