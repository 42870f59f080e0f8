import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { STAGE_KINDS } from '../domain/pipelines';

/**
 * What pipeline requests may send. A pipeline's stages are always sent as the
 * whole ordered list: each keeps its `id` (rename, reorder, new probability)
 * or has none (a new stage); a stage left out is removed.
 */
export const StageInput = z.strictObject({
  id: z.uuid().optional().meta({ description: 'An existing stage of this pipeline; omit for a new stage.' }),
  name: displayText().min(1, 'Name the stage.').max(100),
  probability: z
    .union([z.string().max(10), z.number()])
    .optional()
    .meta({
      description:
        'Percent 0–100 with at most two decimals, as a string ("33.33") or a number. Required for open stages; won stages are 100 and lost stages 0.',
    }),
  kind: z.enum(STAGE_KINDS).default('open'),
});
export type StageInput = z.output<typeof StageInput>;

const Stages = z
  .array(StageInput)
  .min(3)
  .max(30)
  .meta({ description: 'In board order; at least one open, one won and one lost stage.' });

export const CreatePipelineBody = z.strictObject({
  name: displayText().min(1, 'Name the pipeline.').max(100),
  isDefault: z
    .boolean()
    .default(false)
    .meta({ description: 'Make it the default (the tenant’s first pipeline always is).' }),
  projectTemplateId: z.uuid().nullable().default(null).meta({
    description:
      'A Taskodex project used as the template of the project a won deal creates. Not checked here: Taskodex resolves it when a deal is won.',
  }),
  stages: Stages,
});
export type CreatePipelineInput = z.output<typeof CreatePipelineBody>;

export const ChangePipelineBody = z
  .strictObject({
    version: VersionField,
    name: displayText().min(1, 'Name the pipeline.').max(100).optional(),
    isDefault: z
      .literal(true)
      .optional()
      .meta({ description: 'Make this the default pipeline (the previous default stops being one).' }),
    projectTemplateId: z.uuid().nullable().optional(),
    stages: Stages.optional(),
  })
  .refine((body) => Object.entries(body).some(([key, value]) => key !== 'version' && value !== undefined), {
    message: 'Send at least one field to change.',
  });
export type ChangePipelineInput = z.output<typeof ChangePipelineBody>;

export const PipelineParams = z.strictObject({ pipelineId: z.uuid() });

export const ListPipelinesQuery = z.strictObject({ ...paginationQuery });
export type ListPipelinesQuery = z.output<typeof ListPipelinesQuery>;
