import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertStages, type Pipeline, selectPipeline } from '../domain/pipelines';
import { nameTaken } from './create-pipeline';
import type { ChangePipelineInput } from './schemas';
import { type CheckedStage, checkStages } from './stage-rules';

export type ChangePipelineDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/** Opportunities per stage of a pipeline (only stages that have any). */
async function dealsPerStage(tx: Tx, tenantId: string, pipelineId: string): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ stage_id: string; count: number }>(
    `select stage_id, count(*)::int as count from customerconnect.opportunities
      where tenant_id = $1 and pipeline_id = $2 group by stage_id`,
    [tenantId, pipelineId],
  );
  return new Map(rows.map((row) => [row.stage_id, row.count]));
}

/**
 * PATCH a pipeline: name, default flag, project template and the stage list
 * (the whole list in its new order: kept ids are renamed, reordered and
 * re-weighted, stages without id are added, stages left out are removed).
 * A stage that still holds opportunities cannot be removed, nor change kind
 * (open/won/lost decides its deals' status): 409 naming the count. Stale
 * version → 409. The pipeline's version goes up once; audited.
 */
export async function changePipeline(
  pipelineId: string,
  version: number,
  input: Omit<ChangePipelineInput, 'version'>,
  deps: ChangePipelineDeps,
): Promise<Pipeline> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const current = await selectPipeline(tx, tenantId, pipelineId, { forUpdate: true });
  if (!current) throw new NotFoundError('Pipeline');
  if (current.version !== version)
    throw new ConflictError(
      `The pipeline changed since you read it (version ${current.version}, not ${version}). Read it again.`,
      'version_conflict',
    );
  const changes: string[] = [];
  if (input.name !== undefined && input.name !== current.name) {
    const { rows } = await tx.query(
      'select 1 from customerconnect.pipelines where tenant_id = $1 and lower(name) = lower($2) and id <> $3',
      [tenantId, input.name, pipelineId],
    );
    if (rows.length > 0) throw nameTaken(input.name);
    changes.push('name');
  }
  if (input.isDefault && !current.isDefault) {
    await tx.query(
      'update customerconnect.pipelines set is_default = false, version = version + 1 where tenant_id = $1 and is_default',
      [tenantId],
    );
    changes.push('isDefault');
  }
  if (input.projectTemplateId !== undefined && input.projectTemplateId !== current.projectTemplateId)
    changes.push('projectTemplateId');
  if (input.stages !== undefined) {
    const stages = checkStages(input.stages);
    if (await replaceStages(tx, tenantId, current, stages, deps.newId)) changes.push('stages');
  }
  if (changes.length === 0) return current;
  await tx.query(
    `update customerconnect.pipelines
        set name = coalesce($3, name), is_default = is_default or $4,
            project_template_id = case when $5 then $6::uuid else project_template_id end,
            version = version + 1
      where tenant_id = $1 and id = $2`,
    [
      tenantId,
      pipelineId,
      input.name ?? null,
      input.isDefault === true,
      input.projectTemplateId !== undefined,
      input.projectTemplateId ?? null,
    ],
  );
  await recordAudit(tx, deps.actor, {
    action: 'pipeline.updated',
    targetType: 'pipeline',
    targetId: pipelineId,
    details: { changes },
  });
  const updated = await selectPipeline(tx, tenantId, pipelineId);
  if (!updated) throw new NotFoundError('Pipeline');
  return updated;
}

/** Writes the new stage list; false when it equals the current one. */
async function replaceStages(
  tx: Tx,
  tenantId: string,
  current: Pipeline,
  stages: CheckedStage[],
  newId: () => string,
): Promise<boolean> {
  const existing = new Map(current.stages.map((stage) => [stage.id, stage]));
  stages.forEach((stage, index) => {
    if (stage.id !== undefined && !existing.has(stage.id))
      throw new BusinessRuleError('stage_not_in_pipeline', 'A stage id is not a stage of this pipeline.', [
        {
          field: `body.stages.${index}.id`,
          message: 'Not a stage of this pipeline; omit the id to add a stage.',
          code: 'stage_not_in_pipeline',
        },
      ]);
  });
  const unchanged =
    stages.length === current.stages.length &&
    stages.every((stage, index) => {
      const before = current.stages[index];
      return (
        before !== undefined &&
        stage.id === before.id &&
        stage.name === before.name &&
        stage.kind === before.kind &&
        Number(stage.probability) === Number(before.probability)
      );
    });
  if (unchanged) return false;
  const kept = new Set(stages.flatMap((stage) => (stage.id ? [stage.id] : [])));
  const removed = current.stages.filter((stage) => !kept.has(stage.id));
  const deals = await dealsPerStage(tx, tenantId, current.id);
  for (const stage of removed) {
    const count = deals.get(stage.id) ?? 0;
    if (count > 0)
      throw new ConflictError(
        `Stage "${stage.name}" still has ${count} ${count === 1 ? 'opportunity' : 'opportunities'}; move them to another stage first.`,
        'stage_in_use',
        { stageId: stage.id, opportunities: count },
      );
  }
  for (const stage of stages) {
    const before = stage.id ? existing.get(stage.id) : undefined;
    const count = before ? (deals.get(before.id) ?? 0) : 0;
    if (before && before.kind !== stage.kind && count > 0)
      throw new ConflictError(
        `Stage "${before.name}" has ${count} ${count === 1 ? 'opportunity' : 'opportunities'}, so it stays ${before.kind}; move them first to change its kind.`,
        'stage_in_use',
        { stageId: before.id, opportunities: count },
      );
  }
  if (removed.length > 0)
    await tx.query('delete from customerconnect.stages where tenant_id = $1 and id = any($2::uuid[])', [
      tenantId,
      removed.map((stage) => stage.id),
    ]);
  // Positions are unique per pipeline: park the kept ones below zero, then write the final order.
  await tx.query(
    'update customerconnect.stages set position = -1 - position where tenant_id = $1 and pipeline_id = $2',
    [tenantId, current.id],
  );
  const updates = stages.flatMap((stage, position) =>
    stage.id ? [{ ...stage, id: stage.id, position }] : [],
  );
  if (updates.length > 0)
    await tx.query(
      `update customerconnect.stages s
          set name = u.name, position = u.position, probability = u.probability, kind = u.kind
         from unnest($2::uuid[], $3::text[], $4::int[], $5::numeric[], $6::text[])
                as u(id, name, position, probability, kind)
        where s.tenant_id = $1 and s.id = u.id`,
      [
        tenantId,
        updates.map((stage) => stage.id),
        updates.map((stage) => stage.name),
        updates.map((stage) => stage.position),
        updates.map((stage) => stage.probability),
        updates.map((stage) => stage.kind),
      ],
    );
  const added = stages.flatMap((stage, position) => (stage.id ? [] : [{ ...stage, id: newId(), position }]));
  await insertStages(tx, tenantId, current.id, added, 0);
  return true;
}
