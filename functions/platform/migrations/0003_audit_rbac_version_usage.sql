-- Audit log, RBAC versioning and per-tenant usage-plan keys.

-- Every change to members, roles, API keys and tenant settings is recorded.
create table platform.audit_log (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  id uuid not null,
  actor_id text not null,
  actor_type text not null check (actor_type in ('user', 'apiKey', 'system')),
  action text not null,
  target_type text not null,
  target_id text,
  ip text,
  correlation_id text,
  details jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index audit_log_time_idx on platform.audit_log (tenant_id, occurred_at desc, id desc);

alter table platform.audit_log enable row level security;
alter table platform.audit_log force row level security;
create policy tenant_isolation on platform.audit_log
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
-- Append-only for the application: no update, no delete.
grant select, insert on platform.audit_log to halooid_app;

-- Bumped by every change that can alter an authorization decision (roles,
-- memberships, API keys, tenant status); authorizer caches compare it.
alter table platform.tenants add column rbac_version bigint not null default 1;
alter table platform.tenants add column status text not null default 'active'
  check (status in ('active', 'disabled'));
-- The tenant's API Gateway usage-plan key (usageIdentifierKey): throttling per tenant by tier.
-- 64 hex characters from two strong random UUIDs; never shown to clients.
alter table platform.tenants add column usage_key text not null
  default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
create unique index tenants_usage_key_idx on platform.tenants (usage_key);
