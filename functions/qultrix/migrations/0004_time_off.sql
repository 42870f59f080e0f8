-- Qultrix time off: leave types, policies (who is entitled to what), the
-- balance ledger, requests with their approval steps, and approver delegations.
-- A balance is the sum of its ledger rows, never a stored number; requests
-- that are still pending are subtracted from it to give what is available.

create table qultrix.leave_types (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 60),
  kind text not null check (kind in ('annual', 'sick', 'unpaid', 'custom')),
  paid boolean not null,
  unit text not null check (unit in ('days', 'hours')),
  -- A request longer than this many days needs an attachment; null: never.
  attachment_after_days numeric(5, 1) check (attachment_after_days >= 0),
  -- Who approves: the manager alone, or the manager then HR.
  approval text not null default 'manager' check (approval in ('manager', 'manager_then_hr')),
  -- Unpaid leave is usually not limited by a balance.
  tracks_balance boolean not null default true,
  color text check (color ~ '^#[0-9a-fA-F]{6}$'),
  archived boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index leave_types_name_idx on qultrix.leave_types (tenant_id, lower(name));

-- Who gets how much of a leave type. A policy applies to an employee whose
-- employment type is in employment_types (null: any) and whose location is in
-- location_ids (null: any); when several apply, the most specific wins.
create table qultrix.leave_policies (
  tenant_id uuid not null,
  id uuid not null,
  leave_type_id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  -- Per calendar year, in the leave type's unit.
  yearly_entitlement numeric(7, 2) not null check (yearly_entitlement >= 0 and yearly_entitlement <= 1000),
  accrual text not null check (accrual in ('monthly', 'yearly')),
  -- A hire (or the end of the waiting period) within the year gets the share of the year that is left.
  prorate boolean not null default true,
  -- Unused balance carried into the next year, at most this much (0: none, null: all).
  carry_over_cap numeric(7, 2) check (carry_over_cap >= 0),
  -- Carried-over days expire this many months into the new year (null: never).
  carry_over_expiry_months integer check (carry_over_expiry_months between 1 and 12),
  -- Days after the hire date before anything accrues.
  waiting_days integer not null default 0 check (waiting_days between 0 and 366),
  employment_types text[] check (employment_types <@ '{full_time,part_time,contractor,intern}'),
  location_ids uuid[],
  archived boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, leave_type_id) references qultrix.leave_types (tenant_id, id)
);
create index leave_policies_type_idx on qultrix.leave_policies (tenant_id, leave_type_id);

create table qultrix.leave_requests (
  tenant_id uuid not null,
  id uuid not null,
  employee_id uuid not null,
  leave_type_id uuid not null,
  start_date date not null,
  end_date date not null,
  -- Half days: the first day starts at noon, the last day ends at noon.
  start_half boolean not null default false,
  end_half boolean not null default false,
  -- In the leave type's unit, counted over working days (schedule and holidays) when requested.
  amount numeric(7, 2) not null check (amount > 0),
  reason text check (char_length(reason) <= 1000),
  attachment_url text check (char_length(attachment_url) <= 2000),
  status text not null check (status in ('pending', 'approved', 'rejected', 'cancelled')),
  -- The approval step waiting for a decision (1 = manager, 2 = HR) while pending.
  current_step smallint check (current_step in (1, 2)),
  requested_by uuid,
  decided_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references qultrix.employees (tenant_id, id),
  foreign key (tenant_id, leave_type_id) references qultrix.leave_types (tenant_id, id),
  check (end_date >= start_date),
  check ((status = 'pending') = (current_step is not null))
);
create index leave_requests_employee_idx on qultrix.leave_requests (tenant_id, employee_id, start_date);
create index leave_requests_dates_idx on qultrix.leave_requests (tenant_id, start_date, end_date)
  where status in ('pending', 'approved');
create index leave_requests_created_idx on qultrix.leave_requests (tenant_id, created_at desc, id desc);

-- The decisions taken on a request, one row per step decided.
create table qultrix.leave_approvals (
  tenant_id uuid not null,
  request_id uuid not null,
  step smallint not null check (step in (1, 2)),
  decision text not null check (decision in ('approved', 'rejected')),
  -- The user who decided, and the approver they stood in for when delegated.
  decided_by uuid not null,
  on_behalf_of uuid,
  comment text check (char_length(comment) <= 1000),
  decided_at timestamptz not null default now(),
  primary key (tenant_id, request_id, step),
  foreign key (tenant_id, request_id) references qultrix.leave_requests (tenant_id, id)
);

-- An approver away hands their approvals to another employee for a date range.
create table qultrix.approval_delegations (
  tenant_id uuid not null,
  id uuid not null,
  delegator_id uuid not null,
  delegate_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, delegator_id) references qultrix.employees (tenant_id, id),
  foreign key (tenant_id, delegate_id) references qultrix.employees (tenant_id, id),
  check (delegator_id <> delegate_id),
  check (ends_on >= starts_on)
);
create index approval_delegations_delegate_idx on qultrix.approval_delegations (tenant_id, delegate_id, starts_on);

-- The balance ledger: append-only for the application (insert and select only).
-- amount is signed, in the leave type's unit: accrual and carry_over add,
-- taken and expiry subtract, adjustment either way, reversal gives back a taken row.
create table qultrix.leave_ledger (
  tenant_id uuid not null,
  id uuid not null,
  employee_id uuid not null,
  leave_type_id uuid not null,
  kind text not null check (kind in ('accrual', 'taken', 'adjustment', 'carry_over', 'expiry', 'reversal')),
  amount numeric(9, 3) not null,
  effective_date date not null,
  -- The accrual or year-end period this row is for ('2026-07', '2026'): one per employee, type, kind and period.
  period text check (char_length(period) <= 7),
  request_id uuid,
  policy_id uuid,
  note text check (char_length(note) <= 500),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references qultrix.employees (tenant_id, id),
  foreign key (tenant_id, leave_type_id) references qultrix.leave_types (tenant_id, id),
  foreign key (tenant_id, request_id) references qultrix.leave_requests (tenant_id, id)
);
-- The balance is sum(amount) over this index (an index-only scan).
create index leave_ledger_balance_idx on qultrix.leave_ledger (tenant_id, employee_id, leave_type_id)
  include (amount, effective_date);
-- Idempotency of the scheduled jobs: a period is accrued (or carried, or expired) once.
create unique index leave_ledger_period_idx on qultrix.leave_ledger (tenant_id, employee_id, leave_type_id, kind, period)
  where period is not null;
-- A request is taken once and reversed once.
create unique index leave_ledger_request_idx on qultrix.leave_ledger (tenant_id, request_id, kind)
  where request_id is not null;

do $$
declare
  t text;
begin
  foreach t in array array['leave_types', 'leave_policies', 'leave_requests', 'leave_approvals',
                           'approval_delegations', 'leave_ledger'] loop
    execute format('alter table qultrix.%I enable row level security', t);
    execute format('alter table qultrix.%I force row level security', t);
    execute format(
      'create policy tenant_isolation on qultrix.%I using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id())',
      t);
  end loop;
end;
$$;
grant select, insert, update on qultrix.leave_types, qultrix.leave_policies, qultrix.leave_requests to halooid_app;
-- A leave type or policy nothing refers to yet may be deleted (a mistake caught early); once used, it is archived.
grant delete on qultrix.leave_types, qultrix.leave_policies to halooid_app;
grant select, insert, delete on qultrix.approval_delegations to halooid_app;
grant select, insert on qultrix.leave_approvals, qultrix.leave_ledger to halooid_app;

-- The accrual job finds tenants with policies as halooid_worker (ids only), then works per tenant.
grant usage on schema qultrix to halooid_worker;
grant select (tenant_id, archived) on qultrix.leave_policies to halooid_worker;
create policy accrual_scan on qultrix.leave_policies for select to halooid_worker using (true);
