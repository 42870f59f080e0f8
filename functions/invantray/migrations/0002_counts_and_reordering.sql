-- Cycle counts and reordering (functions/invantray/counts, functions/invantray/reordering).
--
-- A count remembers its scope (the location alone or with every location
-- below it, and the items it is limited to), so entries for found items are
-- checked against the same scope the snapshot was taken over, and two open
-- counts never cover the same stock (each would post the same variance).
alter table invantray.stock_counts
  add column include_sublocations boolean not null default true,
  add column item_ids uuid[],
  add column submitted_at timestamptz,
  add column decision_note text check (char_length(decision_note) <= 1000);

-- The unit cost each line's variance was valued at, fixed when the count is
-- submitted, so the approver sees the figures the threshold was decided on.
alter table invantray.stock_count_lines
  add column unit_cost numeric(18,6) check (unit_cost >= 0);

-- A shortfall of an item without a default supplier makes no draft line that
-- would mark it as handled: the time its event went out does, until the item
-- is back at or above its point (then it is cleared, and a new fall alerts again).
alter table invantray.reorder_settings
  add column below_alerted_at timestamptz;

-- The reorder job finds which tenants have reorder settings as halooid_worker
-- (tenant ids only), then checks each tenant in that tenant's own transaction.
grant usage on schema invantray to halooid_worker;
grant select (tenant_id) on invantray.reorder_settings to halooid_worker;
create policy reorder_scan on invantray.reorder_settings for select to halooid_worker using (true);
