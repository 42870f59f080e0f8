import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { trimDecimal } from '../domain/opportunity';
import { opportunityScope } from '../domain/opportunity-repository';
import { binderFor } from '../domain/visibility';
import { parsePeriod } from './period';
import type { Forecast, ForecastQuery } from './schemas';

export type ForecastDeps = Pick<RequestDeps, 'tx' | 'principal'>;

interface FigureRow {
  key: string | null;
  label: string | null;
  currency: string;
  count: number;
  total: string;
  weighted: string;
  open_count: number;
  open_total: string;
  open_weighted: string;
  won_count: number;
  won_total: string;
  lost_count: number;
  lost_total: string;
}

const GROUPS = {
  owner: { key: 'o.owner_id::text', label: 'null::text', by: 'o.owner_id', order: 'o.owner_id nulls last' },
  stage: {
    key: 's.id::text',
    label: 's.name',
    by: 's.id, s.name, s.pipeline_id, s.position',
    order: 's.pipeline_id, s.position',
  },
  month: {
    key: "to_char(o.expected_close_date, 'YYYY-MM')",
    label: 'null::text',
    by: "to_char(o.expected_close_date, 'YYYY-MM')",
    order: "to_char(o.expected_close_date, 'YYYY-MM')",
  },
  none: { key: 'null::text', label: 'null::text', by: '', order: '' },
} as const;

/** Money sums in SQL: totals with two places; weighted exact (six places, trimmed to at least two in JS by string). */
const FIGURES = `o.currency, count(*)::int as count, sum(o.amount)::numeric(30, 2)::text as total,
  (sum(o.amount * s.probability) / 100)::numeric(30, 6)::text as weighted,
  count(*) filter (where o.status = 'open')::int as open_count,
  coalesce(sum(o.amount) filter (where o.status = 'open'), 0)::numeric(30, 2)::text as open_total,
  (coalesce(sum(o.amount * s.probability) filter (where o.status = 'open'), 0) / 100)::numeric(30, 6)::text as open_weighted,
  count(*) filter (where o.status = 'won')::int as won_count,
  coalesce(sum(o.amount) filter (where o.status = 'won'), 0)::numeric(30, 2)::text as won_total,
  count(*) filter (where o.status = 'lost')::int as lost_count,
  coalesce(sum(o.amount) filter (where o.status = 'lost'), 0)::numeric(30, 2)::text as lost_total`;

function figuresOf(row: FigureRow) {
  return {
    currency: row.currency,
    count: row.count,
    total: row.total,
    weighted: trimDecimal(row.weighted),
    open: { count: row.open_count, total: row.open_total, weighted: trimDecimal(row.open_weighted) },
    won: { count: row.won_count, total: row.won_total },
    lost: { count: row.lost_count, total: row.lost_total },
  };
}

/**
 * The forecast of a period over the deals the caller may see whose expected
 * close date falls in it (opportunities_close_idx), per group and currency:
 * counts and totals (all, open, won, lost) and the weighted amount Σ amount ×
 * stage probability / 100, all summed exactly in SQL. Deals without an amount
 * are left out; currencies are never added together.
 */
export async function getForecast(query: ForecastQuery, deps: ForecastDeps): Promise<Forecast> {
  const { tx, principal } = deps;
  const period = parsePeriod(query.period);
  const scope = await opportunityScope(tx, principal);
  const owner =
    query.ownerId === 'me'
      ? principal.principalType === 'user'
        ? principal.principalId
        : '00000000-0000-0000-0000-000000000000'
      : query.ownerId;

  const run = async (group: (typeof GROUPS)[keyof typeof GROUPS]) => {
    const values: unknown[] = [principal.tenantId, period.from, period.to];
    const bind = binderFor(values);
    const where = [
      'o.tenant_id = $1',
      'o.expected_close_date >= $2::date',
      'o.expected_close_date < $3::date',
      'o.amount is not null',
      scope(bind),
      ...(query.pipelineId ? [`o.pipeline_id = ${bind(query.pipelineId)}`] : []),
      ...(owner ? [`o.owner_id = ${bind(owner)}`] : []),
    ];
    const { rows } = await tx.query<FigureRow>(
      `select ${group.key} as key, ${group.label} as label, ${FIGURES}
         from customerconnect.opportunities o
         join customerconnect.stages s on s.tenant_id = o.tenant_id and s.id = o.stage_id
        where ${where.join(' and ')}
        group by ${group.by ? `${group.by}, ` : ''}o.currency
        order by ${group.order ? `${group.order}, ` : ''}o.currency`,
      values,
    );
    return rows;
  };

  const rows = await run(GROUPS[query.groupBy]);
  const groups: Forecast['groups'] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.key === row.key) last.currencies.push(figuresOf(row));
    else groups.push({ key: row.key, label: row.label, currencies: [figuresOf(row)] });
  }
  const { rows: last } = await tx.query<{ day: string }>('select ($1::date - 1)::text as day', [period.to]);
  return {
    period: period.label,
    from: period.from,
    to: last[0]?.day ?? period.to,
    groupBy: query.groupBy,
    groups,
    totals: (await run(GROUPS.none)).map(figuresOf),
  };
}
