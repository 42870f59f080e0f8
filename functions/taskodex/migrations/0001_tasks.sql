-- Taskodex tasks. Tenant-owned: tenant_id leads the primary key and every
-- index, and row-level security is forced so a query that forgets its
-- tenant filter still sees only the current tenant's rows.

create schema if not exists taskodex;
grant usage on schema taskodex to halooid_app;

create table taskodex.tasks (
  tenant_id uuid not null,
  id uuid not null,
  project_id uuid,
  title text not null check (char_length(title) between 1 and 500),
  description text not null default '' check (char_length(description) <= 50000),
  status text not null,
  priority text not null default 'none' check (priority in ('urgent', 'high', 'medium', 'low', 'none')),
  -- Sort key for priority: urgent first.
  priority_rank smallint generated always as (
    case priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end
  ) stored,
  assignee_id uuid,
  due_date date,
  labels text[] not null default '{}',
  version integer not null default 1,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  search tsvector generated always as (to_tsvector('simple', title || ' ' || description)) stored,
  primary key (tenant_id, id)
);

-- The list's default order and its common filters; partial on live rows.
create index tasks_created_idx on taskodex.tasks (tenant_id, created_at desc, id desc) where deleted_at is null;
create index tasks_status_idx on taskodex.tasks (tenant_id, status, created_at desc) where deleted_at is null;
create index tasks_assignee_idx on taskodex.tasks (tenant_id, assignee_id, created_at desc) where deleted_at is null;
create index tasks_project_idx on taskodex.tasks (tenant_id, project_id, created_at desc) where deleted_at is null;
create index tasks_due_idx on taskodex.tasks (tenant_id, due_date) where deleted_at is null;
create index tasks_search_idx on taskodex.tasks using gin (search);
create index tasks_labels_idx on taskodex.tasks using gin (labels);

alter table taskodex.tasks enable row level security;
alter table taskodex.tasks force row level security;
create policy tenant_isolation on taskodex.tasks
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());

grant select, insert, update, delete on taskodex.tasks to halooid_app;
