-- The login the functions use in AWS. It signs in through RDS Proxy with an
-- IAM auth token (rds_iam), has no privileges of its own, and can only become
-- halooid_app: every request then runs under row-level security. Locally and
-- in CI the role exists but is unused (DATABASE_URL connects as its owner).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_app_login') then
    create role halooid_app_login login nobypassrls noinherit;
  end if;
  if exists (select 1 from pg_roles where rolname = 'rds_iam') then
    grant rds_iam to halooid_app_login;
  end if;
end
$$;
grant halooid_app to halooid_app_login;
