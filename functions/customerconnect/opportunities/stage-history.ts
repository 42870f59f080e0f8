import { filterOf, parseSort, selectPage } from '@halooid/shared/db/pagination';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type * as z from 'zod';
import { selectVisibleOpportunity } from '../domain/opportunity-repository';
import type { StageHistoryEntry } from './schemas';

export type StageHistoryDeps = Pick<RequestDeps, 'tx' | 'principal'>;

interface HistoryRow {
  id: string;
  from_stage_id: string | null;
  from_stage_name: string | null;
  to_stage_id: string;
  to_stage_name: string | null;
  changed_by: string | null;
  changed_at: Date;
  seconds_in_from_stage: number | null;
}

/** The opportunity's stage moves, newest first (names of stages since removed are null). */
export async function stageHistory(
  opportunityId: string,
  query: { limit: number; cursor?: string | undefined },
  deps: StageHistoryDeps,
): Promise<{ items: z.infer<typeof StageHistoryEntry>[]; nextCursor: string | null }> {
  const { tx, principal } = deps;
  if (!(await selectVisibleOpportunity(tx, principal, opportunityId))) throw new NotFoundError('Opportunity');
  const filter = filterOf([principal.tenantId, opportunityId], ['h.tenant_id = $1', 'h.opportunity_id = $2']);
  return selectPage(tx, filter, {
    select: (sortValues) => `select h.id, h.from_stage_id, f.name as from_stage_name, h.to_stage_id,
        t.name as to_stage_name, h.changed_by, h.changed_at, h.seconds_in_from_stage, ${sortValues}
      from customerconnect.stage_history h
      left join customerconnect.stages f on f.tenant_id = h.tenant_id and f.id = h.from_stage_id
      left join customerconnect.stages t on t.tenant_id = h.tenant_id and t.id = h.to_stage_id`,
    terms: parseSort(undefined, { changedAt: { sql: 'h.changed_at', type: 'timestamptz' } }, '-changedAt', {
      sql: 'h.id',
      type: 'uuid',
    }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: HistoryRow & Record<string, unknown>) => ({
      id: row.id,
      fromStageId: row.from_stage_id,
      fromStageName: row.from_stage_name,
      toStageId: row.to_stage_id,
      toStageName: row.to_stage_name,
      changedBy: row.changed_by,
      changedAt: row.changed_at.toISOString(),
      secondsInFromStage: row.seconds_in_from_stage,
    }),
  });
}
