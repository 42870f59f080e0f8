import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, type FieldError } from '@halooid/shared/errors';
import { type Caller, isRequester, visibleCondition } from './caller';
import { allowedActions, type RequisitionStatus } from './requisition-status';
import type { ListRequisitionsQuery, Requisition, RequisitionLineInput, RequisitionSummary } from './schemas';

/** SQL for invantray.requisitions and their lines; every statement filters by tenant_id (RLS is the backstop). */
export interface RequisitionRow {
  id: string;
  number: string;
  status: RequisitionStatus;
  requested_by: string | null;
  needed_by: string | null;
  warehouse_id: string | null;
  note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `r.id, r.number, r.status, r.requested_by, r.needed_by::text, r.warehouse_id, r.note, r.decided_by,
  r.decided_at, r.decision_note, r.version, r.created_at, r.updated_at`;

const SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'r.created_at', type: 'timestamptz' },
  neededBy: { sql: `coalesce(r.needed_by, 'infinity'::date)`, type: 'date' },
  number: { sql: 'r.number', type: 'text' },
};

function summaryFields(row: RequisitionRow) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    requestedBy: row.requested_by,
    neededBy: row.needed_by,
    warehouseId: row.warehouse_id,
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A line as stored: the quantity already in the item's base unit. */
export interface BaseLine {
  itemId: string;
  quantity: string;
  supplierId: string | null;
  note: string | null;
}

/**
 * Checks the lines against the tenant in one statement (up to 100 lines:
 * one round trip, not one per line) and converts each quantity to the item's
 * base unit, as domain/units.ts does for one. Every bad line is named in one
 * 422 (`invalid_lines`) with its field path.
 */
export async function resolveLines(
  tx: Tx,
  tenantId: string,
  lines: readonly RequisitionLineInput[],
): Promise<BaseLine[]> {
  const { rows } = await tx.query<{
    item_found: boolean;
    base_unit: string | null;
    base_quantity: string | null;
    supplier_found: boolean;
  }>(
    `select i.id is not null as item_found, i.unit as base_unit,
            (case when x.unit is null or lower(x.unit) = lower(i.unit) then x.quantity
                  else round(x.quantity * u.factor, 4) end)::text as base_quantity,
            (x.supplier_id is null or s.id is not null) as supplier_found
     from rows from (jsonb_to_recordset($2::jsonb) as (item_id uuid, quantity numeric, unit text, supplier_id uuid))
       with ordinality as x(item_id, quantity, unit, supplier_id, ordinality)
     left join invantray.items i on i.tenant_id = $1 and i.id = x.item_id
     left join invantray.item_units u on u.tenant_id = $1 and u.item_id = x.item_id and lower(u.unit) = lower(x.unit)
     left join invantray.suppliers s on s.tenant_id = $1 and s.id = x.supplier_id
     order by x.ordinality`,
    [
      tenantId,
      JSON.stringify(
        lines.map((line) => ({
          item_id: line.itemId,
          quantity: line.quantity,
          unit: line.unit ?? null,
          supplier_id: line.supplierId ?? null,
        })),
      ),
    ],
  );
  const errors: FieldError[] = [];
  const resolved = lines.map((line, index): BaseLine => {
    const row = rows[index];
    const at = `body.lines.${index}`;
    if (!row?.item_found)
      errors.push({ field: `${at}.itemId`, message: 'No item with this id.', code: 'item_not_found' });
    else if (row.base_quantity === null)
      errors.push({
        field: `${at}.unit`,
        message: `The item has no unit "${line.unit}"; its base unit is ${row.base_unit}.`,
        code: 'unknown_unit',
      });
    else if (!/[1-9]/.test(row.base_quantity))
      errors.push({
        field: `${at}.quantity`,
        message: 'Less than one base unit’s ten-thousandth.',
        code: 'quantity_too_small',
      });
    if (row && !row.supplier_found)
      errors.push({
        field: `${at}.supplierId`,
        message: 'No supplier with this id.',
        code: 'supplier_not_found',
      });
    return {
      itemId: line.itemId,
      quantity: row?.base_quantity ?? line.quantity,
      supplierId: line.supplierId ?? null,
      note: line.note || null,
    };
  });
  if (errors.length > 0)
    throw new BusinessRuleError('invalid_lines', 'Some lines name something that does not exist.', errors);
  return resolved;
}

/** A warehouse named in a body must exist in the tenant (422 otherwise). */
export async function checkWarehouse(
  tx: Tx,
  tenantId: string,
  warehouseId: string,
  field: string,
): Promise<void> {
  const { rows } = await tx.query('select 1 from invantray.warehouses where tenant_id = $1 and id = $2', [
    tenantId,
    warehouseId,
  ]);
  if (rows.length === 0)
    throw new BusinessRuleError('warehouse_not_found', 'There is no such warehouse.', [
      { field, message: 'No warehouse with this id.', code: 'warehouse_not_found' },
    ]);
}

export async function insertRequisition(
  tx: Tx,
  requisition: {
    tenantId: string;
    id: string;
    number: string;
    requestedBy: string | null;
    neededBy: string | null;
    warehouseId: string | null;
    note: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into invantray.requisitions (tenant_id, id, number, requested_by, needed_by, warehouse_id, note)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      requisition.tenantId,
      requisition.id,
      requisition.number,
      requisition.requestedBy,
      requisition.neededBy,
      requisition.warehouseId,
      requisition.note,
    ],
  );
}

/** Replaces every line of a requisition (numbered from 1 in the order given). */
export async function replaceLines(
  tx: Tx,
  tenantId: string,
  requisitionId: string,
  lines: readonly BaseLine[],
  newId: () => string,
): Promise<void> {
  await tx.query('delete from invantray.requisition_lines where tenant_id = $1 and requisition_id = $2', [
    tenantId,
    requisitionId,
  ]);
  await tx.query(
    `insert into invantray.requisition_lines (tenant_id, id, requisition_id, line_no, item_id, quantity, supplier_id, note)
     select $1, x.id, $2, x.ordinality, x.item_id, x.quantity, x.supplier_id, x.note
     from rows from (jsonb_to_recordset($3::jsonb)
            as (id uuid, item_id uuid, quantity numeric, supplier_id uuid, note text)) with ordinality
       as x(id, item_id, quantity, supplier_id, note, ordinality)`,
    [
      tenantId,
      requisitionId,
      JSON.stringify(
        lines.map((line) => ({
          id: newId(),
          item_id: line.itemId,
          quantity: line.quantity,
          supplier_id: line.supplierId,
          note: line.note,
        })),
      ),
    ],
  );
}

/** The requisition if the caller may see it (their own, or any with `procurement:read`); locked when asked. */
export async function selectRequisitionRow(
  tx: Tx,
  caller: Caller,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RequisitionRow | undefined> {
  const filter = filterOf([caller.tenantId, id], ['r.tenant_id = $1', 'r.id = $2']);
  const visible = visibleCondition(caller, filter);
  if (visible) filter.where.push(visible);
  const { rows } = await tx.query<RequisitionRow>(
    `select ${COLUMNS} from invantray.requisitions r where ${filter.where.join(' and ')}${options.forUpdate ? ' for update' : ''}`,
    filter.params,
  );
  return rows[0];
}

/** Writes the header fields and bumps the version. */
export async function updateHeader(
  tx: Tx,
  tenantId: string,
  id: string,
  fields: { neededBy: string | null; warehouseId: string | null; note: string | null },
): Promise<void> {
  await tx.query(
    `update invantray.requisitions set needed_by = $3, warehouse_id = $4, note = $5, version = version + 1, updated_at = now()
     where tenant_id = $1 and id = $2`,
    [tenantId, id, fields.neededBy, fields.warehouseId, fields.note],
  );
}

/** Moves the requisition to `status` (recording a decision when one is given) and bumps the version. */
export async function setStatus(
  tx: Tx,
  tenantId: string,
  id: string,
  status: RequisitionStatus,
  decision?: { by: string | null; note: string | null },
): Promise<void> {
  await tx.query(
    `update invantray.requisitions
     set status = $3, version = version + 1, updated_at = now(),
         decided_by = case when $4 then $5::uuid else decided_by end,
         decided_at = case when $4 then now() else decided_at end,
         decision_note = case when $4 then $6 else decision_note end
     where tenant_id = $1 and id = $2`,
    [tenantId, id, status, decision !== undefined, decision?.by ?? null, decision?.note ?? null],
  );
}

interface LineRow {
  id: string;
  line_no: number;
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  quantity: string;
  supplier_id: string | null;
  supplier_name: string | null;
  note: string | null;
  purchase_order_line_id: string | null;
  purchase_order_id: string | null;
}

interface OrderRow {
  id: string;
  number: string;
  status: string;
  supplier_id: string;
  currency: string;
  total: string;
}

/** The whole requisition as GET answers it: lines with their items, the orders they became, the caller's actions. */
export async function loadRequisition(tx: Tx, caller: Caller, row: RequisitionRow): Promise<Requisition> {
  const { rows: lines } = await tx.query<LineRow>(
    `select l.id, l.line_no, l.item_id, i.sku, i.name as item_name, i.unit, l.quantity::text, l.supplier_id,
            s.name as supplier_name, l.note, l.purchase_order_line_id, pl.purchase_order_id
     from invantray.requisition_lines l
     join invantray.items i on i.tenant_id = l.tenant_id and i.id = l.item_id
     left join invantray.suppliers s on s.tenant_id = l.tenant_id and s.id = l.supplier_id
     left join invantray.purchase_order_lines pl on pl.tenant_id = l.tenant_id and pl.id = l.purchase_order_line_id
     where l.tenant_id = $1 and l.requisition_id = $2
     order by l.line_no`,
    [caller.tenantId, row.id],
  );
  const { rows: orders } = await tx.query<OrderRow>(
    `select o.id, o.number, o.status, o.supplier_id, o.currency, o.total::text
     from invantray.purchase_orders o
     where o.tenant_id = $1 and o.id in (
       select pl.purchase_order_id from invantray.purchase_order_lines pl
       join invantray.requisition_lines l on l.tenant_id = pl.tenant_id and l.id = pl.requisition_line_id
       where pl.tenant_id = $1 and l.requisition_id = $2)
     order by o.number`,
    [caller.tenantId, row.id],
  );
  return {
    ...summaryFields(row),
    lines: lines.map((line) => ({
      id: line.id,
      lineNo: line.line_no,
      itemId: line.item_id,
      sku: line.sku,
      itemName: line.item_name,
      unit: line.unit,
      quantity: trimDecimal(line.quantity),
      supplierId: line.supplier_id,
      supplierName: line.supplier_name,
      note: line.note,
      purchaseOrderLineId: line.purchase_order_line_id,
      purchaseOrderId: line.purchase_order_id,
    })),
    purchaseOrders: orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      supplierId: order.supplier_id,
      currency: order.currency,
      total: trimDecimal(order.total, 2),
    })),
    actions: allowedActions(row.status, {
      isRequester: isRequester(caller, row.requested_by),
      isBuyer: caller.isBuyer,
    }),
  };
}

/** One keyset page of the requisitions the caller may see, newest first unless `sort` says otherwise. */
export function selectRequisitions(tx: Tx, caller: Caller, query: ListRequisitionsQuery) {
  const filter = filterOf([caller.tenantId], ['r.tenant_id = $1']);
  const visible = visibleCondition(caller, filter);
  if (visible) filter.where.push(visible);
  if (query.mine === 'true')
    filter.where.push(
      caller.userId ? `r.requested_by = ${filter.bind(caller.userId)}` : 'r.requested_by is null',
    );
  if (query.status) filter.where.push(`r.status = any(${filter.bind(query.status.split(','))}::text[])`);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) filter.where.push(`strpos(lower(r.number), lower(${filter.bind(query.q)})) > 0`);
  return selectPage(tx, filter, {
    select: (sortValues) =>
      `select ${COLUMNS}, ${sortValues},
              (select count(*)::int from invantray.requisition_lines l
               where l.tenant_id = r.tenant_id and l.requisition_id = r.id) as line_count
       from invantray.requisitions r`,
    terms: parseSort(query.sort, SORTS, '-createdAt', { sql: 'r.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: RequisitionRow & { line_count: number } & Record<string, unknown>): RequisitionSummary => ({
      ...summaryFields(row),
      lineCount: row.line_count,
    }),
  });
}
