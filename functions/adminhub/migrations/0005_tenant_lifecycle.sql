-- Tenant lifecycle (docs/adminhub.md "Tenant data export and deletion"):
-- exports of every row a tenant has, in every product, and the deletion of a
-- tenant after a grace period. The tables that hold a tenant's rows are found
-- in the catalog (adminhub.tenant_tables), so a new product's tables are
-- exported and deleted without an edit here.

-- An export: asked for by a tenant admin or an operator, produced by the
-- export job (functions/adminhub/data-exports/export-job.ts), kept in S3 under
-- tenants/<tenant_id>/exports/<id>.jsonl.gz. Tenant-owned.
create table adminhub.data_exports (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  id uuid not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'ready', 'failed')),
  requested_by text not null check (char_length(requested_by) <= 200),
  requested_by_type text not null check (requested_by_type in ('user', 'apiKey', 'operator')),
  object_key text check (char_length(object_key) <= 300),
  -- [{ "table": "schema.name", "rows": n }] as the archive's manifest line says.
  table_counts jsonb,
  row_count bigint,
  size_bytes bigint,
  attempts integer not null default 0,
  error text check (char_length(error) <= 500),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  primary key (tenant_id, id),
  check ((status = 'ready') = (object_key is not null and completed_at is not null))
);
create index data_exports_created_idx on adminhub.data_exports (tenant_id, created_at desc, id desc);
-- The job's queue: small, since ready and failed exports leave it.
create index data_exports_queue_idx on adminhub.data_exports (tenant_id, created_at)
  where status in ('queued', 'running');

alter table adminhub.data_exports enable row level security;
alter table adminhub.data_exports force row level security;
create policy tenant_isolation on adminhub.data_exports
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
-- Admins ask for exports and read them; only the job changes them.
grant select, insert on adminhub.data_exports to halooid_app;

-- The export and deletion jobs (halooid_worker) take exports of every tenant.
grant usage on schema adminhub to halooid_worker;
grant select, update on adminhub.data_exports to halooid_worker;
create policy lifecycle_jobs on adminhub.data_exports to halooid_worker using (true) with check (true);

-- A tenant's deletion, scheduled by an operator, cancelled by one, or carried
-- out by the deletion job when due. Not a tenant table (no tenant_id): it is
-- the operators' record of a tenant that, once deleted, has no rows left, so
-- it must outlive it. subject_tenant_id is deliberately not a foreign key.
create table adminhub.tenant_deletions (
  id uuid primary key,
  subject_tenant_id uuid not null,
  tenant_slug text not null,
  tenant_name text not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled', 'completed')),
  -- The tenant was active when the deletion was scheduled: a cancellation resumes it.
  suspended_by_deletion boolean not null,
  due_at timestamptz not null,
  requested_by text not null,
  requested_at timestamptz not null default now(),
  cancelled_by text,
  cancelled_at timestamptz,
  completed_at timestamptz,
  -- { "schema.table": rows deleted } and the count of S3 objects removed.
  deleted_rows jsonb,
  deleted_objects integer,
  deleted_users integer
);
-- At most one pending deletion per tenant.
create unique index tenant_deletions_pending_idx on adminhub.tenant_deletions (subject_tenant_id)
  where status = 'scheduled';
create index tenant_deletions_due_idx on adminhub.tenant_deletions (due_at) where status = 'scheduled';
alter table adminhub.tenant_deletions enable row level security;
alter table adminhub.tenant_deletions force row level security;
-- No grant to halooid_app: tenants never see or change it. The job reads the due ones.
grant select, update on adminhub.tenant_deletions to halooid_worker;
create policy lifecycle_jobs on adminhub.tenant_deletions to halooid_worker using (true) with check (true);
-- The job records what it did in the operators' audit (platform/0011), as the lifecycle job.
grant insert on platform.operator_audit to halooid_worker;
create policy lifecycle_jobs on platform.operator_audit for insert to halooid_worker
  with check (operator_id = 'system:tenant-lifecycle' and action like 'adminhub.tenant.%');

-- The operator console (halooid_operator, platform/0011) asks for exports of
-- any tenant and reads them by id; it schedules and cancels deletions. It
-- writes only the tenant its transaction points at (app.tenant_id).
grant usage on schema adminhub to halooid_operator;
grant select, insert on adminhub.data_exports to halooid_operator;
create policy operator_console on adminhub.data_exports for select to halooid_operator using (true);
grant select, insert, update on adminhub.tenant_deletions to halooid_operator;
create policy operator_console on adminhub.tenant_deletions to halooid_operator
  using (true)
  with check (subject_tenant_id = platform.current_tenant_id());

-- Every table that holds rows of a tenant, and the column that says whose:
-- each table (not partition) of a non-system schema with a `tenant_id uuid`
-- column, plus platform.tenants itself (its `id`) and platform.users, whose
-- rows belong to a tenant through its memberships (`member`). The operators'
-- audit stays out: it is the record of what operators did to a tenant,
-- deletion included, and outlives it (docs/decisions.md).
-- By oid too: the job's role has no USAGE on the products' schemas, so it
-- cannot name their tables; it passes the oid back.
create function adminhub.tenant_tables()
  returns table (table_oid oid, table_name text, key_column text)
  language sql stable
  set search_path = pg_catalog, pg_temp
  as $$
    select c.oid, format('%I.%I', n.nspname, c.relname), 'tenant_id'
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid
     where c.relkind in ('r', 'p') and not c.relispartition
       and a.attname = 'tenant_id' and a.atttypid = 'uuid'::regtype and not a.attisdropped
       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%'
       and c.oid <> 'platform.operator_audit'::regclass
    union all select 'platform.tenants'::regclass::oid, 'platform.tenants', 'id'
    union all select 'platform.users'::regclass::oid, 'platform.users', 'member'
    order by 2
  $$;

-- The key column of a tenant table, or an error: the two functions below run
-- as their owner and must never be pointed at anything else.
create function adminhub.tenant_key_column(p_table regclass)
  returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    key text;
  begin
    select t.key_column into key from adminhub.tenant_tables() t where t.table_oid = p_table::oid;
    if key is null then
      raise exception '% holds no tenant rows', p_table using errcode = '42501';
    end if;
    return key;
  end
  $$;

-- Every row one tenant has in one table, as JSON (column names as keys;
-- sealed columns stay sealed: their bytes come out as they are stored).
-- Runs as the owner so that every product's table is readable by the export
-- job, with RLS set to the tenant and the tenant filter besides.
create function adminhub.export_rows(p_tenant uuid, p_table regclass)
  returns setof jsonb
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    key text := adminhub.tenant_key_column(p_table);
  begin
    perform set_config('app.tenant_id', p_tenant::text, true);
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

-- Deletes every row one tenant has in one table; answers how many. Users are
-- deleted only when they belong to no other tenant (and the caller has
-- deleted this tenant's memberships first). `p_cycle`: the table is in a
-- cycle of foreign keys with other tables of the tenant whose rows are all
-- being deleted in this transaction (qultrix departments and employees point
-- at each other); no order can delete them with the keys checked, so this
-- statement runs with triggers (foreign key checks and cascades) off
-- (session_replication_role = replica), and only this statement.
create function adminhub.purge_rows(
  p_tenant uuid, p_table regclass, p_users uuid[] default '{}', p_cycle boolean default false)
  returns bigint
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    key text := adminhub.tenant_key_column(p_table);
    deleted bigint;
  begin
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

revoke all on function adminhub.tenant_tables() from public;
revoke all on function adminhub.tenant_key_column(regclass) from public;
revoke all on function adminhub.export_rows(uuid, regclass) from public;
revoke all on function adminhub.purge_rows(uuid, regclass, uuid[], boolean) from public;
grant execute on function adminhub.tenant_tables() to halooid_worker;
grant execute on function adminhub.tenant_key_column(regclass) to halooid_worker;
grant execute on function adminhub.export_rows(uuid, regclass) to halooid_worker;
grant execute on function adminhub.purge_rows(uuid, regclass, uuid[], boolean) to halooid_worker;
