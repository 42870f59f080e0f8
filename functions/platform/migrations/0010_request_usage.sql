-- Request usage: what every tenant's API calls cost, by hour, product and
-- principal, and the client networks each API key is used from.
--
-- The functions' HTTP adapter counts requests in memory and flushes them here
-- in batches (shared/src/usage/recorder.ts): one upsert adds (`+=`) a batch's
-- counts to the hour's row, so no request waits for a write of its own. The
-- latency histogram has fixed bucket bounds (shared/src/usage/histogram.ts),
-- so hourly rows add up element by element and a p95 over any window is read
-- from the summed buckets.

create table platform.request_usage (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  -- The start of the UTC hour.
  hour timestamptz not null,
  product text not null check (char_length(product) <= 64),
  -- 'user' or 'apikey:<keyId>'.
  principal text not null check (char_length(principal) <= 200),
  requests integer not null default 0,
  -- 5xx answers.
  errors integer not null default 0,
  -- 4xx answers.
  client_errors integer not null default 0,
  latency_ms_sum bigint not null default 0,
  latency_buckets integer[] not null,
  primary key (tenant_id, hour, product, principal)
);

alter table platform.request_usage enable row level security;
alter table platform.request_usage force row level security;
create policy tenant_isolation on platform.request_usage
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update on platform.request_usage to halooid_app;
-- Detectors and reports that span tenants read it as the worker.
create policy usage_reports on platform.request_usage for select to halooid_worker using (true);
grant select on platform.request_usage to halooid_worker;

-- The networks (IPv4 /24, IPv6 /48) an API key is called from: the alerts'
-- "new IP range" baseline and the tenant's view of where its keys are used.
create table platform.api_key_networks (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  key_id text not null check (char_length(key_id) <= 100),
  network text not null check (char_length(network) <= 64),
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  requests bigint not null default 0,
  primary key (tenant_id, key_id, network)
);

alter table platform.api_key_networks enable row level security;
alter table platform.api_key_networks force row level security;
create policy tenant_isolation on platform.api_key_networks
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update on platform.api_key_networks to halooid_app;
create policy usage_reports on platform.api_key_networks for select to halooid_worker using (true);
grant select on platform.api_key_networks to halooid_worker;

-- Element-wise sum of two histograms (a missing or shorter one counts as zeros).
create function platform.add_buckets(a integer[], b integer[]) returns integer[]
  language sql immutable parallel safe
  set search_path = pg_catalog, pg_temp
  as $$
    select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by n), '{}')
      from unnest(a, b) with ordinality as t(x, y, n)
  $$;
create aggregate platform.sum_buckets(integer[]) (
  sfunc = platform.add_buckets,
  stype = integer[],
  initcond = '{}'
);
grant execute on function platform.add_buckets(integer[], integer[]) to halooid_app, halooid_worker;
grant execute on function platform.sum_buckets(integer[]) to halooid_app, halooid_worker;

-- Operators read the whole platform's usage and backlogs, never a tenant's
-- rows: the functions below return aggregates only and run as
-- halooid_monitor, a role that owns nothing, cannot bypass RLS and may read
-- just the columns they add up (the pattern of platform.my_tenants in 0007).
-- Only the operator console's role and the worker may call them, and they
-- refuse to run inside a tenant's transaction (an operator's read has none).
-- halooid_operator (the operator console's role, platform/0011, which gives
-- it its grants) is created here already so these functions can name it.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_monitor') then
    create role halooid_monitor nologin nobypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'halooid_operator') then
    create role halooid_operator nologin nobypassrls;
  end if;
end
$$;
grant halooid_monitor to current_user;
grant usage on schema platform to halooid_monitor;
grant select on platform.request_usage to halooid_monitor;
grant select (id, name, slug, tier, status) on platform.tenants to halooid_monitor;
grant select (tenant_id, created_at, published_at) on platform.outbox to halooid_monitor;
grant select (tenant_id, status, created_at, next_attempt_at) on platform.webhook_deliveries to halooid_monitor;
create policy monitor on platform.request_usage for select to halooid_monitor using (true);
create policy monitor on platform.tenants for select to halooid_monitor using (true);
create policy monitor on platform.outbox for select to halooid_monitor using (true);
create policy monitor on platform.webhook_deliveries for select to halooid_monitor using (true);
grant execute on function platform.add_buckets(integer[], integer[]) to halooid_monitor, halooid_operator;
grant execute on function platform.sum_buckets(integer[]) to halooid_monitor, halooid_operator;

create function platform.operator_only() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
  as $$
  begin
    if platform.current_tenant_id() is not null then
      raise exception 'platform-wide usage is for operators, outside any tenant' using errcode = '42501';
    end if;
  end
  $$;

-- Tenants by requests since a time, with their tier and status.
create function platform.usage_top_tenants(since timestamptz, max_rows integer)
  returns table (tenant_id uuid, name text, slug text, tier text, status text,
                 requests bigint, errors bigint, client_errors bigint)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
  begin
    perform platform.operator_only();
    return query
      select t.id, t.name, t.slug, t.tier, t.status,
             sum(u.requests)::bigint, sum(u.errors)::bigint, sum(u.client_errors)::bigint
        from platform.request_usage u
        join platform.tenants t on t.id = u.tenant_id
       where u.hour >= date_trunc('hour', since)
       group by t.id, t.name, t.slug, t.tier, t.status
       order by 6 desc, t.id
       limit least(greatest(max_rows, 1), 1000);
  end
  $$;

-- Every tenant's requests by product and hour: the local metrics source.
create function platform.usage_by_product(since timestamptz)
  returns table (product text, hour timestamptz, requests bigint, errors bigint, client_errors bigint,
                 latency_ms_sum bigint, latency_buckets integer[])
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
  begin
    perform platform.operator_only();
    return query
      select u.product, u.hour, sum(u.requests)::bigint, sum(u.errors)::bigint,
             sum(u.client_errors)::bigint, sum(u.latency_ms_sum)::bigint, platform.sum_buckets(u.latency_buckets)
        from platform.request_usage u
       where u.hour >= date_trunc('hour', since)
       group by u.product, u.hour
       order by u.product, u.hour;
  end
  $$;

-- The queues the platform keeps in Postgres: unpublished outbox events and
-- webhook deliveries waiting for an attempt.
create function platform.platform_backlogs()
  returns table (outbox_pending bigint, outbox_oldest timestamptz, webhook_pending bigint,
                 webhook_oldest timestamptz, webhook_failed_24h bigint)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
  begin
    perform platform.operator_only();
    return query
      select (select count(*) from platform.outbox o where o.published_at is null),
             (select min(o.created_at) from platform.outbox o where o.published_at is null),
             (select count(*) from platform.webhook_deliveries d where d.status = 'pending'),
             (select min(d.created_at) from platform.webhook_deliveries d where d.status = 'pending'),
             (select count(*) from platform.webhook_deliveries d
               where d.status = 'failed' and d.created_at > now() - interval '24 hours');
  end
  $$;

grant create on schema platform to halooid_monitor;
alter function platform.usage_top_tenants(timestamptz, integer) owner to halooid_monitor;
alter function platform.usage_by_product(timestamptz) owner to halooid_monitor;
alter function platform.platform_backlogs() owner to halooid_monitor;
revoke create on schema platform from halooid_monitor;
revoke all on function platform.operator_only() from public;
revoke all on function platform.usage_top_tenants(timestamptz, integer) from public;
revoke all on function platform.usage_by_product(timestamptz) from public;
revoke all on function platform.platform_backlogs() from public;
-- Operators (and platform jobs) only: a tenant request's role cannot call them at all.
grant execute on function platform.operator_only() to halooid_monitor;
grant execute on function platform.usage_top_tenants(timestamptz, integer) to halooid_operator, halooid_worker;
grant execute on function platform.usage_by_product(timestamptz) to halooid_operator, halooid_worker;
grant execute on function platform.platform_backlogs() to halooid_operator, halooid_worker;
