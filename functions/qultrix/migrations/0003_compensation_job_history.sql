-- Qultrix sensitive data and job history: compensation and identifiers as
-- effective-dated history (append-only: a correction is a newer row), sealed
-- at rest, and the effective-dated job changes of an employee.
--
-- Sealed columns hold `v1:<keyId>:<iv>:<ciphertext+tag>` (shared/src/crypto/
-- secret-box.ts) with the row's identity as AAD; the database never sees the
-- salary, national id or bank account. What stays plain is what queries need
-- and what reveals no amount: the effective date (which row is current), the
-- currency and the pay frequency.

create table qultrix.compensation (
  tenant_id uuid not null,
  id uuid not null,
  employee_id uuid not null,
  effective_date date not null,
  salary_sealed text not null check (salary_sealed like 'v1:%'),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  pay_frequency text not null
    check (pay_frequency in ('hourly', 'weekly', 'biweekly', 'semimonthly', 'monthly', 'yearly')),
  reason text check (char_length(reason) <= 500),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references qultrix.employees (tenant_id, id)
);
-- History newest first; the current row is the first with effective_date <= today.
create index compensation_history_idx
  on qultrix.compensation (tenant_id, employee_id, effective_date desc, created_at desc, id desc);

create table qultrix.identifiers (
  tenant_id uuid not null,
  id uuid not null,
  employee_id uuid not null,
  effective_date date not null,
  -- Each is null when the row does not carry it (an employee without a bank account).
  national_id_sealed text check (national_id_sealed like 'v1:%'),
  bank_account_sealed text check (bank_account_sealed like 'v1:%'),
  reason text check (char_length(reason) <= 500),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references qultrix.employees (tenant_id, id)
);
create index identifiers_history_idx
  on qultrix.identifiers (tenant_id, employee_id, effective_date desc, created_at desc, id desc);

-- One row per change. `fields` names what the change sets (so "manager becomes
-- none" differs from "manager unchanged"); the columns hold the new values.
create table qultrix.job_changes (
  tenant_id uuid not null,
  id uuid not null,
  employee_id uuid not null,
  kind text not null check (kind in ('hire', 'promotion', 'transfer', 'raise', 'manager_change', 'other')),
  effective_date date not null,
  status text not null check (status in ('scheduled', 'applied', 'cancelled', 'failed')),
  fields text[] not null default '{}'
    check (fields <@ '{departmentId,positionId,locationId,managerId}'),
  department_id uuid,
  position_id uuid,
  location_id uuid,
  manager_id uuid,
  compensation_id uuid,
  note text check (char_length(note) <= 1000),
  -- Why a due change could not be applied (the manager now closes a cycle, …).
  failure text check (char_length(failure) <= 500),
  created_by uuid,
  created_at timestamptz not null default now(),
  applied_at timestamptz,
  cancelled_by uuid,
  cancelled_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references qultrix.employees (tenant_id, id),
  foreign key (tenant_id, manager_id) references qultrix.employees (tenant_id, id),
  foreign key (tenant_id, compensation_id) references qultrix.compensation (tenant_id, id),
  foreign key (tenant_id, department_id) references qultrix.departments (tenant_id, id),
  foreign key (tenant_id, position_id) references qultrix.positions (tenant_id, id),
  foreign key (tenant_id, location_id) references qultrix.locations (tenant_id, id),
  check (cardinality(fields) > 0 or compensation_id is not null),
  check ((status = 'applied') = (applied_at is not null)),
  check ((status = 'cancelled') = (cancelled_at is not null))
);
create index job_changes_timeline_idx
  on qultrix.job_changes (tenant_id, employee_id, effective_date desc, created_at desc, id desc);
-- The due-change scan: only scheduled rows, by date.
create index job_changes_due_idx on qultrix.job_changes (effective_date, tenant_id)
  where status = 'scheduled';

do $$
declare
  t text;
begin
  foreach t in array array['compensation', 'identifiers', 'job_changes'] loop
    execute format('alter table qultrix.%I enable row level security', t);
    execute format('alter table qultrix.%I force row level security', t);
    execute format(
      'create policy tenant_isolation on qultrix.%I using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id())',
      t);
  end loop;
end;
$$;
-- Append-only history: no update or delete of sealed rows.
grant select, insert on qultrix.compensation, qultrix.identifiers to halooid_app;
grant select, insert, update on qultrix.job_changes to halooid_app;

-- The apply-due job finds which tenants have due changes as halooid_worker: it
-- may read only the columns that answer that question, and applies them per
-- tenant as halooid_app.
grant usage on schema qultrix to halooid_worker;
grant select (tenant_id, status, effective_date) on qultrix.job_changes to halooid_worker;
create policy apply_due_scan on qultrix.job_changes for select to halooid_worker using (true);
