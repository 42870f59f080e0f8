-- Events: the transactional outbox and the consumers' inbox.
--
-- A change writes its events to platform.outbox in its own tenant
-- transaction; after COMMIT the kernel publishes them and sets published_at;
-- the scheduled relay publishes whatever is left, oldest first. A consumer
-- records (event id, consumer) in platform.inbox in the same transaction as
-- its effect, so a redelivered event has no second effect.

-- Platform jobs that by design span tenants (outbox relay, webhook delivery
-- worker) run as halooid_worker: no BYPASSRLS, owns nothing; the policies
-- below open exactly the rows those jobs need.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_worker') then
    create role halooid_worker nologin nobypassrls;
  end if;
end
$$;
grant halooid_worker to current_user;
grant halooid_worker to halooid_app_login;
grant usage on schema platform to halooid_worker;

create table platform.outbox (
  tenant_id uuid not null,
  id uuid not null,
  source text not null,
  type text not null,
  version integer not null,
  envelope jsonb not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  primary key (tenant_id, id)
);
-- The relay's scan: unpublished rows, oldest first, across tenants.
create index outbox_pending_idx on platform.outbox (created_at, id) where published_at is null;
create index outbox_published_idx on platform.outbox (published_at) where published_at is not null;
create unique index outbox_id_idx on platform.outbox (id);

alter table platform.outbox enable row level security;
alter table platform.outbox force row level security;
create policy tenant_isolation on platform.outbox
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
create policy relay on platform.outbox to halooid_worker using (true) with check (true);
grant select, insert, update on platform.outbox to halooid_app;
grant select, update, delete on platform.outbox to halooid_worker;

create table platform.inbox (
  tenant_id uuid not null,
  consumer text not null,
  event_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (tenant_id, consumer, event_id)
);

alter table platform.inbox enable row level security;
alter table platform.inbox force row level security;
create policy tenant_isolation on platform.inbox
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert on platform.inbox to halooid_app;
