-- AdminHub's schema. Its own tables arrive with the capabilities that own them
-- (0002 users and bulk jobs, 0003 audit and organization, 0004 alerts, 0005
-- tenant lifecycle). The records AdminHub administers — members, roles, API
-- keys, webhooks, the audit log, security policies, sessions — stay in the
-- platform schema, which the kernel owns; AdminHub is their console.

create schema if not exists adminhub;
grant usage on schema adminhub to halooid_app;
