-- Qultrix organization: departments (a tree), positions, holiday calendars and
-- their holidays, locations (time zone, holiday calendar), and the employee
-- columns that point at them. The free-text department/position/location of
-- 0001 are moved into the new tables (one row per distinct name) and dropped,
-- so there is one source of truth for each.

create table qultrix.departments (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  code text check (char_length(code) <= 20),
  parent_id uuid,
  -- The department's head (an employee); optional.
  head_id uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, parent_id) references qultrix.departments (tenant_id, id),
  check (parent_id is null or parent_id <> id)
);
create unique index departments_name_idx on qultrix.departments (tenant_id, lower(name));
create unique index departments_code_idx on qultrix.departments (tenant_id, lower(code)) where code is not null;
create index departments_parent_idx on qultrix.departments (tenant_id, parent_id);

create table qultrix.positions (
  tenant_id uuid not null,
  id uuid not null,
  title text not null check (char_length(title) between 1 and 100),
  department_id uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, department_id) references qultrix.departments (tenant_id, id)
);
create unique index positions_title_idx on qultrix.positions (tenant_id, lower(title));

create table qultrix.holiday_calendars (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index holiday_calendars_name_idx on qultrix.holiday_calendars (tenant_id, lower(name));

-- One row per holiday date in a calendar; a half day counts 0.5 off the working day.
create table qultrix.holidays (
  tenant_id uuid not null,
  calendar_id uuid not null,
  holiday_date date not null,
  name text not null check (char_length(name) between 1 and 100),
  half_day boolean not null default false,
  primary key (tenant_id, calendar_id, holiday_date),
  foreign key (tenant_id, calendar_id) references qultrix.holiday_calendars (tenant_id, id) on delete cascade
);

create table qultrix.locations (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  -- An IANA zone name (Europe/Berlin); checked by the API against Intl.
  time_zone text not null default 'UTC' check (char_length(time_zone) <= 64),
  holiday_calendar_id uuid,
  address jsonb,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, holiday_calendar_id) references qultrix.holiday_calendars (tenant_id, id)
);
create unique index locations_name_idx on qultrix.locations (tenant_id, lower(name));

alter table qultrix.employees
  add column department_id uuid,
  add column position_id uuid,
  add column location_id uuid,
  -- ISO weekdays worked (1 = Monday … 7 = Sunday) and hours per working day:
  -- the working-day count of a leave request and the hours of an hours-based leave type.
  add column work_days smallint[] not null default '{1,2,3,4,5}'
    check (cardinality(work_days) between 1 and 7 and work_days <@ '{1,2,3,4,5,6,7}'),
  add column hours_per_day numeric(4, 2) not null default 8 check (hours_per_day > 0 and hours_per_day <= 24),
  add foreign key (tenant_id, department_id) references qultrix.departments (tenant_id, id),
  add foreign key (tenant_id, position_id) references qultrix.positions (tenant_id, id),
  add foreign key (tenant_id, location_id) references qultrix.locations (tenant_id, id);
alter table qultrix.departments
  add foreign key (tenant_id, head_id) references qultrix.employees (tenant_id, id);
create index employees_department_idx on qultrix.employees (tenant_id, department_id);
create index employees_location_idx on qultrix.employees (tenant_id, location_id);

-- Move the free text of 0001 into the tables: one row per tenant and distinct
-- name (case-insensitively, first spelling wins), then point employees at it.
insert into qultrix.departments (tenant_id, id, name)
  select distinct on (tenant_id, lower(department)) tenant_id, gen_random_uuid(), department
    from qultrix.employees where department is not null order by tenant_id, lower(department), department;
insert into qultrix.positions (tenant_id, id, title)
  select distinct on (tenant_id, lower(position)) tenant_id, gen_random_uuid(), position
    from qultrix.employees where position is not null order by tenant_id, lower(position), position;
insert into qultrix.locations (tenant_id, id, name)
  select distinct on (tenant_id, lower(location)) tenant_id, gen_random_uuid(), location
    from qultrix.employees where location is not null order by tenant_id, lower(location), location;
update qultrix.employees e set
  department_id = (select d.id from qultrix.departments d where d.tenant_id = e.tenant_id and lower(d.name) = lower(e.department)),
  position_id = (select p.id from qultrix.positions p where p.tenant_id = e.tenant_id and lower(p.title) = lower(e.position)),
  location_id = (select l.id from qultrix.locations l where l.tenant_id = e.tenant_id and lower(l.name) = lower(e.location));
alter table qultrix.employees drop column department, drop column position, drop column location;

do $$
declare
  t text;
begin
  foreach t in array array['departments', 'positions', 'holiday_calendars', 'holidays', 'locations'] loop
    execute format('alter table qultrix.%I enable row level security', t);
    execute format('alter table qultrix.%I force row level security', t);
    execute format(
      'create policy tenant_isolation on qultrix.%I using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id())',
      t);
    execute format('grant select, insert, update, delete on qultrix.%I to halooid_app', t);
  end loop;
end;
$$;
