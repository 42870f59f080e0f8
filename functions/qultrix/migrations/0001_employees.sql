-- Qultrix employees. Tenant-owned: tenant_id leads the primary key and every
-- index, and row-level security is forced, so a query that forgets its tenant
-- filter still sees only the current tenant's rows.

create schema if not exists qultrix;
grant usage on schema qultrix to halooid_app;

-- Per-tenant numbering settings and counter (one row per tenant, made on the
-- first employee). The row lock taken by the upsert in the trigger below
-- serialises concurrent creates, so numbers have no gaps and no duplicates; a
-- rolled-back insert rolls its increment back too.
create table qultrix.settings (
  tenant_id uuid primary key,
  number_prefix text not null default 'EMP-' check (char_length(number_prefix) <= 10),
  number_digits integer not null default 4 check (number_digits between 1 and 9),
  next_number integer not null default 1 check (next_number >= 1)
);

create table qultrix.employees (
  tenant_id uuid not null,
  id uuid not null,
  sequence integer not null,
  employee_number text not null check (char_length(employee_number) <= 30),
  given_name text not null check (char_length(given_name) between 1 and 100),
  family_name text not null check (char_length(family_name) between 1 and 100),
  preferred_name text check (char_length(preferred_name) <= 100),
  work_email text check (char_length(work_email) <= 254),
  personal_email text check (char_length(personal_email) <= 254),
  phones jsonb not null default '[]',
  birth_date date,
  address jsonb,
  emergency_contacts jsonb not null default '[]',
  status text not null check (status in ('onboarding', 'active', 'on_leave', 'terminated')),
  employment_type text not null check (employment_type in ('full_time', 'part_time', 'contractor', 'intern')),
  hire_date date not null,
  probation_end_date date check (probation_end_date >= hire_date),
  termination_date date check (termination_date >= hire_date),
  termination_reason text check (char_length(termination_reason) <= 500),
  -- Free text until the organization tables arrive (next slice).
  department text check (char_length(department) <= 100),
  position text check (char_length(position) <= 100),
  location text check (char_length(location) <= 100),
  manager_id uuid,
  fte numeric(4, 3) not null default 1 check (fte > 0 and fte <= 1),
  -- Optional link to a platform user who is a member of the tenant.
  user_id uuid,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, manager_id) references qultrix.employees (tenant_id, id),
  check (manager_id is null or manager_id <> id),
  -- A terminated employee has both a date and a reason; nobody else has either.
  check ((status = 'terminated') = (termination_date is not null and termination_reason is not null)),
  check (status = 'terminated' or (termination_date is null and termination_reason is null))
);
create unique index employees_sequence_idx on qultrix.employees (tenant_id, sequence);
create unique index employees_number_idx on qultrix.employees (tenant_id, employee_number);
create unique index employees_work_email_idx on qultrix.employees (tenant_id, lower(work_email))
  where work_email is not null;
create unique index employees_user_idx on qultrix.employees (tenant_id, user_id) where user_id is not null;
create index employees_manager_idx on qultrix.employees (tenant_id, manager_id);
create index employees_created_idx on qultrix.employees (tenant_id, created_at desc, id desc);
create index employees_name_idx on qultrix.employees (tenant_id, lower(family_name), lower(given_name), id);

/*
 * Allocates the employee number: sequence from the tenant's counter, number
 * as prefix + zero-padded sequence (EMP-0007; longer once past the padding,
 * never truncated as lpad would).
 */
create function qultrix.employee_number() returns trigger
language plpgsql as $$
declare
  prefix text;
  digits integer;
begin
  insert into qultrix.settings as s (tenant_id, next_number) values (new.tenant_id, 2)
    on conflict (tenant_id) do update set next_number = s.next_number + 1
    returning s.next_number - 1, s.number_prefix, s.number_digits into new.sequence, prefix, digits;
  new.employee_number := prefix || case
    when char_length(new.sequence::text) >= digits then new.sequence::text
    else lpad(new.sequence::text, digits, '0') end;
  return new;
end;
$$;
create trigger employee_number before insert on qultrix.employees
  for each row execute function qultrix.employee_number();

alter table qultrix.settings enable row level security;
alter table qultrix.settings force row level security;
create policy tenant_isolation on qultrix.settings
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update on qultrix.settings to halooid_app;

alter table qultrix.employees enable row level security;
alter table qultrix.employees force row level security;
create policy tenant_isolation on qultrix.employees
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
-- No delete: HR records are terminated, never deleted.
grant select, insert, update on qultrix.employees to halooid_app;
