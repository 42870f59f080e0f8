-- Taskodex time tracking: time entries (timers and manual logs) and weekly
-- timesheets (submission and approval). Tenant-owned like every table here:
-- tenant_id leads the primary key and every index, row-level security is forced.
-- Tasks and projects are referenced by id without foreign keys: both are
-- soft-deleted, and a deleted task must not take its logged hours with it.

create table taskodex.time_entries (
  tenant_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  task_id uuid,
  project_id uuid,
  description text not null default '' check (char_length(description) <= 2000),
  -- Whole seconds (the application truncates), so durations are exact integers.
  started_at timestamptz not null,
  -- Null while the timer runs.
  ended_at timestamptz,
  duration_seconds integer generated always as (
    case when ended_at is null then null else floor(extract(epoch from (ended_at - started_at)))::integer end
  ) stored,
  billable boolean not null default false,
  tags text[] not null default '{}',
  -- Set once the entry left the tracker (exported to payroll, invoiced): from then on it is read-only.
  exported_at timestamptz,
  invoiced_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (tenant_id, id),
  check (ended_at is null or ended_at >= started_at)
);

-- One running timer per user: starting another stops the first in the same
-- transaction, and this index turns a race between two starts into a conflict.
create unique index time_entries_one_running_idx
  on taskodex.time_entries (tenant_id, user_id) where ended_at is null and deleted_at is null;
-- The list's default order (newest first), a user's own entries, timesheet weeks and reports.
create index time_entries_started_idx
  on taskodex.time_entries (tenant_id, started_at desc, id desc) where deleted_at is null;
create index time_entries_user_idx
  on taskodex.time_entries (tenant_id, user_id, started_at desc, id desc) where deleted_at is null;
create index time_entries_project_idx
  on taskodex.time_entries (tenant_id, project_id, started_at desc) where deleted_at is null;
create index time_entries_task_idx
  on taskodex.time_entries (tenant_id, task_id, started_at desc) where deleted_at is null;

alter table taskodex.time_entries enable row level security;
alter table taskodex.time_entries force row level security;
create policy tenant_isolation on taskodex.time_entries
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update, delete on taskodex.time_entries to halooid_app;

-- A user's week (ISO week, Monday first, UTC days). No row means the week is
-- open; submitted and approved weeks lock their entries, rejected ones unlock them.
create table taskodex.timesheets (
  tenant_id uuid not null,
  user_id uuid not null,
  week_start date not null check (extract(isodow from week_start) = 1),
  status text not null check (status in ('submitted', 'approved', 'rejected')),
  submitted_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  rejection_reason text check (char_length(rejection_reason) <= 2000),
  version integer not null default 1,
  primary key (tenant_id, user_id, week_start)
);

create index timesheets_status_idx on taskodex.timesheets (tenant_id, status, week_start desc);

alter table taskodex.timesheets enable row level security;
alter table taskodex.timesheets force row level security;
create policy tenant_isolation on taskodex.timesheets
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update, delete on taskodex.timesheets to halooid_app;
