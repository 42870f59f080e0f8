import { recordAudit } from '@halooid/shared/audit';
import { ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertPipeline, type Pipeline, PipelineNameTaken } from '../domain/pipelines';
import type { CreatePipelineInput } from './schemas';
import { checkStages } from './stage-rules';

export type CreatePipelineDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/** Adds a pipeline with its stages; a name another pipeline has is a 409. Audited. */
export async function createPipeline(
  input: CreatePipelineInput,
  deps: CreatePipelineDeps,
): Promise<Pipeline> {
  const stages = checkStages(input.stages).map((stage) => ({ ...stage, id: deps.newId() }));
  let pipeline: Pipeline;
  try {
    pipeline = await insertPipeline(deps.tx, deps.principal.tenantId, {
      id: deps.newId(),
      name: input.name,
      isDefault: input.isDefault,
      projectTemplateId: input.projectTemplateId,
      stages,
    });
  } catch (error) {
    if (error instanceof PipelineNameTaken) throw nameTaken(input.name);
    throw error;
  }
  await recordAudit(deps.tx, deps.actor, {
    action: 'pipeline.created',
    targetType: 'pipeline',
    targetId: pipeline.id,
    details: { name: pipeline.name, stages: pipeline.stages.length, isDefault: pipeline.isDefault },
  });
  return pipeline;
}

export function nameTaken(name: string): ConflictError {
  return new ConflictError(`A pipeline named "${name}" exists.`, 'name_taken');
}
