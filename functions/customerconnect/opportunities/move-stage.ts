import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import { type OpportunityDetail, snapshotOf } from '../domain/opportunity';
import {
  type OpportunityWriteDeps,
  opportunityScope,
  selectOpportunityById,
  selectVisibleOpportunity,
  withContacts,
} from '../domain/opportunity-repository';
import { selectPipeline } from '../domain/pipelines';
import { recordChange } from '../domain/record-changes';
import { binderFor } from '../domain/visibility';
import { customerconnectEvents } from '../events';
import type { MoveStageInput } from './schemas';

/** Gaps below this are spread out again first, so ranks stay far from float8's precision (the list's `sort=rank`). */
const MIN_GAP = '0.000001';

interface Column {
  tenantId: string;
  pipelineId: string;
  stageId: string;
  /** The moving opportunity: not its own neighbour. */
  selfId: string;
}

function notInStage(field: string): BusinessRuleError {
  return new BusinessRuleError(
    'not_in_stage',
    'The neighbour must be another opportunity of the target stage.',
    [{ field, message: 'Not an opportunity of the target stage.', code: 'not_in_stage' }],
  );
}

/**
 * The new rank: right after `afterId` / right before `beforeId` (the midpoint
 * with the card beyond, all in numeric SQL), or the end of the stage. When
 * the neighbours sit too close (or tie), the stage is renumbered 1…n in its
 * current order once and the midpoint taken again.
 */
async function rankFor(
  tx: Tx,
  column: Column,
  input: Pick<MoveStageInput, 'afterId' | 'beforeId' | 'rank'>,
  visible: (values: unknown[]) => string,
): Promise<string> {
  if (input.rank !== undefined) return input.rank;
  const neighbourId = input.afterId ?? input.beforeId;
  const base = [column.tenantId, column.pipelineId, column.stageId, column.selfId];
  if (!neighbourId) {
    const { rows } = await tx.query<{ rank: string }>(
      `select (coalesce(max(rank), -1) + 1)::text as rank from customerconnect.opportunities
        where tenant_id = $1 and pipeline_id = $2 and stage_id = $3 and id <> $4`,
      base,
    );
    return rows[0]?.rank ?? '0';
  }
  const field = input.afterId ? 'body.afterId' : 'body.beforeId';
  if (neighbourId === column.selfId) throw notInStage(field);
  const after = input.afterId !== undefined;
  for (let attempt = 0; ; attempt++) {
    const values: unknown[] = [...base, neighbourId];
    const condition = visible(values);
    // The neighbour (visible to the caller) and the card beyond it in board order (rank, id).
    const { rows } = await tx.query<{ rank: string | null; ok: boolean | null }>(
      `with n as (
         select o.rank, o.id from customerconnect.opportunities o
          where o.tenant_id = $1 and o.pipeline_id = $2 and o.stage_id = $3 and o.id = $5 and ${condition}
       ), beyond as (
         select o.rank from customerconnect.opportunities o, n
          where o.tenant_id = $1 and o.pipeline_id = $2 and o.stage_id = $3 and o.id <> $4
            and ${after ? '(o.rank, o.id) > (n.rank, n.id)' : '(o.rank, o.id) < (n.rank, n.id)'}
          order by o.rank ${after ? 'asc' : 'desc'}, o.id ${after ? 'asc' : 'desc'} limit 1
       )
       select (case when b.rank is null then n.rank ${after ? '+' : '-'} 1 else (n.rank + b.rank) / 2 end)::text as rank,
              (b.rank is null or abs(n.rank - b.rank) >= ${MIN_GAP}) as ok
         from n left join beyond b on true`,
      values,
    );
    const row = rows[0];
    if (!row?.rank) throw notInStage(field);
    if (row.ok) return row.rank;
    if (attempt > 0) throw new ConflictError('The stage could not be reordered; try again.', 'rank_conflict');
    await tx.query(
      `update customerconnect.opportunities o set rank = r.n
         from (select id, row_number() over (order by rank, id) as n from customerconnect.opportunities
                where tenant_id = $1 and pipeline_id = $2 and stage_id = $3) r
        where o.tenant_id = $1 and o.id = r.id`,
      base.slice(0, 3),
    );
  }
}

/**
 * POST …/stage: moves the opportunity to `stageId` of its pipeline and/or
 * places it within that stage. A change of stage writes the stage_history row
 * (with the seconds spent in the stage left), sets status from the stage's
 * kind (won/lost set closedAt and closeReason; reopening clears them),
 * records the timeline and emits `opportunity.stage_changed`, plus
 * `opportunity.won` (with the pipeline's name and Taskodex project template)
 * or `opportunity.lost` when it reaches such a stage. A reorder within the
 * stage writes only the card's rank. Audited either way.
 */
export async function moveStage(
  opportunityId: string,
  input: MoveStageInput,
  deps: OpportunityWriteDeps,
): Promise<OpportunityDetail> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const scope = await opportunityScope(tx, principal);
  const current = await selectVisibleOpportunity(tx, principal, opportunityId, { forUpdate: true, scope });
  if (!current) throw new NotFoundError('Opportunity');
  if (input.version !== undefined && input.version !== current.version)
    throw new ConflictError(
      `The opportunity changed since you read it (version ${current.version}, not ${input.version}). Read it again.`,
      'version_conflict',
    );
  const pipeline = await selectPipeline(tx, tenantId, current.pipelineId);
  const target = pipeline?.stages.find((stage) => stage.id === input.stageId);
  if (!pipeline || !target)
    throw new BusinessRuleError('stage_not_in_pipeline', 'Move to a stage of the opportunity’s pipeline.', [
      { field: 'body.stageId', message: 'Not a stage of this pipeline.', code: 'stage_not_in_pipeline' },
    ]);
  const visible = (values: unknown[]) => scope(binderFor(values));
  const changesStage = target.id !== current.stageId;
  const placed = changesStage || input.afterId || input.beforeId || input.rank;
  const rank = placed
    ? await rankFor(
        tx,
        { tenantId, pipelineId: pipeline.id, stageId: target.id, selfId: current.id },
        input,
        visible,
      )
    : current.rank;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  if (!changesStage) {
    if (rank === current.rank) return withContacts(tx, current, tenantId);
    await tx.query(
      `update customerconnect.opportunities set rank = $3::numeric, version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2`,
      [tenantId, current.id, rank],
    );
    await recordAudit(tx, deps.actor, {
      action: 'opportunity.reordered',
      targetType: 'opportunity',
      targetId: current.id,
      details: { stageId: target.id, rank },
    });
    return withContacts(tx, await selectOpportunityById(tx, tenantId, current.id), tenantId);
  }
  const reason = target.kind === 'open' ? null : (input.reason ?? null);
  const { rows } = await tx.query<{ seconds: number }>(
    `with old as (
       select stage_entered_at from customerconnect.opportunities where tenant_id = $1 and id = $2
     )
     update customerconnect.opportunities o
        set stage_id = $3, status = $4, rank = $5::numeric, stage_entered_at = now(),
            closed_at = case when $4 = 'open' then null when o.status = $4 then o.closed_at else now() end,
            close_reason = case when $4 = 'open' then null else coalesce($6, case when o.status = $4 then o.close_reason end) end,
            version = version + 1, updated_at = now()
       from old
      where o.tenant_id = $1 and o.id = $2
      returning greatest(0, floor(extract(epoch from now() - old.stage_entered_at)))::bigint as seconds`,
    [tenantId, current.id, target.id, target.kind, rank, reason],
  );
  const seconds = Number(rows[0]?.seconds ?? 0);
  await tx.query(
    `insert into customerconnect.stage_history
       (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, seconds_in_from_stage)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [tenantId, deps.newId(), current.id, current.stageId, target.id, userId, seconds],
  );
  const moved = await withContacts(tx, await selectOpportunityById(tx, tenantId, current.id), tenantId);
  const changes = [
    { field: 'stageId', from: current.stageId, to: target.id },
    ...(moved.status !== current.status ? [{ field: 'status', from: current.status, to: moved.status }] : []),
    ...(moved.closeReason !== current.closeReason
      ? [{ field: 'closeReason', from: current.closeReason, to: moved.closeReason }]
      : []),
  ];
  await recordChange(tx, {
    tenantId,
    id: deps.newId(),
    recordType: 'opportunity',
    recordId: current.id,
    kind: 'updated',
    changes,
    changedBy: userId,
  });
  const snapshot = snapshotOf(moved);
  await deps.events.record(customerconnectEvents, 'opportunity.stage_changed', {
    opportunity: snapshot,
    fromStageId: current.stageId,
    toStageId: target.id,
    secondsInFromStage: seconds,
  });
  if (moved.status === 'won' && current.status !== 'won')
    await deps.events.record(customerconnectEvents, 'opportunity.won', {
      opportunity: snapshot,
      reason,
      pipelineName: pipeline.name,
      projectTemplateId: pipeline.projectTemplateId,
    });
  if (moved.status === 'lost' && current.status !== 'lost')
    await deps.events.record(customerconnectEvents, 'opportunity.lost', { opportunity: snapshot, reason });
  await recordAudit(tx, deps.actor, {
    action: 'opportunity.stage_changed',
    targetType: 'opportunity',
    targetId: current.id,
    details: {
      fromStageId: current.stageId,
      toStageId: target.id,
      status: moved.status,
      secondsInFromStage: seconds,
    },
  });
  return moved;
}
