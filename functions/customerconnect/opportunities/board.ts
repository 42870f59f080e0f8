import { encodeCursor, parseSort, sortValuesSelect } from '@halooid/shared/db/pagination';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  OPPORTUNITY_COLUMNS,
  OPPORTUNITY_FROM,
  type OpportunityRow,
  opportunityScope,
  toOpportunity,
} from '../domain/opportunity-repository';
import { selectDefaultPipelineId, selectPipeline } from '../domain/pipelines';
import { binderFor } from '../domain/visibility';
import { ID_SORT, OPPORTUNITY_SORTS, ownerFilter } from './list-opportunities';
import type { Board, BoardQuery } from './schemas';

export type BoardDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * The pipeline as a board: its stages in order, each with the count and the
 * per-currency totals of the opportunities the caller may see, and its first
 * `limit` cards in rank order. A stage's `nextCursor` continues with the list
 * (`?pipelineId&stageId&sort=rank&cursor`), whose keyset it is made for.
 * Two statements: the aggregates, and the cards (one lateral index scan of
 * opportunities_board_idx per stage).
 */
export async function getBoard(query: BoardQuery, deps: BoardDeps): Promise<Board> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const pipelineId = query.pipelineId ?? (await selectDefaultPipelineId(tx, tenantId));
  const pipeline = pipelineId ? await selectPipeline(tx, tenantId, pipelineId) : undefined;
  if (!pipeline) throw new NotFoundError('Pipeline');
  const scope = await opportunityScope(tx, principal);
  const owner = ownerFilter(query.ownerId, principal);

  const values: unknown[] = [tenantId, pipeline.id];
  const bind = binderFor(values);
  const conditions = [scope(bind), ...(owner ? [`o.owner_id = ${bind(owner)}`] : [])].join(' and ');
  const { rows: sums } = await tx.query<{
    stage_id: string;
    currency: string | null;
    count: number;
    total: string | null;
  }>(
    `select o.stage_id, o.currency, count(*)::int as count, sum(o.amount)::text as total
       from customerconnect.opportunities o
      where o.tenant_id = $1 and o.pipeline_id = $2 and ${conditions}
      group by o.stage_id, o.currency
      order by o.stage_id, o.currency`,
    values,
  );

  const terms = parseSort('rank', OPPORTUNITY_SORTS, 'rank', ID_SORT);
  const limit = bind(query.limit + 1);
  const { rows: cards } = await tx.query<OpportunityRow & Record<string, unknown>>(
    `select c.* from customerconnect.stages st
       cross join lateral (
         select ${OPPORTUNITY_COLUMNS}, ${sortValuesSelect(terms)} from ${OPPORTUNITY_FROM}
          where o.tenant_id = st.tenant_id and o.pipeline_id = st.pipeline_id and o.stage_id = st.id and ${conditions}
          order by o.rank, o.id
          limit ${limit}
       ) c
      where st.tenant_id = $1 and st.pipeline_id = $2
      order by st.position, c.rank::numeric, c.id`,
    values,
  );

  const { stages: _stages, ...summary } = pipeline;
  return {
    pipeline: summary,
    stages: pipeline.stages.map((stage) => {
      const own = sums.filter((row) => row.stage_id === stage.id);
      const rows = cards.filter((row) => row.stage_id === stage.id);
      const shown = rows.slice(0, query.limit);
      const last = shown.at(-1);
      return {
        ...stage,
        count: own.reduce((sum, row) => sum + row.count, 0),
        totals: own.flatMap((row) =>
          row.currency && row.total ? [{ currency: row.currency, total: row.total }] : [],
        ),
        cards: shown.map(toOpportunity),
        nextCursor: rows.length > query.limit && last ? encodeCursor(terms, last) : null,
      };
    }),
  };
}
