-- Sessions, sign-in events, password history and tenant security policies.
--
-- Sessions and sign-in events belong to a user, not a tenant (one person,
-- many tenants), so they are not tenant-keyed; each tenant's admins see the
-- rows of their own members, read-only. The paths that must work before a
-- user is known — a refresh token that names no user, a failed sign-in for an
-- email, a password reset by emailed code — go through SECURITY DEFINER
-- functions owned by halooid_identity, a role that owns nothing and cannot
-- bypass RLS: its own policies let it see just what those functions need.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_identity') then
    create role halooid_identity nologin nobypassrls;
  end if;
end
$$;
grant halooid_identity to current_user;
grant usage on schema platform to halooid_identity;

alter table platform.users
  add column mfa_enabled boolean not null default false,
  add column last_sign_in_at timestamptz,
  add column password_changed_at timestamptz,
  add column password_reset_required boolean not null default false;

-- One row per sign-in (a refresh token family). refresh_hash is the SHA-256
-- (base64url) of the refresh token, never the token; access_session_id is
-- the latest access token's origin_jti (AWS) or jti (cognito-local, which
-- gives every refreshed token a new one), for revoking its access tokens.
create table platform.sessions (
  id uuid primary key,
  user_id uuid not null references platform.users (id) on delete cascade,
  refresh_hash text unique,
  access_session_id text,
  user_agent text,
  device text,
  ip text,
  country text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  ended_at timestamptz,
  end_reason text
);
create index sessions_user_idx on platform.sessions (user_id, created_at desc);

alter table platform.sessions enable row level security;
alter table platform.sessions force row level security;
create policy own_sessions on platform.sessions to halooid_app
  using (user_id = platform.current_user_id())
  with check (user_id = platform.current_user_id());
create policy member_sessions on platform.sessions for select to halooid_app
  using (exists (
    select 1 from platform.memberships m
     where m.user_id = sessions.user_id and m.tenant_id = platform.current_tenant_id()
  ));
create policy identity on platform.sessions to halooid_identity using (true) with check (true);
grant select, insert on platform.sessions to halooid_app;
grant update (access_session_id, refresh_hash, ip, user_agent, country, last_seen_at, ended_at, end_reason)
  on platform.sessions to halooid_app;
grant select, update on platform.sessions to halooid_identity;

create table platform.sign_in_events (
  id uuid primary key,
  user_id uuid references platform.users (id) on delete cascade,
  -- hex SHA-256 of lower(email): groups attempts on unknown emails without storing them.
  email_hash text not null,
  ip text,
  user_agent text,
  country text,
  outcome text not null
    check (outcome in ('success', 'failure', 'locked', 'mfa_setup_required', 'refresh_refused')),
  reason text,
  occurred_at timestamptz not null default now()
);
create index sign_in_events_time_idx on platform.sign_in_events (occurred_at desc, id desc);
create index sign_in_events_user_idx on platform.sign_in_events (user_id, occurred_at desc);
create index sign_in_events_ip_idx on platform.sign_in_events (ip, occurred_at desc);
create index sign_in_events_email_idx on platform.sign_in_events (email_hash, occurred_at desc);

alter table platform.sign_in_events enable row level security;
alter table platform.sign_in_events force row level security;
create policy member_events on platform.sign_in_events for select to halooid_app
  using (exists (
    select 1 from platform.memberships m
     where m.user_id = sign_in_events.user_id and m.tenant_id = platform.current_tenant_id()
  ));
-- Detectors (alerts) span tenants and read every event as the worker.
create policy detectors on platform.sign_in_events for select to halooid_worker using (true);
create policy identity on platform.sign_in_events for insert to halooid_identity with check (true);
grant select on platform.sign_in_events to halooid_app, halooid_worker;
grant insert on platform.sign_in_events to halooid_identity;

-- scrypt hashes of the passwords a user set, newest kept as the strictest
-- tenant's reuse count needs (at most 24). Only the functions below touch it.
create table platform.password_history (
  user_id uuid not null references platform.users (id) on delete cascade,
  id uuid not null,
  hash text not null,
  created_at timestamptz not null default now(),
  primary key (user_id, id)
);
alter table platform.password_history enable row level security;
alter table platform.password_history force row level security;
create policy identity on platform.password_history to halooid_identity using (true) with check (true);
grant select, insert, delete on platform.password_history to halooid_identity;

-- Versioned, append-only: the current policy is the highest version (none = defaults).
create table platform.security_policies (
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  version integer not null check (version > 0),
  policy jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, version)
);
alter table platform.security_policies enable row level security;
alter table platform.security_policies force row level security;
create policy tenant_isolation on platform.security_policies
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
create policy identity on platform.security_policies for select to halooid_identity using (true);
grant select, insert on platform.security_policies to halooid_app;
grant select on platform.security_policies to halooid_identity;

-- What the functions read of the tenancy tables.
create policy identity on platform.users for select to halooid_identity using (true);
create policy identity_update on platform.users for update to halooid_identity using (true) with check (true);
create policy identity on platform.memberships for select to halooid_identity using (true);
create policy identity on platform.member_roles for select to halooid_identity using (true);
create policy identity on platform.roles for select to halooid_identity using (true);
grant select (id, email, mfa_enabled) on platform.users to halooid_identity;
grant update (password_changed_at, password_reset_required) on platform.users to halooid_identity;
grant select (tenant_id, user_id, status) on platform.memberships to halooid_identity;
grant select (tenant_id, user_id, role_id) on platform.member_roles to halooid_identity;
grant select (tenant_id, id, key) on platform.roles to halooid_identity;

-- The user id of an email (case-insensitive), or null.
create function platform.user_id_for_email(p_email text) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$ select u.id from platform.users u where lower(u.email) = lower(p_email) $$;

-- Records one sign-in attempt; the user comes from p_user or, failing that, the email.
create function platform.record_sign_in_event(
  p_id uuid, p_email text, p_user uuid, p_ip text, p_user_agent text, p_country text,
  p_outcome text, p_reason text
) returns void
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
    insert into platform.sign_in_events (id, user_id, email_hash, ip, user_agent, country, outcome, reason)
    values (
      p_id,
      coalesce(p_user, (select u.id from platform.users u where lower(u.email) = lower(p_email))),
      encode(sha256(convert_to(lower(coalesce(p_email, '')), 'UTF8')), 'hex'),
      left(p_ip, 64), left(p_user_agent, 512), left(p_country, 8), p_outcome, left(p_reason, 200)
    )
  $$;

-- The session a refresh token belongs to (by its hash), ended or not.
create function platform.session_for_refresh(p_hash text)
  returns table (id uuid, user_id uuid, access_session_id text, created_at timestamptz,
                 last_seen_at timestamptz, ended_at timestamptz)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
    select s.id, s.user_id, s.access_session_id, s.created_at, s.last_seen_at, s.ended_at
      from platform.sessions s where s.refresh_hash = p_hash
  $$;

-- Ends one session (p_session) or every open session of a user, when the
-- user is the caller or a member of the current tenant (the caller's
-- permission to do so is the application's check). Returns what it ended.
create function platform.end_sessions(p_user uuid, p_session uuid, p_reason text)
  returns table (id uuid, access_session_id text)
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
    update platform.sessions s
       set ended_at = now(), end_reason = left(p_reason, 100)
     where s.user_id = p_user
       and (p_session is null or s.id = p_session)
       and s.ended_at is null
       and (p_user = platform.current_user_id()
            or exists (select 1 from platform.memberships m
                        where m.user_id = p_user and m.tenant_id = platform.current_tenant_id()))
    returning s.id, s.access_session_id
  $$;

-- The security policy (null = defaults) and role keys of each tenant where
-- the signed-in user (app.user_id) is an active or invited member.
create function platform.my_security_policies()
  returns table (tenant_id uuid, status text, policy jsonb, role_keys text[])
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
    select m.tenant_id, m.status,
           (select p.policy from platform.security_policies p
             where p.tenant_id = m.tenant_id order by p.version desc limit 1),
           coalesce((select array_agg(r.key order by r.key)
                       from platform.member_roles mr
                       join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
                      where mr.tenant_id = m.tenant_id and mr.user_id = m.user_id), '{}')
      from platform.memberships m
     where m.user_id = platform.current_user_id() and m.status in ('active', 'invited')
  $$;

-- The signed-in user's newest password hashes, for the reuse rule.
create function platform.my_password_hashes(p_count integer)
  returns setof text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
    select h.hash from platform.password_history h
     where h.user_id = platform.current_user_id()
     order by h.created_at desc, h.id desc
     limit greatest(least(p_count, 24), 0)
  $$;

-- Records a password the signed-in user just set, keeps the newest 24.
create function platform.remember_my_password(p_id uuid, p_hash text)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    me uuid := platform.current_user_id();
  begin
    if me is null then
      raise exception 'no signed-in user' using errcode = '42501';
    end if;
    insert into platform.password_history (user_id, id, hash) values (me, p_id, p_hash);
    delete from platform.password_history h
     where h.user_id = me
       and h.id not in (select x.id from platform.password_history x where x.user_id = me
                         order by x.created_at desc, x.id desc limit 24);
    update platform.users set password_changed_at = now(), password_reset_required = false where id = me;
  end
  $$;

grant create on schema platform to halooid_identity;
alter function platform.user_id_for_email(text) owner to halooid_identity;
alter function platform.record_sign_in_event(uuid, text, uuid, text, text, text, text, text) owner to halooid_identity;
alter function platform.session_for_refresh(text) owner to halooid_identity;
alter function platform.end_sessions(uuid, uuid, text) owner to halooid_identity;
alter function platform.my_security_policies() owner to halooid_identity;
alter function platform.my_password_hashes(integer) owner to halooid_identity;
alter function platform.remember_my_password(uuid, text) owner to halooid_identity;
revoke create on schema platform from halooid_identity;
revoke all on function platform.user_id_for_email(text) from public;
revoke all on function platform.record_sign_in_event(uuid, text, uuid, text, text, text, text, text) from public;
revoke all on function platform.session_for_refresh(text) from public;
revoke all on function platform.end_sessions(uuid, uuid, text) from public;
revoke all on function platform.my_security_policies() from public;
revoke all on function platform.my_password_hashes(integer) from public;
revoke all on function platform.remember_my_password(uuid, text) from public;
grant execute on function
  platform.user_id_for_email(text),
  platform.record_sign_in_event(uuid, text, uuid, text, text, text, text, text),
  platform.session_for_refresh(text),
  platform.end_sessions(uuid, uuid, text),
  platform.my_security_policies(),
  platform.my_password_hashes(integer),
  platform.remember_my_password(uuid, text)
  to halooid_app;
