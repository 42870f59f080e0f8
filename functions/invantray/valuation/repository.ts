import { filterOf } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { onHandSql, unitCostSql } from '../domain/on-hand-at';
import type { ValuationQuery } from './schemas';

/**
 * Stock value in SQL numeric: on hand per item × warehouse at the instant
 * (domain/on-hand-at.ts), times the item's unit cost then, rounded to cents
 * per item × warehouse, then summed per group — so the rows add up to the
 * total to the cent. The totals row is the grouping set's empty group.
 */
export interface ValuationSqlRow {
  id: string | null;
  code: string | null;
  name: string | null;
  quantity: string;
  unit_cost: string | null;
  value: string;
  is_total: boolean;
}

const GROUPS = {
  warehouse: {
    join: 'join invantray.warehouses g on g.tenant_id = $1 and g.id = v.warehouse_id',
    key: 'g.id, g.code, g.name',
    select: 'g.id, g.code, g.name, null::text as unit_cost',
    order: 'lower(g.code)',
  },
  category: {
    join: 'left join invantray.categories g on g.tenant_id = $1 and g.id = v.category_id',
    key: 'g.id, g.name',
    select: 'g.id, null::text as code, g.name, null::text as unit_cost',
    order: 'g.id is null, lower(g.name)',
  },
  item: {
    join: '',
    key: 'v.item_id, v.sku, v.item_name, v.unit_cost',
    select: 'v.item_id as id, v.sku as code, v.item_name as name, v.unit_cost::text as unit_cost',
    order: 'lower(v.sku)',
  },
} as const;

export async function selectValuation(
  tx: Tx,
  tenantId: string,
  query: ValuationQuery,
  cutoff: string | undefined,
): Promise<ValuationSqlRow[]> {
  const filter = filterOf([tenantId], []);
  const scope = onHandSql(filter, { warehouseId: query.warehouseId, cutoff });
  const cost = unitCostSql(filter, cutoff);
  const group = GROUPS[query.groupBy];
  const { rows } = await tx.query<ValuationSqlRow>(
    `with held as (
       select s.item_id, s.warehouse_id, sum(s.on_hand) as quantity
       from (${scope}) s group by s.item_id, s.warehouse_id having sum(s.on_hand) <> 0
     ), v as (
       select held.item_id, held.warehouse_id, held.quantity, i.sku, i.name as item_name, i.category_id,
              c.unit_cost, round(held.quantity * c.unit_cost, 2) as value
       from held
       join invantray.items i on i.tenant_id = $1 and i.id = held.item_id
       cross join lateral (select ${cost} as unit_cost) c
     )
     select ${group.select}, sum(v.quantity)::text as quantity, sum(v.value)::text as value,
            grouping(${group.key}) <> 0 as is_total
     from v ${group.join}
     group by grouping sets ((${group.key}), ())
     order by is_total, ${group.order}`,
    filter.params,
  );
  return rows;
}
