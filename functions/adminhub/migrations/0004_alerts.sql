-- Security alerts (docs/adminhub.md "Security alerts"). Tenant-owned:
-- tenant_id leads the primary key and every index, and row-level security is
-- forced, so a query that forgets its tenant filter still sees only the
-- current tenant's rows.

create table adminhub.alerts (
  tenant_id uuid not null,
  id uuid not null,
  detector text not null check (detector ~ '^[a-z][a-z0-9-]{0,62}$'),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  title text not null check (char_length(title) between 1 and 300),
  evidence jsonb not null default '{}'::jsonb,
  -- What makes two detections the same incident: the detector and its subject
  -- (`failed-sign-in-burst:ip:203.0.113.9`). See alerts_open_dedup_idx.
  dedup_key text not null check (char_length(dedup_key) between 1 and 300),
  subject_type text check (subject_type in ('user', 'api_key', 'ip', 'role')),
  subject_id text check (char_length(subject_id) <= 200),
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  occurrences integer not null default 1 check (occurrences >= 1),
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  resolved_by uuid,
  resolved_at timestamptz,
  resolution_note text check (char_length(resolution_note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((status = 'resolved') = (resolved_at is not null))
);
-- One unresolved alert per incident: a burst raises exactly one alert, and two
-- detector runs racing each other meet here (insert ... on conflict do update
-- adds occurrences). A resolved alert steps aside, so a later burst is news.
create unique index alerts_open_dedup_idx on adminhub.alerts (tenant_id, dedup_key)
  where status <> 'resolved';
-- The list's order (newest first, id as the tie-break) and its status filter.
create index alerts_created_idx on adminhub.alerts (tenant_id, created_at desc, id desc);
create index alerts_status_idx on adminhub.alerts (tenant_id, status, created_at desc, id desc);

alter table adminhub.alerts enable row level security;
alter table adminhub.alerts force row level security;
create policy tenant_isolation on adminhub.alerts
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
-- Alerts are evidence: acknowledged and resolved, never deleted by the app.
grant select, insert, update on adminhub.alerts to halooid_app;

-- How far each detector has read its stream (sign-in events, audit records,
-- API key usage). Not tenant data: only the detector job (halooid_worker)
-- reads and moves it, so the app role has no grant at all.
create table adminhub.detector_watermarks (
  detector text primary key,
  position timestamptz not null,
  updated_at timestamptz not null default now()
);
alter table adminhub.detector_watermarks enable row level security;
alter table adminhub.detector_watermarks force row level security;
grant usage on schema adminhub to halooid_worker;
grant select, insert, update on adminhub.detector_watermarks to halooid_worker;
create policy detector_job on adminhub.detector_watermarks to halooid_worker using (true) with check (true);

-- The detector job reads across tenants as halooid_worker, only the columns
-- its detectors need: which tenants a user belongs to (the fan-out of a
-- sign-in alert) and the audit records of role and MFA changes. (The sign-in
-- stream and API key usage are the worker's already: platform 0009, 0010.)
-- Alerts themselves are written per tenant as halooid_app.
grant select (tenant_id, user_id, status) on platform.memberships to halooid_worker;
create policy adminhub_alert_fanout on platform.memberships for select to halooid_worker using (true);
grant select (tenant_id, id, actor_id, actor_type, action, target_type, target_id, details, occurred_at)
  on platform.audit_log to halooid_worker;
create policy adminhub_alert_scan on platform.audit_log for select to halooid_worker using (true);

-- The job reads each stream by time across tenants, every minute: these let
-- it read just the new rows (the tables' own indexes lead with tenant_id).
-- sign_in_events has its time index already (platform 0009).
create index audit_log_occurred_idx on platform.audit_log (occurred_at, id);
create index request_usage_api_key_hour_idx on platform.request_usage (hour, tenant_id, principal)
  where principal like 'apikey:%';
create index api_key_networks_first_seen_idx on platform.api_key_networks (first_seen);
