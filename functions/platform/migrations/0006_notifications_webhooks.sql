-- In-app notifications (per user, per tenant), notification preferences,
-- outgoing webhooks and their delivery log.

create table platform.notifications (
  tenant_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  -- The event that caused it (one notification per user and event).
  event_id uuid not null,
  type text not null,
  title text not null,
  body text not null default '',
  resource_type text,
  resource_id text,
  actor_id text,
  data jsonb not null default '{}'::jsonb,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id, event_id)
);
create index notifications_user_idx on platform.notifications (tenant_id, user_id, created_at desc, id desc);
create index notifications_unread_idx on platform.notifications (tenant_id, user_id, created_at desc, id desc)
  where read_at is null;

alter table platform.notifications enable row level security;
alter table platform.notifications force row level security;
create policy tenant_isolation on platform.notifications
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update on platform.notifications to halooid_app;

create table platform.notification_preferences (
  tenant_id uuid not null,
  user_id uuid not null,
  muted_types text[] not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);

alter table platform.notification_preferences enable row level security;
alter table platform.notification_preferences force row level security;
create policy tenant_isolation on platform.notification_preferences
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update on platform.notification_preferences to halooid_app;

create table platform.webhooks (
  tenant_id uuid not null,
  id uuid not null,
  url text not null check (char_length(url) <= 2048),
  description text not null default '',
  events text[] not null,
  enabled boolean not null default true,
  -- The signing secret: returned once at creation, used by the delivery worker.
  secret text not null,
  created_by text not null,
  -- Set at the first failed delivery after a success; a webhook failing for 3 days is disabled.
  failing_since timestamptz,
  disabled_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index webhooks_enabled_idx on platform.webhooks (tenant_id) where enabled;

create table platform.webhook_deliveries (
  tenant_id uuid not null,
  id uuid not null,
  webhook_id uuid not null,
  event_id uuid not null,
  event_type text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  last_duration_ms integer,
  -- The delivery this one re-sends (redeliver from the log).
  redelivery_of uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, webhook_id) references platform.webhooks (tenant_id, id) on delete cascade
);
create index webhook_deliveries_log_idx on platform.webhook_deliveries (tenant_id, webhook_id, created_at desc, id desc);
-- The worker's scan across tenants.
create index webhook_deliveries_due_idx on platform.webhook_deliveries (next_attempt_at) where status = 'pending';

alter table platform.webhooks enable row level security;
alter table platform.webhooks force row level security;
create policy tenant_isolation on platform.webhooks
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
create policy delivery_worker on platform.webhooks to halooid_worker using (true) with check (true);
grant select, insert, update, delete on platform.webhooks to halooid_app;
grant select, update on platform.webhooks to halooid_worker;

alter table platform.webhook_deliveries enable row level security;
alter table platform.webhook_deliveries force row level security;
create policy tenant_isolation on platform.webhook_deliveries
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
create policy delivery_worker on platform.webhook_deliveries to halooid_worker using (true) with check (true);
grant select, insert, update on platform.webhook_deliveries to halooid_app;
grant select, update on platform.webhook_deliveries to halooid_worker;
