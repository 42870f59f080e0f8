-- Invantray, inventory and purchasing: the whole part-1 data model in one
-- migration so every capability builds on the same tables. Tenant-owned:
-- tenant_id leads the primary key and every index, and row-level security is
-- forced on every table (the loop at the end), so a query that forgets its
-- tenant filter still sees only the current tenant's rows.
--
-- Quantities are numeric(18,4) in the item's base unit; money is numeric with
-- an ISO 4217 code beside it (unit costs and prices carry 6 places so a moving
-- average of cents does not drift; totals carry 2). Never floats.
-- People are platform user ids (no cross-schema foreign keys).

create schema if not exists invantray;
grant usage on schema invantray to halooid_app;

-- Per-tenant settings: the base currency (stock value, approval thresholds),
-- PO approval levels (domain/approval.ts), the count approval threshold and
-- the receiving and three-way-match tolerances.
create table invantray.settings (
  tenant_id uuid primary key,
  base_currency char(3) not null default 'USD' check (base_currency ~ '^[A-Z]{3}$'),
  -- [{ "above": "5000.00", "approver": "approve_permission" }, { "above": "50000.00", "approver": "owner" }]
  approval_levels jsonb not null default '[{"above":"5000.00","approver":"approve_permission"},{"above":"50000.00","approver":"owner"}]',
  count_approval_threshold numeric(18,2) not null default 1000 check (count_approval_threshold >= 0),
  over_receipt_tolerance_percent numeric(5,2) not null default 5 check (over_receipt_tolerance_percent between 0 and 100),
  match_quantity_tolerance_percent numeric(5,2) not null default 0 check (match_quantity_tolerance_percent between 0 and 100),
  match_price_tolerance_percent numeric(5,2) not null default 2 check (match_price_tolerance_percent between 0 and 100),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Numbers people read (PO-00042, REQ-00007, CNT-00003): one counter row per
-- kind, bumped by an upsert whose row lock makes concurrent takers queue
-- (domain/numbering.ts). Numbers are never reused, gaps after a rollback are fine.
create table invantray.counters (
  tenant_id uuid not null,
  kind text not null check (kind in ('purchase_order', 'requisition', 'count', 'receipt')),
  last_value bigint not null default 0,
  primary key (tenant_id, kind)
);

-- Categories: a tree (parent_id), names unique among siblings.
create table invantray.categories (
  tenant_id uuid not null,
  id uuid not null,
  parent_id uuid,
  name text not null check (char_length(name) between 1 and 100),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, parent_id) references invantray.categories (tenant_id, id),
  check (parent_id is null or parent_id <> id)
);
create unique index categories_name_idx
  on invantray.categories (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));

-- Items. `unit` is the base unit every quantity in the ledger is counted in;
-- item_units converts others to it (box = 12 each). `average_cost` is the
-- moving-average unit cost in the base currency, kept by domain/stock-ledger.ts
-- on every receipt; item_costs keeps its history for valuation at a date.
create table invantray.suppliers (
  tenant_id uuid not null,
  id uuid not null,
  code text not null check (char_length(code) between 1 and 40),
  name text not null check (char_length(name) between 1 and 200),
  email text check (char_length(email) <= 254),
  phone text check (char_length(phone) <= 40),
  website text check (char_length(website) <= 2048),
  address jsonb,
  -- [{ "name": "…", "email": "…", "phone": "…", "role": "sales" }]
  contacts jsonb not null default '[]',
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  payment_terms_days integer not null default 30 check (payment_terms_days between 0 and 365),
  lead_time_days integer not null default 7 check (lead_time_days between 0 and 365),
  notes text check (char_length(notes) <= 4000),
  active boolean not null default true,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index suppliers_code_idx on invantray.suppliers (tenant_id, lower(code));
create index suppliers_name_idx on invantray.suppliers (tenant_id, lower(name), id);

create table invantray.items (
  tenant_id uuid not null,
  id uuid not null,
  sku text not null check (char_length(sku) between 1 and 64),
  name text not null check (char_length(name) between 1 and 200),
  description text check (char_length(description) <= 4000),
  category_id uuid,
  unit text not null default 'each' check (char_length(unit) between 1 and 20),
  tracking text not null default 'none' check (tracking in ('none', 'lot', 'serial')),
  cost_method text not null default 'moving_average' check (cost_method in ('moving_average')),
  average_cost numeric(18,6) not null default 0 check (average_cost >= 0),
  default_supplier_id uuid,
  -- Image URLs (https), shown on the item page.
  images text[] not null default '{}',
  active boolean not null default true,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, category_id) references invantray.categories (tenant_id, id),
  foreign key (tenant_id, default_supplier_id) references invantray.suppliers (tenant_id, id)
);
create unique index items_sku_idx on invantray.items (tenant_id, lower(sku));
create index items_created_idx on invantray.items (tenant_id, created_at desc, id desc);
create index items_name_idx on invantray.items (tenant_id, lower(name), id);
create index items_category_idx on invantray.items (tenant_id, category_id);
create index items_supplier_idx on invantray.items (tenant_id, default_supplier_id);

create table invantray.item_units (
  tenant_id uuid not null,
  item_id uuid not null,
  unit text not null check (char_length(unit) between 1 and 20),
  -- How many base units one of these is (box → 12).
  factor numeric(18,6) not null check (factor > 0),
  primary key (tenant_id, item_id, unit),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id) on delete cascade
);

-- Barcodes: several per item, each unique in the tenant; `unit` says what one
-- scan counts (a box's barcode counts a box).
create table invantray.barcodes (
  tenant_id uuid not null,
  code text not null check (char_length(code) between 1 and 128),
  item_id uuid not null,
  unit text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, code),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id) on delete cascade
);
create index barcodes_item_idx on invantray.barcodes (tenant_id, item_id);

-- Warehouses and their locations: a tree of any depth (zone → aisle → bin).
-- Each warehouse has one receiving and one shipping location, made with it.
-- A location's `barcode` (unique in the tenant) is what a scanner reads.
create table invantray.warehouses (
  tenant_id uuid not null,
  id uuid not null,
  code text not null check (char_length(code) between 1 and 20),
  name text not null check (char_length(name) between 1 and 200),
  address jsonb,
  receiving_location_id uuid,
  shipping_location_id uuid,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index warehouses_code_idx on invantray.warehouses (tenant_id, lower(code));

create table invantray.locations (
  tenant_id uuid not null,
  id uuid not null,
  warehouse_id uuid not null,
  parent_id uuid,
  code text not null check (char_length(code) between 1 and 40),
  name text check (char_length(name) <= 200),
  kind text not null default 'bin' check (kind in ('zone', 'aisle', 'rack', 'shelf', 'bin', 'receiving', 'shipping', 'other')),
  barcode text not null check (char_length(barcode) between 1 and 128),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, warehouse_id) references invantray.warehouses (tenant_id, id),
  foreign key (tenant_id, parent_id) references invantray.locations (tenant_id, id),
  check (parent_id is null or parent_id <> id)
);
create unique index locations_barcode_idx on invantray.locations (tenant_id, barcode);
create unique index locations_code_idx
  on invantray.locations (tenant_id, warehouse_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(code));
create index locations_parent_idx on invantray.locations (tenant_id, warehouse_id, parent_id);

-- Reorder settings per item and warehouse (quantities in the base unit).
create table invantray.reorder_settings (
  tenant_id uuid not null,
  item_id uuid not null,
  warehouse_id uuid not null,
  reorder_point numeric(18,4) not null check (reorder_point >= 0),
  reorder_quantity numeric(18,4) not null check (reorder_quantity > 0),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, item_id, warehouse_id),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id) on delete cascade,
  foreign key (tenant_id, warehouse_id) references invantray.warehouses (tenant_id, id)
);
create index reorder_settings_warehouse_idx on invantray.reorder_settings (tenant_id, warehouse_id, item_id);

-- Lot and serial numbers: one table, `kind` says which. A serial's balance is
-- 0 or 1 at one location (domain/stock-ledger.ts). Numbers are unique per item.
create table invantray.lots (
  tenant_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  kind text not null check (kind in ('lot', 'serial')),
  number text not null check (char_length(number) between 1 and 100),
  expires_on date,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id)
);
create unique index lots_number_idx on invantray.lots (tenant_id, item_id, number);
create index lots_lookup_idx on invantray.lots (tenant_id, number);

-- The stock ledger: append-only (the app role may only SELECT and INSERT).
-- One row per move of one item (and lot) from one location to another:
-- receipt (to), issue (from), transfer (from, to), adjustment and count (to
-- when adding, from when removing). `quantity` is always positive, in base
-- units. `unit_cost` is the cost the move was valued at (receipts: the
-- purchase price in base currency; others: the average cost at the time).
create table invantray.stock_moves (
  tenant_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('receipt', 'issue', 'transfer', 'adjustment', 'count')),
  item_id uuid not null,
  lot_id uuid,
  quantity numeric(18,4) not null check (quantity > 0),
  from_location_id uuid,
  to_location_id uuid,
  unit_cost numeric(18,6) not null check (unit_cost >= 0),
  -- What the move was for: ('purchase_order_line', id), ('task', id), ('count', id), ('reservation', id)…
  reference_type text check (reference_type in ('purchase_order_line', 'receipt', 'task', 'asset', 'count', 'reservation', 'manual')),
  reference_id text check (char_length(reference_id) <= 100),
  note text check (char_length(note) <= 1000),
  -- Moves posted together (a transfer of several items, one receipt) share it.
  batch_id uuid not null,
  posted_by uuid,
  posted_by_key text,
  posted_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (from_location_id is not null or to_location_id is not null),
  check (kind <> 'receipt' or (to_location_id is not null and from_location_id is null)),
  check (kind <> 'issue' or (from_location_id is not null and to_location_id is null)),
  check (kind <> 'transfer' or (from_location_id is not null and to_location_id is not null and from_location_id <> to_location_id)),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id),
  foreign key (tenant_id, lot_id) references invantray.lots (tenant_id, id),
  foreign key (tenant_id, from_location_id) references invantray.locations (tenant_id, id),
  foreign key (tenant_id, to_location_id) references invantray.locations (tenant_id, id)
);
create index stock_moves_item_idx on invantray.stock_moves (tenant_id, item_id, posted_at, id);
create index stock_moves_posted_idx on invantray.stock_moves (tenant_id, posted_at desc, id desc);
create index stock_moves_reference_idx on invantray.stock_moves (tenant_id, reference_type, reference_id)
  where reference_type is not null;

-- On hand and reserved per item × location × lot, derived from the ledger and
-- kept in the same transaction as each move. `lot_key` is the lot id or the
-- zero uuid for untracked stock (a primary key cannot hold null). The checks
-- are the last line: a concurrent overdraw fails here even if code forgot.
create table invantray.stock_balances (
  tenant_id uuid not null,
  item_id uuid not null,
  location_id uuid not null,
  lot_key uuid not null default '00000000-0000-0000-0000-000000000000',
  warehouse_id uuid not null,
  on_hand numeric(18,4) not null default 0 check (on_hand >= 0),
  reserved numeric(18,4) not null default 0 check (reserved >= 0 and reserved <= on_hand),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, item_id, location_id, lot_key),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id),
  foreign key (tenant_id, location_id) references invantray.locations (tenant_id, id)
);
create index stock_balances_location_idx on invantray.stock_balances (tenant_id, location_id, item_id);
create index stock_balances_warehouse_idx on invantray.stock_balances (tenant_id, warehouse_id, item_id);

-- Moving-average cost history: one row per receipt (or cost correction) with
-- the new average; valuation at a date takes each item's latest row before it.
create table invantray.item_costs (
  tenant_id uuid not null,
  item_id uuid not null,
  effective_at timestamptz not null,
  move_id uuid not null,
  average_cost numeric(18,6) not null check (average_cost >= 0),
  primary key (tenant_id, item_id, effective_at, move_id),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id)
);

-- Reservations hold stock for a purpose: `reserved` on the balance grows on
-- reserve and shrinks on release or consume (consume posts an issue move).
create table invantray.reservations (
  tenant_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  location_id uuid not null,
  lot_key uuid not null default '00000000-0000-0000-0000-000000000000',
  quantity numeric(18,4) not null check (quantity > 0),
  status text not null default 'active' check (status in ('active', 'released', 'consumed')),
  reference_type text check (reference_type in ('task', 'asset', 'order', 'manual')),
  reference_id text check (char_length(reference_id) <= 100),
  note text check (char_length(note) <= 1000),
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, item_id, location_id, lot_key)
    references invantray.stock_balances (tenant_id, item_id, location_id, lot_key)
);
create index reservations_item_idx on invantray.reservations (tenant_id, item_id, status);

-- Cycle counts: a location (and the locations below it) is counted blind;
-- `expected` is snapshotted at start and never shown to counters. Posting
-- writes `count` moves for the variances; over the tenant's threshold (by
-- value) it waits for someone with `invantray:stock:adjust` to approve.
create table invantray.stock_counts (
  tenant_id uuid not null,
  id uuid not null,
  number text not null,
  location_id uuid not null,
  status text not null default 'open' check (status in ('open', 'pending_approval', 'posted', 'cancelled')),
  variance_value numeric(18,2),
  note text check (char_length(note) <= 1000),
  created_by uuid,
  submitted_by uuid,
  approved_by uuid,
  posted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, location_id) references invantray.locations (tenant_id, id)
);
create unique index stock_counts_number_idx on invantray.stock_counts (tenant_id, number);
create index stock_counts_created_idx on invantray.stock_counts (tenant_id, created_at desc, id desc);

create table invantray.stock_count_lines (
  tenant_id uuid not null,
  id uuid not null,
  count_id uuid not null,
  item_id uuid not null,
  location_id uuid not null,
  lot_key uuid not null default '00000000-0000-0000-0000-000000000000',
  expected numeric(18,4) not null,
  counted numeric(18,4) check (counted >= 0),
  counted_by uuid,
  counted_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, count_id) references invantray.stock_counts (tenant_id, id) on delete cascade
);
create unique index stock_count_lines_key_idx on invantray.stock_count_lines (tenant_id, count_id, item_id, location_id, lot_key);

-- Supplier prices: per item with quantity breaks, effective-dated (a new
-- price is a new row from its date; the newest row on or before a date wins).
create table invantray.supplier_prices (
  tenant_id uuid not null,
  id uuid not null,
  supplier_id uuid not null,
  item_id uuid not null,
  min_quantity numeric(18,4) not null default 1 check (min_quantity > 0),
  unit_price numeric(18,6) not null check (unit_price >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  supplier_sku text check (char_length(supplier_sku) <= 64),
  effective_from date not null default current_date,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, supplier_id) references invantray.suppliers (tenant_id, id),
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id) on delete cascade
);
create unique index supplier_prices_key_idx
  on invantray.supplier_prices (tenant_id, supplier_id, item_id, min_quantity, effective_from);
create index supplier_prices_item_idx on invantray.supplier_prices (tenant_id, item_id, supplier_id);

-- Purchase requisitions: anyone with `invantray:procurement:request` asks;
-- a buyer approves and turns lines into purchase order lines.
create table invantray.requisitions (
  tenant_id uuid not null,
  id uuid not null,
  number text not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'rejected', 'ordered', 'cancelled')),
  requested_by uuid,
  needed_by date,
  warehouse_id uuid,
  note text check (char_length(note) <= 2000),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text check (char_length(decision_note) <= 1000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, warehouse_id) references invantray.warehouses (tenant_id, id)
);
create unique index requisitions_number_idx on invantray.requisitions (tenant_id, number);
create index requisitions_created_idx on invantray.requisitions (tenant_id, created_at desc, id desc);
create index requisitions_requester_idx on invantray.requisitions (tenant_id, requested_by, created_at desc);

create table invantray.requisition_lines (
  tenant_id uuid not null,
  id uuid not null,
  requisition_id uuid not null,
  line_no integer not null,
  item_id uuid not null,
  quantity numeric(18,4) not null check (quantity > 0),
  supplier_id uuid,
  note text check (char_length(note) <= 1000),
  purchase_order_line_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, requisition_id) references invantray.requisitions (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id)
);
create unique index requisition_lines_no_idx on invantray.requisition_lines (tenant_id, requisition_id, line_no);

-- Purchase orders: draft → submitted → approved → sent → partially_received →
-- received → closed, or cancelled (domain/purchase-order.ts). `required_approval`
-- is decided at submit from the total in base currency (domain/approval.ts).
create table invantray.purchase_orders (
  tenant_id uuid not null,
  id uuid not null,
  number text not null,
  supplier_id uuid not null,
  warehouse_id uuid not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'sent', 'partially_received', 'received', 'closed', 'cancelled')),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- Base-currency units per one unit of `currency` (1 when they are the same).
  exchange_rate numeric(18,8) not null default 1 check (exchange_rate > 0),
  total numeric(18,2) not null default 0 check (total >= 0),
  required_approval text check (required_approval in ('none', 'approve_permission', 'owner')),
  source text not null default 'manual' check (source in ('manual', 'requisition', 'reorder')),
  expected_on date,
  note text check (char_length(note) <= 2000),
  created_by uuid,
  submitted_by uuid,
  submitted_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  sent_at timestamptz,
  received_at timestamptz,
  closed_at timestamptz,
  cancelled_at timestamptz,
  -- 'pending' until a supplier invoice is recorded, then the three-way match result.
  match_status text not null default 'pending' check (match_status in ('pending', 'matched', 'quantity_mismatch', 'price_mismatch', 'mismatch')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, supplier_id) references invantray.suppliers (tenant_id, id),
  foreign key (tenant_id, warehouse_id) references invantray.warehouses (tenant_id, id)
);
create unique index purchase_orders_number_idx on invantray.purchase_orders (tenant_id, number);
create index purchase_orders_created_idx on invantray.purchase_orders (tenant_id, created_at desc, id desc);
create index purchase_orders_status_idx on invantray.purchase_orders (tenant_id, status, supplier_id);

create table invantray.purchase_order_lines (
  tenant_id uuid not null,
  id uuid not null,
  purchase_order_id uuid not null,
  line_no integer not null,
  item_id uuid not null,
  quantity numeric(18,4) not null check (quantity > 0),
  unit_price numeric(18,6) not null check (unit_price >= 0),
  received_quantity numeric(18,4) not null default 0 check (received_quantity >= 0),
  requisition_line_id uuid,
  -- Set on lines the reorder job made: the warehouse whose shortfall it covers.
  reorder_warehouse_id uuid,
  note text check (char_length(note) <= 1000),
  primary key (tenant_id, id),
  foreign key (tenant_id, purchase_order_id) references invantray.purchase_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references invantray.items (tenant_id, id)
);
create unique index purchase_order_lines_no_idx on invantray.purchase_order_lines (tenant_id, purchase_order_id, line_no);
create index purchase_order_lines_item_idx on invantray.purchase_order_lines (tenant_id, item_id);

-- Receipts: one receiving session against a PO; its moves reference its lines.
create table invantray.receipts (
  tenant_id uuid not null,
  id uuid not null,
  number text not null,
  purchase_order_id uuid not null,
  received_by uuid,
  note text check (char_length(note) <= 1000),
  received_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, purchase_order_id) references invantray.purchase_orders (tenant_id, id)
);
create unique index receipts_number_idx on invantray.receipts (tenant_id, number);
create index receipts_po_idx on invantray.receipts (tenant_id, purchase_order_id, received_at);

create table invantray.receipt_lines (
  tenant_id uuid not null,
  id uuid not null,
  receipt_id uuid not null,
  purchase_order_line_id uuid not null,
  quantity numeric(18,4) not null check (quantity > 0),
  location_id uuid not null,
  lot_id uuid,
  move_id uuid not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, receipt_id) references invantray.receipts (tenant_id, id)
);
create index receipt_lines_po_line_idx on invantray.receipt_lines (tenant_id, purchase_order_line_id);

-- Supplier invoices against a PO, for the three-way match (ordered, received, invoiced).
create table invantray.supplier_invoices (
  tenant_id uuid not null,
  id uuid not null,
  purchase_order_id uuid not null,
  invoice_number text not null check (char_length(invoice_number) between 1 and 64),
  invoice_date date not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  total numeric(18,2) not null check (total >= 0),
  match_status text not null check (match_status in ('matched', 'quantity_mismatch', 'price_mismatch', 'mismatch')),
  -- Per line: { poLineId, ordered, received, invoiced, orderedPrice, invoicedPrice, status }.
  match_details jsonb not null default '[]',
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, purchase_order_id) references invantray.purchase_orders (tenant_id, id)
);
create unique index supplier_invoices_number_idx on invantray.supplier_invoices (tenant_id, purchase_order_id, invoice_number);

create table invantray.supplier_invoice_lines (
  tenant_id uuid not null,
  id uuid not null,
  invoice_id uuid not null,
  purchase_order_line_id uuid not null,
  quantity numeric(18,4) not null check (quantity >= 0),
  unit_price numeric(18,6) not null check (unit_price >= 0),
  primary key (tenant_id, id),
  foreign key (tenant_id, invoice_id) references invantray.supplier_invoices (tenant_id, id) on delete cascade
);

do $$
declare
  t text;
begin
  foreach t in array array[
    'settings', 'counters', 'categories', 'suppliers', 'items', 'item_units', 'barcodes', 'warehouses',
    'locations', 'reorder_settings', 'lots', 'stock_moves', 'stock_balances', 'item_costs', 'reservations',
    'stock_counts', 'stock_count_lines', 'supplier_prices', 'requisitions', 'requisition_lines',
    'purchase_orders', 'purchase_order_lines', 'receipts', 'receipt_lines', 'supplier_invoices',
    'supplier_invoice_lines'
  ] loop
    execute format('alter table invantray.%I enable row level security', t);
    execute format('alter table invantray.%I force row level security', t);
    execute format(
      'create policy tenant_isolation on invantray.%I using (tenant_id = platform.current_tenant_id()) with check (tenant_id = platform.current_tenant_id())',
      t
    );
    execute format('grant select, insert, update, delete on invantray.%I to halooid_app', t);
  end loop;
end $$;

-- The ledgers are append-only: history is corrected by new moves, never edited.
revoke update, delete on invantray.stock_moves from halooid_app;
revoke update, delete on invantray.item_costs from halooid_app;
