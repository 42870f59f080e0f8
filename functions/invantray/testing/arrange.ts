import { randomUUID } from 'node:crypto';
import type { TestPlatform } from '@halooid/local/testing/test-platform';
import { withTenantEvents } from '@halooid/shared/events/outbox';
import { uuidv7 } from '@halooid/shared/ids';
import { type MoveInput, postMoves } from '../domain/stock-ledger';

/**
 * The rows Invantray's integration tests arrange straight in the tables:
 * a suite tests its own routes, and the items, warehouses and suppliers it
 * needs belong to other capabilities. Test helpers, not a capability: only
 * `*.int.test.ts` files import this folder (they are exempt from the slice
 * rule), and it imports domain/ only. Every default is unique or neutral, so
 * a test names only what it asserts on.
 */

/** `label-1a2b3c4d`: unique enough for codes and SKUs within one test database. */
export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

type Tracking = 'none' | 'lot' | 'serial';
type LocationKind = 'zone' | 'aisle' | 'rack' | 'shelf' | 'bin' | 'receiving' | 'shipping' | 'other';

export interface ItemOptions {
  sku?: string;
  name?: string;
  unit?: string;
  tracking?: Tracking;
  averageCost?: string;
  defaultSupplierId?: string | null;
  categoryId?: string | null;
  /** Adds the unit `box` holding this many base units. */
  boxOf?: string;
}

export interface WarehouseOptions {
  code?: string;
  name?: string;
  address?: Record<string, string> | null;
}

export interface LocationOptions {
  code: string;
  parentId?: string | null;
  kind?: LocationKind;
  barcode?: string;
}

export interface SupplierOptions {
  code?: string;
  name?: string;
  currency?: string;
  email?: string | null;
  paymentTermsDays?: number;
  leadTimeDays?: number;
  address?: Record<string, string> | null;
}

export interface PriceOptions {
  minQuantity?: string;
  currency?: string;
  /** ISO date; default yesterday, so the row is in effect today. */
  effectiveFrom?: string;
}

/** Arrange helpers bound to one tenant (call it once `tenantId` is known, in `beforeAll`). */
export function arrangeIn(platform: Pick<TestPlatform, 'db'>, tenantId: string) {
  const { db } = platform;
  return {
    async item(options: ItemOptions = {}): Promise<{ id: string; sku: string }> {
      const id = randomUUID();
      const sku = options.sku ?? unique('SKU');
      await db.query(
        `insert into invantray.items
           (tenant_id, id, sku, name, unit, tracking, average_cost, default_supplier_id, category_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          tenantId,
          id,
          sku,
          options.name ?? `Item ${sku}`,
          options.unit ?? 'each',
          options.tracking ?? 'none',
          options.averageCost ?? '0',
          options.defaultSupplierId ?? null,
          options.categoryId ?? null,
        ],
      );
      if (options.boxOf)
        await db.query(
          `insert into invantray.item_units (tenant_id, item_id, unit, factor) values ($1, $2, 'box', $3)`,
          [tenantId, id, options.boxOf],
        );
      return { id, sku };
    },

    /** A bare warehouse: no locations (add them with `location`), no receiving or shipping dock. */
    async warehouse(options: WarehouseOptions = {}): Promise<{ id: string; code: string }> {
      const id = randomUUID();
      const code = options.code ?? unique('W');
      await db.query(
        'insert into invantray.warehouses (tenant_id, id, code, name, address) values ($1, $2, $3, $4, $5)',
        [tenantId, id, code, options.name ?? `Warehouse ${code}`, options.address ?? null],
      );
      return { id, code };
    },

    /** A location (a `bin` unless said otherwise) with a unique barcode; its id. */
    async location(warehouseId: string, options: LocationOptions): Promise<string> {
      const id = randomUUID();
      await db.query(
        `insert into invantray.locations (tenant_id, id, warehouse_id, parent_id, code, kind, barcode)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          tenantId,
          id,
          warehouseId,
          options.parentId ?? null,
          options.code,
          options.kind ?? 'bin',
          options.barcode ?? `LOC-${id}`,
        ],
      );
      return id;
    },

    /** Makes the location the warehouse's receiving dock (where receipts land by default). */
    async receivingDock(warehouseId: string, locationId: string): Promise<void> {
      await db.query(
        'update invantray.warehouses set receiving_location_id = $3 where tenant_id = $1 and id = $2',
        [tenantId, warehouseId, locationId],
      );
    },

    /** A supplier; the table's defaults (terms, lead time) for what is not given. */
    async supplier(options: SupplierOptions = {}): Promise<string> {
      const id = randomUUID();
      const code = options.code ?? unique('SUP');
      const columns: Record<string, unknown> = {
        tenant_id: tenantId,
        id,
        code,
        name: options.name ?? `Supplier ${code}`,
        currency: options.currency ?? 'USD',
        email: options.email ?? null,
        address: options.address ?? null,
      };
      if (options.paymentTermsDays !== undefined) columns.payment_terms_days = options.paymentTermsDays;
      if (options.leadTimeDays !== undefined) columns.lead_time_days = options.leadTimeDays;
      const names = Object.keys(columns);
      await db.query(
        `insert into invantray.suppliers (${names.join(', ')})
         values (${names.map((_, index) => `$${index + 1}`).join(', ')})`,
        Object.values(columns),
      );
      return id;
    },

    async price(supplierId: string, itemId: string, unitPrice: string, options: PriceOptions = {}) {
      await db.query(
        `insert into invantray.supplier_prices
           (tenant_id, id, supplier_id, item_id, min_quantity, unit_price, currency, effective_from)
         values ($1, $2, $3, $4, $5, $6, $7, coalesce($8::date, current_date - 1))`,
        [
          tenantId,
          randomUUID(),
          supplierId,
          itemId,
          options.minQuantity ?? '1',
          unitPrice,
          options.currency ?? 'USD',
          options.effectiveFrom ?? null,
        ],
      );
    },

    /** Stock through the real ledger, as a receipt or issue by this user would post it. */
    postMoves(userId: string, moves: MoveInput[]) {
      const principal = { tenantId, principalId: userId, principalType: 'user' as const, grants: [] };
      return withTenantEvents({ tenantId, userId, actor: { type: 'user', id: userId } }, (tx, events) =>
        postMoves({ tx, principal, newId: uuidv7, events }, moves),
      );
    },
  };
}

export type Arrange = ReturnType<typeof arrangeIn>;
