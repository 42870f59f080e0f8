-- Platform operators: suspended tenants, operator actions in the tenant's
-- audit log, the operators' own append-only audit, and halooid_operator, the
-- role the operator console's reads and writes run as.

-- A suspended tenant keeps its data; the authorizer refuses all its requests.
alter table platform.tenants drop constraint if exists tenants_status_check;
alter table platform.tenants add constraint tenants_status_check
  check (status in ('active', 'disabled', 'suspended'));
alter table platform.tenants add column suspended_at timestamptz;
alter table platform.tenants add column suspended_reason text
  check (char_length(suspended_reason) <= 500);

-- An operator's read of, or action on, a tenant is written into that tenant's
-- own audit log too, so its administrators see it.
alter table platform.audit_log drop constraint if exists audit_log_actor_type_check;
alter table platform.audit_log add constraint audit_log_actor_type_check
  check (actor_type in ('user', 'apiKey', 'system', 'operator'));

-- Operators' MFA is read from here by the authorizer (0009 adds it with the
-- rest of the identity columns; repeated so this file stands alone).
alter table platform.users add column if not exists mfa_enabled boolean not null default false;

-- Every operator route call, reads included. Not a tenant table: it outlives
-- a deleted tenant (no foreign key) and is read by operators only.
create table platform.operator_audit (
  id uuid primary key,
  operator_id text not null,
  action text not null check (char_length(action) <= 200),
  tenant_id uuid,
  target_type text not null,
  target_id text,
  ip text,
  correlation_id text,
  details jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now()
);
create index operator_audit_time_idx on platform.operator_audit (occurred_at desc, id desc);
create index operator_audit_tenant_idx on platform.operator_audit (tenant_id, occurred_at desc)
  where tenant_id is not null;
alter table platform.operator_audit enable row level security;
alter table platform.operator_audit force row level security;

-- halooid_operator: no BYPASSRLS, owns nothing. It may list every tenant
-- (the columns the console shows), count memberships and read usage across
-- tenants; it writes only to the tenant the transaction is set to
-- (app.tenant_id, through the tenant_isolation policies every role has):
-- its status and tier, an audit row as 'operator', events in the outbox.
-- Only halooid_operator_login, the login of the operator console's functions
-- (the capabilities whose routes are all OPERATOR), may become it; the
-- request login never can, so an SQL injection in tenant request code cannot
-- reach other tenants through it, and the console cannot become
-- halooid_worker (outbox, webhooks of every tenant) either.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_operator') then
    create role halooid_operator nologin nobypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'halooid_operator_login') then
    create role halooid_operator_login login nobypassrls noinherit;
  end if;
  if exists (select 1 from pg_roles where rolname = 'rds_iam') then
    grant rds_iam to halooid_operator_login;
  end if;
end
$$;
grant halooid_operator to current_user;
grant halooid_operator to halooid_operator_login;
grant usage on schema platform to halooid_operator;

grant select (id, name, slug, tier, status, created_at, updated_at, suspended_at, suspended_reason,
              enabled_products, rbac_version)
  on platform.tenants to halooid_operator;
grant update (status, tier, suspended_at, suspended_reason, rbac_version, updated_at)
  on platform.tenants to halooid_operator;
create policy operator_console on platform.tenants for select to halooid_operator using (true);

grant select (tenant_id, user_id, status) on platform.memberships to halooid_operator;
create policy operator_console on platform.memberships for select to halooid_operator using (true);

-- Into the current tenant only (tenant_isolation), and only as an operator.
grant insert on platform.audit_log to halooid_operator;
create policy operator_actor on platform.audit_log as restrictive for insert to halooid_operator
  with check (actor_type = 'operator');
grant insert on platform.outbox to halooid_operator;

grant select, insert on platform.operator_audit to halooid_operator;
create policy operator_console on platform.operator_audit to halooid_operator using (true) with check (true);

-- Usage per tenant (platform/0010, the monitoring capability) when it exists.
do $$
begin
  if to_regclass('platform.request_usage') is not null then
    grant select on platform.request_usage to halooid_operator;
    create policy operator_console on platform.request_usage for select to halooid_operator using (true);
  end if;
end
$$;
