import { filterOf, parseSort, selectPage } from '@halooid/shared/db/pagination';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { PIPELINE_COLUMNS, type Pipeline, selectStages, toPipeline } from '../domain/pipelines';
import type { ListPipelinesQuery } from './schemas';

export type ListPipelinesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

type PipelineRow = Parameters<typeof toPipeline>[0] & Record<string, unknown>;

/** The tenant's pipelines, the default first then by name, each with its stages in order. */
export async function listPipelines(query: ListPipelinesQuery, deps: ListPipelinesDeps) {
  const tenantId = deps.principal.tenantId;
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  const page = await selectPage(deps.tx, filter, {
    select: (sortValues) => `select ${PIPELINE_COLUMNS}, ${sortValues} from customerconnect.pipelines`,
    terms: parseSort(
      undefined,
      {
        default: { sql: '(case when is_default then 0 else 1 end)', type: 'int' },
        name: { sql: 'lower(name)', type: 'text' },
      },
      'default,name',
    ),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: PipelineRow) => row,
  });
  const stages = await selectStages(
    deps.tx,
    tenantId,
    page.items.map((row) => row.id),
  );
  const items: Pipeline[] = page.items.map((row) => toPipeline(row, stages.get(row.id) ?? []));
  return { items, nextCursor: page.nextCursor };
}
