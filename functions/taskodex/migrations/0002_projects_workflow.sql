-- Taskodex projects, their members and workflows, and the task columns that
-- build on them (human numbers, status groups, board order, sub-tasks) plus
-- the task activity timeline. Tenant-owned tables follow 0001: tenant_id
-- leads every key and index, row-level security is forced.

create table taskodex.projects (
  tenant_id uuid not null,
  id uuid not null,
  key text not null check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  name text not null check (char_length(name) between 1 and 200),
  description text not null default '' check (char_length(description) <= 20000),
  lead_id uuid,
  status text not null default 'active' check (status in ('active', 'on_hold', 'completed', 'archived')),
  is_private boolean not null default false,
  start_date date,
  target_date date,
  client_name text check (char_length(client_name) <= 200),
  billable boolean not null default false,
  hourly_rate numeric(12, 2) check (hourly_rate >= 0),
  -- The number the project's next task gets (its identifier is KEY-n).
  next_sequence integer not null default 1,
  archived_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (tenant_id, id),
  check (target_date is null or start_date is null or target_date >= start_date)
);
-- Keys stay unique for archived projects too: identifiers must never repeat.
create unique index projects_key_idx on taskodex.projects (tenant_id, key);
create index projects_name_idx on taskodex.projects (tenant_id, lower(name), id);

create table taskodex.project_members (
  tenant_id uuid not null,
  project_id uuid not null,
  user_id uuid not null,
  role text not null check (role in ('admin', 'member', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, project_id, user_id),
  foreign key (tenant_id, project_id) references taskodex.projects (tenant_id, id) on delete cascade
);
create index project_members_user_idx on taskodex.project_members (tenant_id, user_id);

create table taskodex.workflow_states (
  tenant_id uuid not null,
  project_id uuid not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,29}$'),
  name text not null check (char_length(name) between 1 and 50),
  colour text not null check (colour ~ '^#[0-9a-fA-F]{6}$'),
  state_group text not null check (state_group in ('backlog', 'unstarted', 'started', 'completed', 'cancelled')),
  position integer not null,
  primary key (tenant_id, project_id, key),
  foreign key (tenant_id, project_id) references taskodex.projects (tenant_id, id) on delete cascade
);

-- Per-tenant counter for tasks outside any project (identifier TASK-n).
create table taskodex.task_counters (
  tenant_id uuid not null primary key,
  next_sequence integer not null default 1
);

alter table taskodex.tasks
  add column sequence integer,
  add column status_group text not null default 'backlog'
    check (status_group in ('backlog', 'unstarted', 'started', 'completed', 'cancelled')),
  add column start_date date,
  add column estimate_hours numeric(8, 2) check (estimate_hours >= 0),
  add column parent_id uuid,
  add column position double precision not null default 0,
  add column completed_at timestamptz;

-- Before 0002 a project id was an unchecked uuid with no project behind it;
-- such tasks become project-less rather than pointing at nothing.
update taskodex.tasks set project_id = null where project_id is not null;

-- Existing tasks: the default workflow's groups, numbers in creation order, board order by creation.
update taskodex.tasks t
   set status_group = case t.status
         when 'backlog' then 'backlog' when 'todo' then 'unstarted' when 'in_progress' then 'started'
         when 'in_review' then 'started' when 'done' then 'completed' else 'cancelled' end,
       completed_at = case when t.status = 'done' then t.updated_at end,
       sequence = n.sequence,
       position = n.sequence * 1024
  from (select tenant_id, id, row_number() over (partition by tenant_id order by created_at, id) as sequence
          from taskodex.tasks) n
 where n.tenant_id = t.tenant_id and n.id = t.id;
insert into taskodex.task_counters (tenant_id, next_sequence)
  select tenant_id, max(sequence) + 1 from taskodex.tasks group by tenant_id;

alter table taskodex.tasks alter column sequence set not null;
create unique index tasks_sequence_idx on taskodex.tasks
  (tenant_id, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid), sequence);
create index tasks_parent_idx on taskodex.tasks (tenant_id, parent_id, created_at desc) where deleted_at is null and parent_id is not null;
-- The board: one project's tasks in one state, in manual order.
create index tasks_board_idx on taskodex.tasks (tenant_id, project_id, status, position, id) where deleted_at is null;
create index tasks_due_soon_idx on taskodex.tasks (due_date, tenant_id) where deleted_at is null and completed_at is null and assignee_id is not null;

/*
 * Every writer (API, CSV import, bulk update, seed) gets the same invariants:
 * the number is allocated from the project's (or tenant's) counter under its
 * row lock, so concurrent creates queue instead of colliding; and the status
 * group and completed_at follow the workflow state the task is in. A task
 * moved to another project is renumbered in it.
 */
create function taskodex.task_before_write() returns trigger
language plpgsql as $$
declare
  default_groups constant jsonb := '{"backlog":"backlog","todo":"unstarted","in_progress":"started","in_review":"started","done":"completed","cancelled":"cancelled"}';
begin
  if tg_op = 'INSERT' and new.sequence is null
     or tg_op = 'UPDATE' and new.project_id is distinct from old.project_id then
    if new.project_id is null then
      insert into taskodex.task_counters as c (tenant_id, next_sequence) values (new.tenant_id, 2)
        on conflict (tenant_id) do update set next_sequence = c.next_sequence + 1
        returning c.next_sequence - 1 into new.sequence;
    else
      update taskodex.projects set next_sequence = next_sequence + 1
       where tenant_id = new.tenant_id and id = new.project_id
       returning next_sequence - 1 into new.sequence;
      if new.sequence is null then
        raise exception 'project % does not exist', new.project_id using errcode = 'foreign_key_violation';
      end if;
    end if;
  end if;
  if tg_op = 'INSERT' or new.status is distinct from old.status or new.project_id is distinct from old.project_id then
    if new.project_id is null then
      new.status_group := default_groups ->> new.status;
    else
      select state_group into new.status_group from taskodex.workflow_states
       where tenant_id = new.tenant_id and project_id = new.project_id and key = new.status;
    end if;
    if new.status_group is null then
      raise exception 'status % is not in the workflow', new.status using errcode = 'check_violation';
    end if;
    if new.status_group = 'completed' then
      -- An insert may carry its own completion time (an import); a change into the group stamps now.
      if tg_op = 'INSERT' then
        new.completed_at := coalesce(new.completed_at, now());
      elsif old.status_group <> 'completed' then
        new.completed_at := now();
      end if;
    else
      new.completed_at := null;
    end if;
  end if;
  return new;
end $$;

create trigger task_before_write before insert or update of status, project_id on taskodex.tasks
  for each row execute function taskodex.task_before_write();

create table taskodex.task_activity (
  tenant_id uuid not null,
  id uuid not null,
  task_id uuid not null,
  actor_id uuid,
  kind text not null check (char_length(kind) between 1 and 50),
  field text,
  from_value jsonb,
  to_value jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index task_activity_task_idx on taskodex.task_activity (tenant_id, task_id, created_at, id);

alter table taskodex.projects enable row level security;
alter table taskodex.projects force row level security;
create policy tenant_isolation on taskodex.projects
  using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id());
alter table taskodex.project_members enable row level security;
alter table taskodex.project_members force row level security;
create policy tenant_isolation on taskodex.project_members
  using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id());
alter table taskodex.workflow_states enable row level security;
alter table taskodex.workflow_states force row level security;
create policy tenant_isolation on taskodex.workflow_states
  using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id());
alter table taskodex.task_counters enable row level security;
alter table taskodex.task_counters force row level security;
create policy tenant_isolation on taskodex.task_counters
  using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id());
alter table taskodex.task_activity enable row level security;
alter table taskodex.task_activity force row level security;
create policy tenant_isolation on taskodex.task_activity
  using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id());

grant select, insert, update, delete on taskodex.projects, taskodex.project_members, taskodex.workflow_states,
  taskodex.task_counters to halooid_app;
-- The timeline is append-only for the application.
grant select, insert on taskodex.task_activity to halooid_app;

-- The daily due-soon job: one notice per task and due date, so a rerun (or a
-- retried run) never notifies twice, and a task whose due date moves is
-- noticed again for the new date.
create table taskodex.due_soon_notices (
  tenant_id uuid not null,
  task_id uuid not null,
  due_date date not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, task_id, due_date)
);
alter table taskodex.due_soon_notices enable row level security;
alter table taskodex.due_soon_notices force row level security;
create policy tenant_isolation on taskodex.due_soon_notices
  using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id());
grant select, insert, delete on taskodex.due_soon_notices to halooid_app;

-- The job finds which tenants have tasks due on a day as halooid_worker: it may
-- read only the columns that answer that question (no titles, no text), and
-- does the rest per tenant as halooid_app.
grant usage on schema taskodex to halooid_worker;
grant select (tenant_id, due_date, assignee_id, completed_at, deleted_at) on taskodex.tasks to halooid_worker;
create policy due_soon_scan on taskodex.tasks for select to halooid_worker using (true);
