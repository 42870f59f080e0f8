-- Account-wide actions need a managed account. A person's account
-- (platform.users: password, MFA, sessions, the revocation not-before) is
-- shared by every workspace they belong to, and inviting an existing
-- account makes it an active member at once (shared/src/invitations.ts). So
-- a tenant administrator may reset MFA, force a password reset or end
-- sessions only when the current tenant manages the account (the Google
-- Workspace rule): the person is a member here and belongs to no other
-- workspace (an active or invited membership elsewhere), or their email's
-- domain is one of this tenant's verified domains (adminhub.domains: a
-- domain is verified by one tenant at most).
--
-- halooid_app cannot see other tenants' memberships (row-level security),
-- so the rule is a SECURITY DEFINER function owned, like clear_mfa and
-- require_password_reset, by halooid_identity (no BYPASSRLS; its `identity`
-- policies let it read every membership). It reads adminhub.domains through
-- the table's tenant_isolation policy: the current tenant's rows only.
grant usage on schema adminhub to halooid_identity;
grant select (tenant_id, domain, status) on adminhub.domains to halooid_identity;

create function adminhub.manages_account(p_user uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
    select exists (select 1 from platform.memberships m
                    where m.user_id = p_user and m.tenant_id = platform.current_tenant_id())
       and (not exists (select 1 from platform.memberships o
                         where o.user_id = p_user and o.tenant_id <> platform.current_tenant_id()
                           and o.status in ('active', 'invited'))
            or exists (select 1 from platform.users u
                         join adminhub.domains d
                           on d.tenant_id = platform.current_tenant_id() and d.status = 'verified'
                          and lower(d.domain) = lower(split_part(u.email, '@', 2))
                        where u.id = p_user))
  $$;

-- The two account marks now refuse (42501) an account this tenant does not
-- manage; the use cases answer 403 account_not_managed before getting here.
create or replace function adminhub.require_password_reset(p_user uuid) returns setof uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
  begin
    if not adminhub.manages_account(p_user)
       and exists (select 1 from platform.memberships m
                    where m.user_id = p_user and m.tenant_id = platform.current_tenant_id()) then
      raise exception 'account % is not managed by this tenant', p_user using errcode = '42501';
    end if;
    return query
      update platform.users u set password_reset_required = true
       where u.id = p_user
         and exists (select 1 from platform.memberships m
                      where m.user_id = p_user and m.tenant_id = platform.current_tenant_id())
      returning u.id;
  end
  $$;

create or replace function adminhub.clear_mfa(p_user uuid) returns setof uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
  as $$
  begin
    if not adminhub.manages_account(p_user)
       and exists (select 1 from platform.memberships m
                    where m.user_id = p_user and m.tenant_id = platform.current_tenant_id()) then
      raise exception 'account % is not managed by this tenant', p_user using errcode = '42501';
    end if;
    return query
      update platform.users u set mfa_enabled = false
       where u.id = p_user
         and exists (select 1 from platform.memberships m
                      where m.user_id = p_user and m.tenant_id = platform.current_tenant_id())
      returning u.id;
  end
  $$;

grant create on schema adminhub to halooid_identity;
alter function adminhub.manages_account(uuid) owner to halooid_identity;
alter function adminhub.require_password_reset(uuid) owner to halooid_identity;
alter function adminhub.clear_mfa(uuid) owner to halooid_identity;
revoke create on schema adminhub from halooid_identity;
revoke all on function adminhub.manages_account(uuid) from public;
grant execute on function adminhub.manages_account(uuid) to halooid_app;
