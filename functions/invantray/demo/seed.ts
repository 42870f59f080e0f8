import type { Tx } from '@halooid/shared/db/transaction';
import { rowsInserter } from '@halooid/shared/demo-rows';
import { uuidv7 } from '@halooid/shared/ids';
import type { DemoSeeder, DemoTenantContext } from '@halooid/shared/product';
import { generateInventory } from './generate';

/**
 * Invantray's demo seeder (product.ts `demoSeed`): Acme's stock. Two
 * warehouses (Chicago, Boston) with zones, aisles and bins; ~300 items in a
 * category tree, lot- and serial-tracked ones among them; seven suppliers with
 * quantity-break prices; a quarter of ledger (opening balances, daily issues,
 * transfers, receipts with put-away, a posted count); purchase orders in every
 * status; requisitions; a dozen items below their reorder point. Wanda Ware
 * (Warehouse Manager) moves the stock, Pablo Purchase (Procurement Officer)
 * buys. Each table is written in one statement (rowsInserter).
 */
export const seedDemo: DemoSeeder = async (tx, tenant) => {
  if (tenant.slug !== 'acme') return;
  await seedInventory(tx, tenant, new Date());
};

const userOf = (tenant: DemoTenantContext, email: string) =>
  tenant.users.find((user) => user.email === email)?.id ?? null;

export async function seedInventory(tx: Tx, tenant: DemoTenantContext, today: Date): Promise<void> {
  const insertRows = rowsInserter(tx, 'invantray', tenant.tenantId);
  const requesters = ['employee@acme.example', 'member@acme.example', 'warehouse@acme.example']
    .map((email) => userOf(tenant, email))
    .filter((id): id is string => id !== null);
  const demo = generateInventory(today, {
    newId: uuidv7,
    warehouseManager: userOf(tenant, 'warehouse@acme.example'),
    buyer: userOf(tenant, 'buyer@acme.example'),
    owner: userOf(tenant, 'owner@acme.example'),
    requesters,
  });

  await insertRows('settings', 'base_currency text', [{ base_currency: 'USD' }]);
  await insertRows('counters', 'kind text, last_value bigint', demo.counters);
  await insertRows('categories', 'id uuid, parent_id uuid, name text', demo.categories);
  await insertRows(
    'suppliers',
    'id uuid, code text, name text, email text, currency text, payment_terms_days integer, lead_time_days integer, address jsonb, contacts jsonb, created_by uuid',
    demo.suppliers,
  );
  await insertRows(
    'items',
    'id uuid, sku text, name text, description text, category_id uuid, unit text, tracking text, average_cost numeric, default_supplier_id uuid, active boolean, created_by uuid, created_at timestamptz',
    demo.items,
  );
  await insertRows('item_units', 'item_id uuid, unit text, factor numeric', demo.itemUnits);
  await insertRows('barcodes', 'code text, item_id uuid, unit text', demo.barcodes);
  await insertRows(
    'warehouses',
    'id uuid, code text, name text, address jsonb, receiving_location_id uuid, shipping_location_id uuid',
    demo.warehouses,
  );
  await insertRows(
    'locations',
    'id uuid, warehouse_id uuid, parent_id uuid, code text, name text, kind text, barcode text',
    demo.locations,
  );
  await insertRows(
    'reorder_settings',
    'item_id uuid, warehouse_id uuid, reorder_point numeric, reorder_quantity numeric',
    demo.reorder,
  );
  await insertRows(
    'lots',
    'id uuid, item_id uuid, kind text, number text, expires_on date, created_at timestamptz',
    demo.lots,
  );
  await insertRows(
    'stock_moves',
    'id uuid, kind text, item_id uuid, lot_id uuid, quantity numeric, from_location_id uuid, to_location_id uuid, unit_cost numeric, reference_type text, reference_id text, note text, batch_id uuid, posted_by uuid, posted_at timestamptz',
    demo.moves,
  );
  await insertRows(
    'stock_balances',
    'item_id uuid, location_id uuid, lot_key uuid, warehouse_id uuid, on_hand numeric',
    demo.stockBalances,
  );
  await insertRows(
    'item_costs',
    'item_id uuid, effective_at timestamptz, move_id uuid, average_cost numeric',
    demo.itemCosts,
  );
  await insertRows(
    'supplier_prices',
    'id uuid, supplier_id uuid, item_id uuid, min_quantity numeric, unit_price numeric, currency text, supplier_sku text, effective_from date',
    demo.prices,
  );
  await insertRows(
    'purchase_orders',
    'id uuid, number text, supplier_id uuid, warehouse_id uuid, status text, currency text, exchange_rate numeric, total numeric, required_approval text, source text, expected_on date, note text, created_by uuid, submitted_by uuid, submitted_at timestamptz, approved_by uuid, approved_at timestamptz, sent_at timestamptz, received_at timestamptz, closed_at timestamptz, cancelled_at timestamptz, created_at timestamptz',
    demo.purchaseOrders,
  );
  await insertRows(
    'purchase_order_lines',
    'id uuid, purchase_order_id uuid, line_no integer, item_id uuid, quantity numeric, unit_price numeric, received_quantity numeric',
    demo.orderLines,
  );
  await insertRows(
    'receipts',
    'id uuid, number text, purchase_order_id uuid, received_by uuid, received_at timestamptz',
    demo.receipts,
  );
  await insertRows(
    'receipt_lines',
    'id uuid, receipt_id uuid, purchase_order_line_id uuid, quantity numeric, location_id uuid, lot_id uuid, move_id uuid',
    demo.receiptLines,
  );
  await insertRows(
    'stock_counts',
    'id uuid, number text, location_id uuid, status text, variance_value numeric, created_by uuid, submitted_by uuid, posted_at timestamptz, created_at timestamptz',
    demo.counts,
  );
  await insertRows(
    'stock_count_lines',
    'id uuid, count_id uuid, item_id uuid, location_id uuid, lot_key uuid, expected numeric, counted numeric, counted_by uuid, counted_at timestamptz',
    demo.countLines,
  );
  await insertRows(
    'requisitions',
    'id uuid, number text, status text, requested_by uuid, needed_by date, warehouse_id uuid, note text, decided_by uuid, decided_at timestamptz, decision_note text, created_at timestamptz',
    demo.requisitions,
  );
  await insertRows(
    'requisition_lines',
    'id uuid, requisition_id uuid, line_no integer, item_id uuid, quantity numeric',
    demo.requisitionLines,
  );
}
