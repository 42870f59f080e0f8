import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectPipeline } from '../domain/pipelines';

export type DeletePipelineDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * Removes a pipeline and its stages. One that holds opportunities is a 409
 * naming the count (move or delete them first); the default one is a 409
 * while other pipelines exist (make another the default first). Audited.
 */
export async function deletePipeline(pipelineId: string, deps: DeletePipelineDeps): Promise<void> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const current = await selectPipeline(tx, tenantId, pipelineId, { forUpdate: true });
  if (!current) throw new NotFoundError('Pipeline');
  const { rows } = await tx.query<{ deals: number; others: number }>(
    `select (select count(*)::int from customerconnect.opportunities where tenant_id = $1 and pipeline_id = $2) as deals,
            (select count(*)::int from customerconnect.pipelines where tenant_id = $1 and id <> $2) as others`,
    [tenantId, pipelineId],
  );
  const { deals = 0, others = 0 } = rows[0] ?? {};
  if (deals > 0)
    throw new ConflictError(
      `The pipeline still has ${deals} ${deals === 1 ? 'opportunity' : 'opportunities'}; move them first.`,
      'pipeline_in_use',
      { opportunities: deals },
    );
  if (current.isDefault && others > 0)
    throw new ConflictError(
      'This is the default pipeline; make another one the default first.',
      'default_pipeline',
    );
  await tx.query('delete from customerconnect.pipelines where tenant_id = $1 and id = $2', [
    tenantId,
    pipelineId,
  ]);
  await recordAudit(tx, deps.actor, {
    action: 'pipeline.deleted',
    targetType: 'pipeline',
    targetId: pipelineId,
    details: { name: current.name },
  });
}
