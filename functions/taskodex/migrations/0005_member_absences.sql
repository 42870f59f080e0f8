-- Who is away, as Taskodex knows it: a copy of the approved absences another
-- product announces on the bus (Qultrix's time-off.approved / .cancelled),
-- keyed by the announcing record (source_id, the time-off request) so an
-- approval upserts, a cancellation deletes and a replay changes nothing.
-- Taskodex never reads another product's tables: this table is its own view.
create table taskodex.member_absences (
  tenant_id uuid not null,
  user_id uuid not null,
  source_id uuid not null,
  start_date date not null,
  end_date date not null,
  label text not null check (char_length(label) between 1 and 100),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, source_id),
  check (end_date >= start_date)
);
-- "Is this person away on that day" (task warnings) and "who is away in this range" (the task list).
create index member_absences_user_idx on taskodex.member_absences (tenant_id, user_id, start_date);
create index member_absences_range_idx on taskodex.member_absences (tenant_id, start_date, end_date);

alter table taskodex.member_absences enable row level security;
alter table taskodex.member_absences force row level security;
create policy tenant_isolation on taskodex.member_absences
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update, delete on taskodex.member_absences to halooid_app;
