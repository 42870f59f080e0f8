-- Two logins, and reads of tenants, roles and memberships kept to the current tenant.
--
-- Until now request functions and platform jobs signed in as one login,
-- halooid_app_login, which could become halooid_worker: one SQL injection in
-- request code could `set role halooid_worker` and read every tenant's
-- webhooks, deliveries and outbox. From here request functions keep
-- halooid_app_login, which can become halooid_app only; the jobs that span
-- tenants (outbox relay, webhook worker, due-soon) sign in as
-- halooid_worker_login, which can become halooid_worker and halooid_app.
-- Both sign in with IAM auth tokens in AWS (rds_iam).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_worker_login') then
    create role halooid_worker_login login nobypassrls noinherit;
  end if;
  if exists (select 1 from pg_roles where rolname = 'rds_iam') then
    grant rds_iam to halooid_worker_login;
  end if;
end
$$;
grant halooid_worker to halooid_worker_login;
grant halooid_app to halooid_worker_login;
revoke halooid_worker from halooid_app_login;

-- Tenants, roles, memberships and member roles: the current tenant only.
-- (0001 also let a user see every tenant they belong to, with its settings,
-- usage key and every role's grants, from inside any tenant's request.)
drop policy tenant_isolation on platform.tenants;
create policy tenant_isolation on platform.tenants
  using (id = platform.current_tenant_id())
  with check (id = platform.current_tenant_id());

drop policy tenant_isolation on platform.roles;
create policy tenant_isolation on platform.roles
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());

drop policy tenant_isolation on platform.memberships;
create policy tenant_isolation on platform.memberships
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());

drop policy tenant_isolation on platform.member_roles;
create policy tenant_isolation on platform.member_roles
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());

-- The one cross-tenant look-up that exists: the signed-in user's own active
-- memberships (the tenant switcher at login and /v1/me), and only the columns
-- it shows: tenant id, name, slug and the names of the user's roles there.
-- It runs as halooid_directory, a role that owns nothing, cannot bypass RLS
-- and may read just those columns of the user's own rows.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_directory') then
    create role halooid_directory nologin nobypassrls;
  end if;
end
$$;
grant halooid_directory to current_user;
grant usage on schema platform to halooid_directory;
grant select (id, name, slug) on platform.tenants to halooid_directory;
grant select (tenant_id, id, key, name) on platform.roles to halooid_directory;
grant select (tenant_id, user_id, status) on platform.memberships to halooid_directory;
grant select (tenant_id, user_id, role_id) on platform.member_roles to halooid_directory;

create policy own_memberships on platform.memberships for select to halooid_directory
  using (user_id = platform.current_user_id());
create policy own_memberships on platform.member_roles for select to halooid_directory
  using (user_id = platform.current_user_id());
create policy own_tenants on platform.tenants for select to halooid_directory
  using (exists (
    select 1 from platform.memberships m
     where m.tenant_id = tenants.id and m.user_id = platform.current_user_id() and m.status = 'active'
  ));
create policy own_roles on platform.roles for select to halooid_directory
  using (exists (
    select 1 from platform.member_roles mr
     where mr.tenant_id = roles.tenant_id and mr.role_id = roles.id and mr.user_id = platform.current_user_id()
  ));

create function platform.my_tenants()
  returns table (id uuid, name text, slug text, roles json)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
    select t.id, t.name, t.slug,
           coalesce(json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name) order by r.name)
                    filter (where r.id is not null), '[]') as roles
      from platform.memberships m
      join platform.tenants t on t.id = m.tenant_id
      left join platform.member_roles mr on mr.tenant_id = m.tenant_id and mr.user_id = m.user_id
      left join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
     where m.user_id = platform.current_user_id() and m.status = 'active'
     group by t.id, t.name, t.slug
  $$;
-- A new owner needs CREATE on the schema only for the change itself.
grant create on schema platform to halooid_directory;
alter function platform.my_tenants() owner to halooid_directory;
revoke create on schema platform from halooid_directory;
revoke all on function platform.my_tenants() from public;
grant execute on function platform.my_tenants() to halooid_app;

-- Creating a user row: yourself (sign-up), or someone who is a member of the
-- current tenant by the end of the transaction (an invitation writes the
-- user, then the membership). 0004 allowed any row (`with check (true)`).
drop policy users_create on platform.users;
create policy users_create on platform.users for insert
  with check (id = platform.current_user_id() or platform.current_tenant_id() is not null);

create function platform.new_user_belongs() returns trigger
  language plpgsql
  as $$
  begin
    -- Requests only: the migration owner's seed and jobs write users as themselves.
    if current_user = 'halooid_app'
       and new.id is distinct from platform.current_user_id()
       and not exists (
         select 1 from platform.memberships m
          where m.user_id = new.id and m.tenant_id = platform.current_tenant_id()
       ) then
      raise exception 'a new user must be the signed-in user or a member of the current tenant'
        using errcode = '42501';
    end if;
    return null;
  end
  $$;
create constraint trigger users_created_with_membership
  after insert on platform.users
  deferrable initially deferred
  for each row execute function platform.new_user_belongs();
