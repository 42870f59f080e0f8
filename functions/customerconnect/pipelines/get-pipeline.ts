import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type Pipeline, selectPipeline } from '../domain/pipelines';

export type GetPipelineDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One pipeline of the caller's tenant with its stages; anything else is a 404. */
export async function getPipeline(id: string, deps: GetPipelineDeps): Promise<Pipeline> {
  const pipeline = await selectPipeline(deps.tx, deps.principal.tenantId, id);
  if (!pipeline) throw new NotFoundError('Pipeline');
  return pipeline;
}
