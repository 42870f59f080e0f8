import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Pipeline } from '../domain/pipelines';
import { ChangePipelineBody, CreatePipelineBody, ListPipelinesQuery, PipelineParams } from './schemas';

const path = '/v1/customerconnect/pipelines';

/**
 * Sales pipelines and their ordered stages (probability and kind open / won /
 * lost). Everyone who reads opportunities reads pipelines (the board and the
 * deal forms need them); changing them is `customerconnect:pipeline:admin`,
 * which only the Admin role (`customerconnect:*:*`) has.
 */
export const pipelinesService = defineService({
  product: 'customerconnect',
  capability: 'pipelines',
  description: 'Sales pipelines and their ordered stages.',
  resources: { database: true },
  permissions: [
    {
      name: 'customerconnect:pipeline:admin',
      description: 'Create, change and delete sales pipelines and their stages.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listPipelines',
      method: 'GET',
      path,
      permission: 'customerconnect:opportunity:read',
      summary: 'List pipelines',
      description: 'The default pipeline first, then by name; each with its stages in board order.',
      query: ListPipelinesQuery,
      response: pageOf(Pipeline),
    }),
    defineRoute({
      operationId: 'createPipeline',
      method: 'POST',
      path,
      permission: 'customerconnect:pipeline:admin',
      summary: 'Create a pipeline',
      description:
        'Stages in board order: at least one open, one won (probability 100) and one lost (0). The tenant’s first pipeline is the default. A name another pipeline has is a 409. `projectTemplateId` is stored as given: Taskodex resolves it when a deal is won.',
      body: CreatePipelineBody,
      status: 201,
      response: Pipeline,
    }),
    defineRoute({
      operationId: 'getPipeline',
      method: 'GET',
      path: `${path}/{pipelineId}`,
      permission: 'customerconnect:opportunity:read',
      summary: 'Get a pipeline',
      description: "Another tenant's pipeline, or none, is a 404.",
      params: PipelineParams,
      response: Pipeline,
    }),
    defineRoute({
      operationId: 'updatePipeline',
      method: 'PATCH',
      path: `${path}/{pipelineId}`,
      permission: 'customerconnect:pipeline:admin',
      summary: 'Change a pipeline or its stages',
      description:
        'Send `version` (or If-Match); a stale one is a 409. `stages` is the whole list in its new order: a stage with its `id` is kept (renamed, moved, re-weighted), one without is added, one left out is removed. Removing a stage that holds opportunities, or changing its kind, is a 409 naming the count. `isDefault: true` makes this the default.',
      params: PipelineParams,
      body: ChangePipelineBody,
      headers: IF_MATCH_HEADER,
      response: Pipeline,
    }),
    defineRoute({
      operationId: 'deletePipeline',
      method: 'DELETE',
      path: `${path}/{pipelineId}`,
      permission: 'customerconnect:pipeline:admin',
      summary: 'Delete a pipeline',
      description:
        'Only an empty pipeline (else 409 naming the count of its opportunities), and not the default while others exist (409).',
      params: PipelineParams,
      status: 204,
    }),
  ],
});
