-- Taskodex collaboration: comments on tasks, relations between tasks and
-- saved views of the task list. Tenant-owned like every Taskodex table:
-- tenant_id leads the primary key and every index, row-level security forced.

-- Comments. Soft-deleted: the thread keeps its shape and shows "deleted".
create table taskodex.task_comments (
  tenant_id uuid not null,
  id uuid not null,
  task_id uuid not null,
  author_id uuid not null,
  body text not null check (char_length(body) between 1 and 10000),
  -- Users mentioned in the body (`@[Name](userId)` tokens), as parsed when saved.
  mentioned_user_ids uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  deleted_by uuid,
  primary key (tenant_id, id)
);
create index task_comments_task_idx on taskodex.task_comments (tenant_id, task_id, created_at, id);

alter table taskodex.task_comments enable row level security;
alter table taskodex.task_comments force row level security;
create policy tenant_isolation on taskodex.task_comments
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update on taskodex.task_comments to halooid_app;

-- Relations: one row per relation in its canonical direction (blocks,
-- duplicates, relates_to), read both ways: "A blocks B" is B's "blocked_by A".
-- A pair of tasks holds at most one relation of each kind, whichever way it
-- points (A blocks B and B blocks A at once would be a deadlock).
create table taskodex.task_relations (
  tenant_id uuid not null,
  id uuid not null,
  task_id uuid not null,
  related_task_id uuid not null,
  type text not null check (type in ('blocks', 'duplicates', 'relates_to')),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (task_id <> related_task_id)
);
create unique index task_relations_pair_key on taskodex.task_relations
  (tenant_id, least(task_id, related_task_id), greatest(task_id, related_task_id), type);
create index task_relations_task_idx on taskodex.task_relations (tenant_id, task_id);
create index task_relations_related_idx on taskodex.task_relations (tenant_id, related_task_id);

alter table taskodex.task_relations enable row level security;
alter table taskodex.task_relations force row level security;
create policy tenant_isolation on taskodex.task_relations
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, delete on taskodex.task_relations to halooid_app;

-- Saved views: a named task-list query (filters, sort, layout) owned by one
-- user, optionally shared with a project's members or, without a project,
-- with the whole tenant.
create table taskodex.saved_views (
  tenant_id uuid not null,
  id uuid not null,
  owner_id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  project_id uuid,
  shared boolean not null default false,
  filters jsonb not null default '{}'::jsonb,
  sort text,
  layout text not null default 'list' check (layout in ('list', 'board', 'calendar')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index saved_views_owner_idx on taskodex.saved_views (tenant_id, owner_id, lower(name), id);
create index saved_views_shared_idx on taskodex.saved_views (tenant_id, project_id) where shared;

alter table taskodex.saved_views enable row level security;
alter table taskodex.saved_views force row level security;
create policy tenant_isolation on taskodex.saved_views
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update, delete on taskodex.saved_views to halooid_app;
