-- Request functions get a login of their own that no migration ever lets
-- become halooid_worker.
--
-- 0007 took halooid_worker away from halooid_app_login, but 0005 grants it
-- again every time it runs, and roles belong to the whole Postgres server,
-- not to one database: a server hosting several Halooid databases (the
-- test run against PostgreSQL creates one per test file) gave the login
-- back its worker role for a moment each time a new database was migrated.
-- halooid_request_login is created here, after every such grant, and is only
-- ever granted halooid_app; halooid_app_login can no longer sign in.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_request_login') then
    create role halooid_request_login login nobypassrls noinherit;
  end if;
  if exists (select 1 from pg_roles where rolname = 'rds_iam') then
    grant rds_iam to halooid_request_login;
  end if;
end
$$;
grant halooid_app to halooid_request_login;
alter role halooid_app_login nologin;
