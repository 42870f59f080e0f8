-- Platform identity and tenancy: tenants, users, system/custom roles and
-- memberships. Every request runs as halooid_app, a role that owns nothing
-- and cannot bypass row-level security; the tenant and user of the request
-- arrive as transaction-local settings (app.tenant_id, app.user_id).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_app') then
    create role halooid_app nologin nobypassrls;
  end if;
end
$$;
-- The migrating user must be able to SET ROLE to it (on Aurora it is not a superuser).
grant halooid_app to current_user;

create schema if not exists platform;
grant usage on schema platform to halooid_app;

create function platform.current_tenant_id() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create function platform.current_user_id() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

create table platform.tenants (
  id uuid primary key,
  name text not null check (char_length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
  tier text not null default 'free' check (tier in ('free', 'pro', 'enterprise')),
  settings jsonb not null default '{}'::jsonb,
  enabled_products text[] not null default array['taskodex', 'qultrix', 'adminhub', 'customerconnect', 'invantray'],
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Users are global (one person, many tenants); id is the Cognito `sub`.
create table platform.users (
  id uuid primary key,
  email text not null,
  name text not null check (char_length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on platform.users (lower(email));

create table platform.roles (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  id uuid not null,
  key text not null check (key ~ '^[a-z][a-z0-9_-]{0,62}$'),
  name text not null check (char_length(name) between 1 and 100),
  description text not null default '',
  system boolean not null default false,
  -- Exact permissions or segment patterns such as 'taskodex:*:read'.
  grants text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, key)
);

create table platform.memberships (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  status text not null default 'active' check (status in ('active', 'invited', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index memberships_user_idx on platform.memberships (user_id, tenant_id);

create table platform.member_roles (
  tenant_id uuid not null,
  user_id uuid not null,
  role_id uuid not null,
  primary key (tenant_id, user_id, role_id),
  foreign key (tenant_id, user_id) references platform.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, role_id) references platform.roles (tenant_id, id) on delete cascade
);
create index member_roles_user_idx on platform.member_roles (user_id, tenant_id);

-- Row-level security. FORCE makes the policies apply to the table owner too.
alter table platform.tenants enable row level security;
alter table platform.tenants force row level security;
create policy tenant_isolation on platform.tenants
  using (
    id = platform.current_tenant_id()
    or id in (select m.tenant_id from platform.memberships m where m.user_id = platform.current_user_id())
  )
  with check (id = platform.current_tenant_id());

alter table platform.users enable row level security;
alter table platform.users force row level security;
create policy tenant_isolation on platform.users
  using (
    id = platform.current_user_id()
    or exists (
      select 1 from platform.memberships m
      where m.user_id = users.id and m.tenant_id = platform.current_tenant_id()
    )
  );

alter table platform.roles enable row level security;
alter table platform.roles force row level security;
create policy tenant_isolation on platform.roles
  using (
    tenant_id = platform.current_tenant_id()
    or tenant_id in (select m.tenant_id from platform.memberships m where m.user_id = platform.current_user_id())
  )
  with check (tenant_id = platform.current_tenant_id());

alter table platform.memberships enable row level security;
alter table platform.memberships force row level security;
create policy tenant_isolation on platform.memberships
  using (tenant_id = platform.current_tenant_id() or user_id = platform.current_user_id())
  with check (tenant_id = platform.current_tenant_id());

alter table platform.member_roles enable row level security;
alter table platform.member_roles force row level security;
create policy tenant_isolation on platform.member_roles
  using (tenant_id = platform.current_tenant_id() or user_id = platform.current_user_id())
  with check (tenant_id = platform.current_tenant_id());

grant select, insert, update, delete on
  platform.tenants, platform.users, platform.roles, platform.memberships, platform.member_roles
  to halooid_app;
