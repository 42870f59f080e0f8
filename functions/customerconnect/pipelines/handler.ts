import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { changePipeline } from './change-pipeline';
import { createPipeline } from './create-pipeline';
import { deletePipeline } from './delete-pipeline';
import { getPipeline } from './get-pipeline';
import { listPipelines } from './list-pipelines';
import { pipelinesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(pipelinesService, {
  listPipelines: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listPipelines(query, deps)),
  }),
  createPipeline: async ({ body, inTenant }) => {
    const pipeline = await inTenant((deps) => createPipeline(body, deps));
    return {
      body: pipeline,
      headers: { Location: `/v1/customerconnect/pipelines/${pipeline.id}`, ...etag(pipeline.version) },
    };
  },
  getPipeline: async ({ params, inTenant }) => {
    const pipeline = await inTenant((deps) => getPipeline(params.pipelineId, deps));
    return { body: pipeline, headers: etag(pipeline.version) };
  },
  updatePipeline: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const pipeline = await inTenant((deps) => changePipeline(params.pipelineId, version, changes, deps));
    return { body: pipeline, headers: etag(pipeline.version) };
  },
  deletePipeline: async ({ params, inTenant }) => {
    await inTenant((deps) => deletePipeline(params.pipelineId, deps));
    return { body: undefined };
  },
});
