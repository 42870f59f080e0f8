-- CustomerConnect, the CRM: the whole sales-side data model in one migration so
-- every capability builds on the same tables. Tenant-owned: tenant_id leads the
-- primary key and every index, and row-level security is forced on every table
-- (the loop at the end), so a query that forgets its tenant filter still sees
-- only the current tenant's rows.
--
-- Owners are platform user ids (no cross-schema foreign key: products never
-- reference each other's schemas). Money is numeric(18,2) beside an ISO 4217
-- code; probabilities are numeric(5,2) percentages. Custom field values live in
-- `custom` (jsonb), validated at write time against field_definitions.

create schema if not exists customerconnect;
grant usage on schema customerconnect to halooid_app;
-- Trigram indexes for name and email search (a trusted extension since PG 13).
create extension if not exists pg_trgm with schema public;

-- Per-tenant settings: visibility per object for callers without
-- `customerconnect:record:admin` (domain/visibility.ts), the custom-field
-- definitions version (bumped on every definition change: the cache key of the
-- compiled validators) and the round-robin cursor of lead assignment.
create table customerconnect.settings (
  tenant_id uuid primary key,
  company_visibility text not null default 'all' check (company_visibility in ('all', 'team', 'own')),
  contact_visibility text not null default 'all' check (contact_visibility in ('all', 'team', 'own')),
  lead_visibility text not null default 'all' check (lead_visibility in ('all', 'team', 'own')),
  opportunity_visibility text not null default 'all' check (opportunity_visibility in ('all', 'team', 'own')),
  fields_version integer not null default 0,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Sales teams: reps and their managers. A manager of a team sees the records
-- its members own whatever the visibility setting; under `team` a rep sees the
-- records of everyone in their teams. `territories` feed territory assignment.
create table customerconnect.teams (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  territories text[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index teams_name_idx on customerconnect.teams (tenant_id, lower(name));

create table customerconnect.team_members (
  tenant_id uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  role text not null default 'rep' check (role in ('rep', 'manager')),
  joined_at timestamptz not null default now(),
  primary key (tenant_id, team_id, user_id),
  foreign key (tenant_id, team_id) references customerconnect.teams (tenant_id, id) on delete cascade
);
create index team_members_user_idx on customerconnect.team_members (tenant_id, user_id, team_id);

-- Custom field definitions per object. `key` is what the JSON carries in
-- `custom`; a select/multi_select lists its `options`; a removed definition is
-- archived (values stay in the rows, no longer validated or shown).
create table customerconnect.field_definitions (
  tenant_id uuid not null,
  id uuid not null,
  object text not null check (object in ('company', 'contact', 'lead', 'opportunity')),
  key text not null check (key ~ '^[a-z][a-zA-Z0-9_]{0,39}$'),
  label text not null check (char_length(label) between 1 and 100),
  type text not null check (type in ('text', 'number', 'date', 'select', 'multi_select', 'boolean', 'currency', 'user')),
  options jsonb not null default '[]',
  required boolean not null default false,
  position integer not null default 0,
  archived boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index field_definitions_key_idx on customerconnect.field_definitions (tenant_id, object, key);

-- Companies (accounts). `merged_into` makes the row a tombstone: reads of its
-- id answer with the survivor; lists and search skip it.
create table customerconnect.companies (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  -- Lower-case host without www. (acme.com): the duplicate key.
  domain text check (char_length(domain) <= 253),
  industry text check (char_length(industry) <= 100),
  size text check (size in ('1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+')),
  phone text check (char_length(phone) <= 40),
  website text check (char_length(website) <= 2048),
  address jsonb,
  owner_id uuid,
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  merged_into uuid,
  merged_at timestamptz,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (merged_into is null or merged_into <> id)
);
create index companies_created_idx on customerconnect.companies (tenant_id, created_at desc, id desc);
create index companies_domain_idx on customerconnect.companies (tenant_id, domain) where domain is not null;
create index companies_owner_idx on customerconnect.companies (tenant_id, owner_id);
create index companies_name_trgm_idx on customerconnect.companies using gin (lower(name) gin_trgm_ops);
create index companies_search_idx on customerconnect.companies
  using gin (to_tsvector('simple', name || ' ' || coalesce(domain, '')));

-- Contacts. Emails live in contact_emails (the duplicate key, indexed);
-- `primary_email` mirrors the primary one for lists, sort and search.
create table customerconnect.contacts (
  tenant_id uuid not null,
  id uuid not null,
  first_name text check (char_length(first_name) <= 100),
  last_name text not null check (char_length(last_name) between 1 and 100),
  title text check (char_length(title) <= 150),
  company_id uuid,
  primary_email text check (char_length(primary_email) <= 254),
  -- [{ "number": "+44…", "label": "work", "primary": true }]
  phones jsonb not null default '[]',
  lifecycle_stage text not null default 'lead'
    check (lifecycle_stage in ('subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity', 'customer', 'evangelist', 'other')),
  do_not_contact boolean not null default false,
  address jsonb,
  owner_id uuid,
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  merged_into uuid,
  merged_at timestamptz,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, company_id) references customerconnect.companies (tenant_id, id),
  check (merged_into is null or merged_into <> id)
);
create index contacts_created_idx on customerconnect.contacts (tenant_id, created_at desc, id desc);
create index contacts_company_idx on customerconnect.contacts (tenant_id, company_id);
create index contacts_owner_idx on customerconnect.contacts (tenant_id, owner_id);
create index contacts_name_idx on customerconnect.contacts (tenant_id, lower(last_name), lower(coalesce(first_name, '')), id);
create index contacts_name_trgm_idx on customerconnect.contacts
  using gin ((lower(coalesce(first_name, '') || ' ' || last_name)) gin_trgm_ops);
create index contacts_email_trgm_idx on customerconnect.contacts using gin (lower(coalesce(primary_email, '')) gin_trgm_ops);
create index contacts_search_idx on customerconnect.contacts
  using gin (to_tsvector('simple', coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(primary_email, '') || ' ' || coalesce(title, '')));

create table customerconnect.contact_emails (
  tenant_id uuid not null,
  contact_id uuid not null,
  -- Stored lower-case: the duplicate check compares exactly.
  email text not null check (char_length(email) between 3 and 254 and email = lower(email)),
  label text check (char_length(label) <= 40),
  is_primary boolean not null default false,
  position integer not null default 0,
  primary key (tenant_id, contact_id, email),
  foreign key (tenant_id, contact_id) references customerconnect.contacts (tenant_id, id) on delete cascade
);
create index contact_emails_email_idx on customerconnect.contact_emails (tenant_id, email);
create unique index contact_emails_one_primary_idx on customerconnect.contact_emails (tenant_id, contact_id) where is_primary;

-- Leads: people not yet qualified. Converting one fills the converted_* links.
create table customerconnect.leads (
  tenant_id uuid not null,
  id uuid not null,
  first_name text check (char_length(first_name) <= 100),
  last_name text not null check (char_length(last_name) between 1 and 100),
  email text check (char_length(email) <= 254),
  phone text check (char_length(phone) <= 40),
  company_name text check (char_length(company_name) <= 200),
  title text check (char_length(title) <= 150),
  website text check (char_length(website) <= 2048),
  source text not null default 'other'
    check (source in ('web', 'referral', 'event', 'cold_call', 'email', 'social', 'partner', 'advertising', 'import', 'other')),
  status text not null default 'new' check (status in ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
  score integer not null default 0,
  territory text check (char_length(territory) <= 100),
  owner_id uuid,
  message text check (char_length(message) <= 5000),
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  converted_at timestamptz,
  converted_by uuid,
  converted_contact_id uuid,
  converted_company_id uuid,
  converted_opportunity_id uuid,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((status = 'converted') = (converted_at is not null))
);
create index leads_created_idx on customerconnect.leads (tenant_id, created_at desc, id desc);
create index leads_owner_idx on customerconnect.leads (tenant_id, owner_id);
create index leads_status_idx on customerconnect.leads (tenant_id, status);
create index leads_email_idx on customerconnect.leads (tenant_id, lower(email)) where email is not null;
create index leads_name_trgm_idx on customerconnect.leads
  using gin ((lower(coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company_name, ''))) gin_trgm_ops);
create index leads_search_idx on customerconnect.leads
  using gin (to_tsvector('simple', coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(company_name, '')));

-- Lead scoring: points per field value (`field` equals `value`, or is set when
-- value is null) and per logged activity of a type. Recomputed on change.
create table customerconnect.lead_scoring_rules (
  tenant_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('field', 'activity')),
  field text check (char_length(field) <= 60),
  value text check (char_length(value) <= 200),
  activity_type text check (activity_type in ('note', 'call', 'meeting', 'email', 'task')),
  points integer not null check (points between -1000 and 1000),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((kind = 'field') = (field is not null)),
  check ((kind = 'activity') = (activity_type is not null))
);

-- Assignment rules, tried in `position` order: round-robin among a team's
-- members, or a territory match (lead.territory in the team's territories,
-- then round-robin within that team). `cursor_user_id` is the last assignee.
create table customerconnect.assignment_rules (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  kind text not null check (kind in ('round_robin', 'territory')),
  team_id uuid not null,
  -- Only leads from these sources (empty: any source).
  sources text[] not null default '{}',
  position integer not null default 0,
  active boolean not null default true,
  cursor_user_id uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, team_id) references customerconnect.teams (tenant_id, id)
);

-- Pipelines with ordered stages. `project_template_id` names the Taskodex
-- project whose tasks a won deal's new project copies (Taskodex resolves it).
create table customerconnect.pipelines (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  is_default boolean not null default false,
  project_template_id uuid,
  archived boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index pipelines_name_idx on customerconnect.pipelines (tenant_id, lower(name));
create unique index pipelines_default_idx on customerconnect.pipelines (tenant_id) where is_default;

create table customerconnect.stages (
  tenant_id uuid not null,
  id uuid not null,
  pipeline_id uuid not null,
  name text not null check (char_length(name) between 1 and 100),
  position integer not null,
  probability numeric(5, 2) not null check (probability between 0 and 100),
  kind text not null default 'open' check (kind in ('open', 'won', 'lost')),
  primary key (tenant_id, id),
  foreign key (tenant_id, pipeline_id) references customerconnect.pipelines (tenant_id, id) on delete cascade,
  check (kind <> 'won' or probability = 100),
  check (kind <> 'lost' or probability = 0)
);
create unique index stages_position_idx on customerconnect.stages (tenant_id, pipeline_id, position);

-- Opportunities (deals). `status` follows the stage's kind; `rank` orders cards
-- within a stage on the board (fractional: a move writes one row).
create table customerconnect.opportunities (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  pipeline_id uuid not null,
  stage_id uuid not null,
  status text not null default 'open' check (status in ('open', 'won', 'lost')),
  amount numeric(18, 2) check (amount >= 0),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  expected_close_date date,
  owner_id uuid,
  company_id uuid,
  lead_id uuid,
  rank numeric not null default 0,
  stage_entered_at timestamptz not null default now(),
  closed_at timestamptz,
  close_reason text check (char_length(close_reason) <= 500),
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, pipeline_id) references customerconnect.pipelines (tenant_id, id),
  foreign key (tenant_id, stage_id) references customerconnect.stages (tenant_id, id),
  foreign key (tenant_id, company_id) references customerconnect.companies (tenant_id, id),
  check ((amount is null) = (currency is null)),
  check ((status = 'open') = (closed_at is null))
);
create index opportunities_created_idx on customerconnect.opportunities (tenant_id, created_at desc, id desc);
create index opportunities_board_idx on customerconnect.opportunities (tenant_id, pipeline_id, stage_id, rank, id);
create index opportunities_owner_idx on customerconnect.opportunities (tenant_id, owner_id);
create index opportunities_company_idx on customerconnect.opportunities (tenant_id, company_id);
-- The forecast: deals by expected close date within a period.
create index opportunities_close_idx on customerconnect.opportunities (tenant_id, expected_close_date);
create index opportunities_name_trgm_idx on customerconnect.opportunities using gin (lower(name) gin_trgm_ops);
create index opportunities_search_idx on customerconnect.opportunities using gin (to_tsvector('simple', name));

create table customerconnect.opportunity_contacts (
  tenant_id uuid not null,
  opportunity_id uuid not null,
  contact_id uuid not null,
  role text not null default 'other'
    check (role in ('decision_maker', 'economic_buyer', 'champion', 'influencer', 'technical', 'user', 'other')),
  primary key (tenant_id, opportunity_id, contact_id),
  foreign key (tenant_id, opportunity_id) references customerconnect.opportunities (tenant_id, id) on delete cascade,
  foreign key (tenant_id, contact_id) references customerconnect.contacts (tenant_id, id)
);
create index opportunity_contacts_contact_idx on customerconnect.opportunity_contacts (tenant_id, contact_id);

-- Stage history: every move, with the time spent in the stage it left.
create table customerconnect.stage_history (
  tenant_id uuid not null,
  id uuid not null,
  opportunity_id uuid not null,
  from_stage_id uuid,
  to_stage_id uuid not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  seconds_in_from_stage bigint check (seconds_in_from_stage >= 0),
  primary key (tenant_id, id),
  foreign key (tenant_id, opportunity_id) references customerconnect.opportunities (tenant_id, id) on delete cascade
);
create index stage_history_opportunity_idx on customerconnect.stage_history (tenant_id, opportunity_id, changed_at desc, id desc);

-- Activities (notes, calls, meetings, logged emails, tasks), linked to one or
-- more records through activity_links. Mentions are user ids.
create table customerconnect.activities (
  tenant_id uuid not null,
  id uuid not null,
  type text not null check (type in ('note', 'call', 'meeting', 'email', 'task')),
  subject text check (char_length(subject) <= 300),
  body text check (char_length(body) <= 20000),
  -- When a call/meeting/email happened (or will); a task's due time.
  occurred_at timestamptz not null default now(),
  duration_minutes integer check (duration_minutes between 0 and 1440),
  -- Calls: 'connected', 'no_answer', …; emails: 'sent' / 'received'.
  outcome text check (char_length(outcome) <= 40),
  done boolean not null default false,
  assignee_id uuid,
  mentions uuid[] not null default '{}',
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index activities_created_idx on customerconnect.activities (tenant_id, created_at desc, id desc);

create table customerconnect.activity_links (
  tenant_id uuid not null,
  activity_id uuid not null,
  record_type text not null check (record_type in ('company', 'contact', 'lead', 'opportunity')),
  record_id uuid not null,
  primary key (tenant_id, activity_id, record_type, record_id),
  foreign key (tenant_id, activity_id) references customerconnect.activities (tenant_id, id) on delete cascade
);
create index activity_links_record_idx on customerconnect.activity_links (tenant_id, record_type, record_id);

-- Field changes for the timeline: one row per update, the changed fields with
-- before and after (custom fields as `custom.<key>`). Merges land here too.
create table customerconnect.record_changes (
  tenant_id uuid not null,
  id uuid not null,
  record_type text not null check (record_type in ('company', 'contact', 'lead', 'opportunity')),
  record_id uuid not null,
  kind text not null default 'updated' check (kind in ('created', 'updated', 'merged', 'converted')),
  -- [{ "field": "title", "from": "CTO", "to": "CEO" }]
  changes jsonb not null default '[]',
  changed_by uuid,
  changed_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index record_changes_record_idx on customerconnect.record_changes (tenant_id, record_type, record_id, changed_at desc, id desc);

-- Saved views: a named filter + sort of a list, personal or shared.
create table customerconnect.saved_views (
  tenant_id uuid not null,
  id uuid not null,
  object text not null check (object in ('company', 'contact', 'lead', 'opportunity')),
  name text not null check (char_length(name) between 1 and 100),
  owner_id uuid,
  shared boolean not null default false,
  -- The list's query parameters (filters, custom-field filters, sort), validated by the list's schema.
  query jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index saved_views_object_idx on customerconnect.saved_views (tenant_id, object, name);

-- Web-to-lead submissions kept for idempotency (the Idempotency-Key) and
-- honeypot accounting; `lead_id` null means discarded (the honeypot was filled).
create table customerconnect.lead_captures (
  tenant_id uuid not null,
  idempotency_key text not null check (char_length(idempotency_key) between 1 and 200),
  lead_id uuid,
  discarded boolean not null default false,
  received_at timestamptz not null default now(),
  primary key (tenant_id, idempotency_key)
);

do $$
declare
  t text;
begin
  foreach t in array array[
    'settings', 'teams', 'team_members', 'field_definitions', 'companies', 'contacts', 'contact_emails',
    'leads', 'lead_scoring_rules', 'assignment_rules', 'pipelines', 'stages', 'opportunities',
    'opportunity_contacts', 'stage_history', 'activities', 'activity_links', 'record_changes',
    'saved_views', 'lead_captures'
  ] loop
    execute format('alter table customerconnect.%I enable row level security', t);
    execute format('alter table customerconnect.%I force row level security', t);
    execute format(
      'create policy tenant_isolation on customerconnect.%I using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id())',
      t
    );
    execute format('grant select, insert, update, delete on customerconnect.%I to halooid_app', t);
  end loop;
end $$;

-- Custom-field equality filters (`custom @> '{"tier":"gold"}'`) use these.
create index companies_custom_idx on customerconnect.companies using gin (custom jsonb_path_ops);
create index contacts_custom_idx on customerconnect.contacts using gin (custom jsonb_path_ops);
create index leads_custom_idx on customerconnect.leads using gin (custom jsonb_path_ops);
create index opportunities_custom_idx on customerconnect.opportunities using gin (custom jsonb_path_ops);
