import type { Tx } from '@halooid/shared/db/transaction';
import { STOCK_ISSUED, type TaskMaterial } from './schemas';

/** Of these ids, the tasks the tenant has (not deleted). */
export async function liveTaskIds(tx: Tx, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>(
    'select id from taskodex.tasks where tenant_id = $1 and id = any($2::uuid[]) and deleted_at is null',
    [tenantId, ids],
  );
  return new Set(rows.map((row) => row.id));
}

/** Most distinct items one task's materials list shows. */
export const MAX_MATERIALS = 500;

/**
 * What was issued to a task, per item and unit, summed in numeric from its
 * `stock_issued` activity entries (the timeline is the record: append-only,
 * written exactly once per move).
 */
export async function selectMaterials(tx: Tx, tenantId: string, taskId: string): Promise<TaskMaterial[]> {
  const { rows } = await tx.query<{
    item_id: string;
    sku: string;
    unit: string;
    quantity: string;
    issues: number;
    last_issued_at: Date;
  }>(
    `select to_value->>'itemId' as item_id,
            (array_agg(to_value->>'sku' order by created_at desc, id desc))[1] as sku,
            to_value->>'unit' as unit,
            trim_scale(sum((to_value->>'quantity')::numeric))::text as quantity,
            count(*)::int as issues,
            max(created_at) as last_issued_at
       from taskodex.task_activity
      where tenant_id = $1 and task_id = $2 and kind = $3
      group by to_value->>'itemId', to_value->>'unit'
      order by lower((array_agg(to_value->>'sku' order by created_at desc, id desc))[1]), 1
      limit ${MAX_MATERIALS}`,
    [tenantId, taskId, STOCK_ISSUED],
  );
  return rows.map((row) => ({
    itemId: row.item_id,
    sku: row.sku,
    unit: row.unit,
    quantity: row.quantity,
    issues: row.issues,
    lastIssuedAt: row.last_issued_at.toISOString(),
  }));
}
