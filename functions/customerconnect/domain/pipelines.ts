import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import * as z from 'zod';

/**
 * Pipelines and their ordered stages: what every opportunity sits in. Shared
 * by the pipelines capability (CRUD), opportunities (stage moves, the board),
 * the forecast (stage probabilities) and lead conversion (the default
 * pipeline's first open stage).
 *
 * A tenant has exactly one default pipeline as soon as it has any: the first
 * one created is the default, and the default changes only by making another
 * one default. A tenant with no pipeline at all gets the standard one the
 * first time something needs a pipeline (`defaultPipeline`).
 */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const Stage = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  probability: z.string().meta({ description: 'Percent, a decimal string with two places ("33.33").' }),
  kind: z.enum(STAGE_KINDS),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  projectTemplateId: z.uuid().nullable().meta({
    description:
      'The Taskodex project whose tasks a won deal’s project copies. CustomerConnect stores it as given; Taskodex resolves it when the deal is won.',
  }),
  stages: z.array(Stage),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Pipeline = z.infer<typeof Pipeline>;

export interface StageRow {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: string;
  kind: StageKind;
}

interface PipelineRow {
  id: string;
  name: string;
  is_default: boolean;
  project_template_id: string | null;
  version: number;
  created_at: Date;
}

export const PIPELINE_COLUMNS = 'id, name, is_default, project_template_id, version, created_at';
const STAGE_COLUMNS = 'id, pipeline_id, name, position, probability::text as probability, kind';

export const toStage = (row: StageRow): Stage => ({
  id: row.id,
  name: row.name,
  position: row.position,
  probability: row.probability,
  kind: row.kind,
});

export function toPipeline(row: PipelineRow, stages: readonly StageRow[]): Pipeline {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default,
    projectTemplateId: row.project_template_id,
    stages: stages.map(toStage),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** The stages of these pipelines, each list in position order. */
export async function selectStages(
  tx: Tx,
  tenantId: string,
  pipelineIds: readonly string[],
): Promise<Map<string, StageRow[]>> {
  const byPipeline = new Map<string, StageRow[]>(pipelineIds.map((id) => [id, []]));
  if (pipelineIds.length === 0) return byPipeline;
  const { rows } = await tx.query<StageRow>(
    `select ${STAGE_COLUMNS} from customerconnect.stages
      where tenant_id = $1 and pipeline_id = any($2::uuid[])
      order by pipeline_id, position`,
    [tenantId, [...pipelineIds]],
  );
  for (const row of rows) byPipeline.get(row.pipeline_id)?.push(row);
  return byPipeline;
}

export async function selectPipeline(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Pipeline | undefined> {
  const { rows } = await tx.query<PipelineRow>(
    `select ${PIPELINE_COLUMNS} from customerconnect.pipelines
      where tenant_id = $1 and id = $2 ${options.forUpdate ? 'for update' : ''}`,
    [tenantId, id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const stages = await selectStages(tx, tenantId, [row.id]);
  return toPipeline(row, stages.get(row.id) ?? []);
}

export async function selectDefaultPipelineId(tx: Tx, tenantId: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    'select id from customerconnect.pipelines where tenant_id = $1 and is_default',
    [tenantId],
  );
  return rows[0]?.id;
}

/** One stage with its pipeline's id (any pipeline of the tenant). */
export async function selectStage(
  tx: Tx,
  tenantId: string,
  stageId: string,
): Promise<(Stage & { pipelineId: string }) | undefined> {
  const { rows } = await tx.query<StageRow>(
    `select ${STAGE_COLUMNS} from customerconnect.stages where tenant_id = $1 and id = $2`,
    [tenantId, stageId],
  );
  const row = rows[0];
  return row ? { ...toStage(row), pipelineId: row.pipeline_id } : undefined;
}

export interface NewStage {
  id: string;
  name: string;
  probability: string;
  kind: StageKind;
}

export interface NewPipeline {
  id: string;
  name: string;
  isDefault: boolean;
  projectTemplateId: string | null;
  stages: readonly NewStage[];
}

/**
 * Inserts a pipeline and its stages (positions 0…n-1 in list order). The
 * tenant's first pipeline is the default whatever `isDefault` says; a new
 * default takes the flag from the old one. A taken name is a 409.
 */
export async function insertPipeline(tx: Tx, tenantId: string, pipeline: NewPipeline): Promise<Pipeline> {
  const { rows: existing } = await tx.query<{ id: string }>(
    'select id from customerconnect.pipelines where tenant_id = $1 and is_default for update',
    [tenantId],
  );
  const isDefault = pipeline.isDefault || existing.length === 0;
  if (isDefault && existing.length > 0)
    await tx.query(
      'update customerconnect.pipelines set is_default = false, version = version + 1 where tenant_id = $1 and is_default',
      [tenantId],
    );
  const { rows } = await tx.query<PipelineRow>(
    `insert into customerconnect.pipelines (tenant_id, id, name, is_default, project_template_id)
     values ($1, $2, $3, $4, $5)
     on conflict do nothing
     returning ${PIPELINE_COLUMNS}`,
    [tenantId, pipeline.id, pipeline.name, isDefault, pipeline.projectTemplateId],
  );
  const row = rows[0];
  if (!row) throw new PipelineNameTaken(pipeline.name);
  await insertStages(tx, tenantId, pipeline.id, pipeline.stages, 0);
  const stages = await selectStages(tx, tenantId, [row.id]);
  return toPipeline(row, stages.get(row.id) ?? []);
}

/** Thrown by insertPipeline when the name is taken; the use case turns it into its 409. */
export class PipelineNameTaken extends Error {
  constructor(readonly pipelineName: string) {
    super(`A pipeline named "${pipelineName}" exists.`);
  }
}

export async function insertStages(
  tx: Tx,
  tenantId: string,
  pipelineId: string,
  stages: readonly (NewStage & { position?: number })[],
  firstPosition: number,
): Promise<void> {
  if (stages.length === 0) return;
  await tx.query(
    `insert into customerconnect.stages (tenant_id, id, pipeline_id, name, position, probability, kind)
     select $1, s.id, $2, s.name, s.position, s.probability, s.kind
       from unnest($3::uuid[], $4::text[], $5::int[], $6::numeric[], $7::text[])
              as s(id, name, position, probability, kind)`,
    [
      tenantId,
      pipelineId,
      stages.map((stage) => stage.id),
      stages.map((stage) => stage.name),
      stages.map((stage, index) => stage.position ?? firstPosition + index),
      stages.map((stage) => stage.probability),
      stages.map((stage) => stage.kind),
    ],
  );
}

/** The standard pipeline a tenant gets when it needs one and has none. */
export const STANDARD_STAGES: readonly Omit<NewStage, 'id'>[] = [
  { name: 'Qualification', probability: '10', kind: 'open' },
  { name: 'Needs analysis', probability: '25', kind: 'open' },
  { name: 'Proposal', probability: '50', kind: 'open' },
  { name: 'Negotiation', probability: '75', kind: 'open' },
  { name: 'Won', probability: '100', kind: 'won' },
  { name: 'Lost', probability: '0', kind: 'lost' },
];
export const STANDARD_PIPELINE_NAME = 'Sales';

/**
 * The tenant's default pipeline; a tenant with no pipeline at all gets the
 * standard one (audited as created by the caller). Two requests racing to
 * create it serialize on the pipelines' unique default index.
 */
export async function defaultPipeline(
  deps: Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'actor'>,
): Promise<Pipeline> {
  const { tx, principal } = deps;
  const found = await selectDefaultPipelineId(tx, principal.tenantId);
  if (found) {
    const pipeline = await selectPipeline(tx, principal.tenantId, found);
    if (pipeline) return pipeline;
  }
  const { rows: any } = await tx.query<{ id: string }>(
    'select id from customerconnect.pipelines where tenant_id = $1 order by created_at, id limit 1',
    [principal.tenantId],
  );
  const first = any[0];
  if (first) {
    // Pipelines exist but none is default (not reachable through the API): the oldest serves.
    const pipeline = await selectPipeline(tx, principal.tenantId, first.id);
    if (pipeline) return pipeline;
  }
  let pipeline: Pipeline;
  try {
    pipeline = await insertPipeline(tx, principal.tenantId, {
      id: deps.newId(),
      name: STANDARD_PIPELINE_NAME,
      isDefault: true,
      projectTemplateId: null,
      stages: STANDARD_STAGES.map((stage) => ({ ...stage, id: deps.newId() })),
    });
  } catch (error) {
    if (!(error instanceof PipelineNameTaken)) throw error;
    // A concurrent request made it first (its insert committed while ours waited on the unique index).
    const made = await selectDefaultPipelineId(tx, principal.tenantId);
    const existing = made ? await selectPipeline(tx, principal.tenantId, made) : undefined;
    if (existing) return existing;
    throw new ConflictError('The default pipeline is being set up; try again.', 'pipeline_setup');
  }
  await recordAudit(tx, deps.actor, {
    action: 'pipeline.created',
    targetType: 'pipeline',
    targetId: pipeline.id,
    details: { name: pipeline.name, standard: true },
  });
  return pipeline;
}

/** The first open stage (lowest position) of a pipeline. */
export function firstOpenStage(pipeline: Pipeline): Stage | undefined {
  return pipeline.stages.find((stage) => stage.kind === 'open');
}
