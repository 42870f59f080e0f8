import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import { trimDecimal } from '@halooid/shared/decimal';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { ON_ORDER_STATUSES } from './reorder-repository';
import type { BelowItem, ListBelowQuery } from './schemas';

export type ListBelowDeps = Pick<RequestDeps, 'tx' | 'principal'>;

interface BelowRow {
  covered: boolean;
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  warehouse_id: string;
  warehouse_code: string;
  available: string;
  on_order: string;
  reorder_point: string;
  reorder_quantity: string;
  supplier_id: string | null;
  supplier_code: string | null;
  supplier_name: string | null;
  order_id: string | null;
  order_number: string | null;
  order_status: string | null;
}

const SORTS: Record<string, SortColumn> = { sku: { sql: 'below.sku', type: 'text' } };

/**
 * Items whose available quantity in a warehouse is below their reorder
 * point, by SKU: what is physically short, whether open orders cover it
 * (`covered`), and the order that does (the open reorder draft first).
 */
export function listBelow(query: ListBelowQuery, deps: ListBelowDeps) {
  const filter = filterOf(
    [deps.principal.tenantId, ON_ORDER_STATUSES],
    ['below.available < below.reorder_point'],
  );
  if (query.warehouseId) filter.where.push(`below.warehouse_id = ${filter.bind(query.warehouseId)}::uuid`);
  return selectPage(deps.tx, filter, {
    select: (sortValues) => `select ${sortValues}, below.*,
      (below.available + below.on_order >= below.reorder_point) as covered from (
      select rs.item_id, rs.warehouse_id, rs.item_id::text || ':' || rs.warehouse_id::text as key,
             i.sku, i.name as item_name, i.unit, w.code as warehouse_code,
             rs.reorder_point, rs.reorder_quantity,
             coalesce((select sum(b.on_hand - b.reserved) from invantray.stock_balances b
                       where b.tenant_id = rs.tenant_id and b.item_id = rs.item_id
                         and b.warehouse_id = rs.warehouse_id), 0) as available,
             coalesce((select sum(greatest(l.quantity - l.received_quantity, 0))
                       from invantray.purchase_order_lines l
                       join invantray.purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.purchase_order_id
                       where l.tenant_id = rs.tenant_id and l.item_id = rs.item_id
                         and o.warehouse_id = rs.warehouse_id and o.status = any($2::text[])), 0) as on_order,
             s.id as supplier_id, s.code as supplier_code, s.name as supplier_name,
             covering.id as order_id, covering.number as order_number, covering.status as order_status
      from invantray.reorder_settings rs
      join invantray.items i on i.tenant_id = rs.tenant_id and i.id = rs.item_id and i.active
      join invantray.warehouses w on w.tenant_id = rs.tenant_id and w.id = rs.warehouse_id
      left join invantray.suppliers s on s.tenant_id = i.tenant_id and s.id = i.default_supplier_id
      left join lateral (
        select o.id, o.number, o.status from invantray.purchase_order_lines l
        join invantray.purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.purchase_order_id
        where l.tenant_id = rs.tenant_id and l.item_id = rs.item_id and o.warehouse_id = rs.warehouse_id
          and o.status = any($2::text[]) and l.quantity > l.received_quantity
        order by (o.source = 'reorder' and o.status = 'draft') desc, o.created_at desc, o.id
        limit 1
      ) covering on true
      where rs.tenant_id = $1
    ) below`,
    terms: parseSort(undefined, SORTS, 'sku', { sql: 'below.key', type: 'text' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: BelowRow & Record<string, unknown>): BelowItem => {
      const available = String(row.available);
      const onOrder = String(row.on_order);
      return {
        itemId: row.item_id,
        sku: row.sku,
        itemName: row.item_name,
        unit: row.unit,
        warehouseId: row.warehouse_id,
        warehouseCode: row.warehouse_code,
        available: trimDecimal(available),
        onOrder: trimDecimal(onOrder),
        reorderPoint: trimDecimal(String(row.reorder_point)),
        reorderQuantity: trimDecimal(String(row.reorder_quantity)),
        covered: row.covered,
        defaultSupplier:
          row.supplier_id && row.supplier_code && row.supplier_name
            ? { id: row.supplier_id, code: row.supplier_code, name: row.supplier_name }
            : null,
        purchaseOrder:
          row.order_id && row.order_number && row.order_status
            ? { id: row.order_id, number: row.order_number, status: row.order_status }
            : null,
      };
    },
  });
}
