-- AdminHub user administration: bulk jobs with their per-user results, and
-- the projection of Qultrix employees onto platform users (the directory's
-- "linked employee"). Members, roles, sessions and sign-ins stay in the
-- platform schema; these tables hold only what AdminHub itself produces.
-- Tenant-owned: tenant_id leads every primary key and index, and row-level
-- security is forced, so a query that forgets its tenant filter still sees
-- only the current tenant's rows.

-- One bulk action over a selection of members, run within its request. The
-- counts are written once, when the job finishes; the rows below say why.
create table adminhub.bulk_jobs (
  tenant_id uuid not null,
  id uuid not null,
  action text not null check (action in ('disable', 'enable', 'sign_out', 'assign_role')),
  role_id uuid,
  -- The selection as sent (ids or filter), for the record of what was asked.
  selection jsonb not null,
  status text not null default 'running' check (status in ('running', 'completed')),
  total integer not null default 0,
  succeeded integer not null default 0,
  skipped integer not null default 0,
  failed integer not null default 0,
  -- A user id, or apikey:<id>.
  created_by text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (tenant_id, id)
);
create index bulk_jobs_created_idx on adminhub.bulk_jobs (tenant_id, created_at desc, id desc);

create table adminhub.bulk_job_results (
  tenant_id uuid not null,
  job_id uuid not null,
  user_id uuid not null,
  email text not null,
  outcome text not null check (outcome in ('ok', 'skipped', 'failed')),
  reason text,
  primary key (tenant_id, job_id, user_id),
  foreign key (tenant_id, job_id) references adminhub.bulk_jobs (tenant_id, id) on delete cascade
);

-- Qultrix employees linked to a platform user, kept by an idempotent
-- subscriber to qultrix.employee.* events (AdminHub never reads Qultrix's
-- schema). `source_at` is the occurredAt of the event the row came from: an
-- older event arriving late changes nothing.
create table adminhub.employee_links (
  tenant_id uuid not null,
  employee_id uuid not null,
  user_id uuid,
  employee_number text not null,
  display_name text not null,
  status text not null,
  source_at timestamptz not null,
  primary key (tenant_id, employee_id)
);
create index employee_links_user_idx on adminhub.employee_links (tenant_id, user_id);

do $$
declare t text;
begin
  foreach t in array array['bulk_jobs', 'bulk_job_results', 'employee_links'] loop
    execute format('alter table adminhub.%I enable row level security', t);
    execute format('alter table adminhub.%I force row level security', t);
    execute format(
      'create policy tenant_isolation on adminhub.%I using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id())',
      t);
  end loop;
end $$;

-- Jobs and their results are a record: no update of results, no deletes.
grant select, insert, update on adminhub.bulk_jobs to halooid_app;
grant select, insert on adminhub.bulk_job_results to halooid_app;
grant select, insert, update on adminhub.employee_links to halooid_app;

-- An administrator's marks on a member's account (platform.users, the
-- kernel's): require a password reset at next sign-in, clear MFA enrolment.
-- Users are global and halooid_app may change only its own row, so these
-- run as halooid_identity (platform 0009: the role that owns the auth
-- definer functions, no BYPASSRLS) and touch only a member of the current
-- tenant; that the caller may administer users is the application's check.
-- They return the member's id, or nothing when the user is not a member.
grant update (mfa_enabled) on platform.users to halooid_identity;

create function adminhub.require_password_reset(p_user uuid) returns setof uuid
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
    update platform.users u set password_reset_required = true
     where u.id = p_user
       and exists (select 1 from platform.memberships m
                    where m.user_id = p_user and m.tenant_id = platform.current_tenant_id())
    returning u.id
  $$;

create function adminhub.clear_mfa(p_user uuid) returns setof uuid
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
    update platform.users u set mfa_enabled = false
     where u.id = p_user
       and exists (select 1 from platform.memberships m
                    where m.user_id = p_user and m.tenant_id = platform.current_tenant_id())
    returning u.id
  $$;

grant create on schema adminhub to halooid_identity;
alter function adminhub.require_password_reset(uuid) owner to halooid_identity;
alter function adminhub.clear_mfa(uuid) owner to halooid_identity;
revoke create on schema adminhub from halooid_identity;
revoke all on function adminhub.require_password_reset(uuid) from public;
revoke all on function adminhub.clear_mfa(uuid) from public;
grant execute on function adminhub.require_password_reset(uuid), adminhub.clear_mfa(uuid) to halooid_app;
