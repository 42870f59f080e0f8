import { crmGet, crmPost } from '../records/http';
import { type BoardResponse, toBoard } from './board';
import type { Board, Deal, Pipeline, StageMoveBody } from './types';

/** Every page of a `{items, nextCursor}` list (settings-sized lists: at most `pages` pages). */
export async function allPages<T>(
  path: string,
  query: Record<string, string> = {},
  pages = 10,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const data = await crmGet<{ items: T[]; nextCursor?: string | null }>(path, {
      limit: 100,
      ...query,
      cursor,
    });
    items.push(...data.items);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return items;
}

/** The tenant's pipelines (archived ones left out), each with its stages in order. */
export async function loadPipelines(): Promise<Pipeline[]> {
  const items = await allPages<Pipeline>('/pipelines');
  return items.filter((pipeline) => !pipeline.archived);
}

export async function loadBoard(pipeline: Pipeline): Promise<Board> {
  const response = await crmGet<BoardResponse>('/board', { pipelineId: pipeline.id });
  return toBoard(pipeline, response);
}

/** The next page of one stage's cards, in rank order. */
export function moreDeals(pipelineId: string, stageId: string, cursor: string) {
  return crmGet<{ items: Deal[]; nextCursor: string | null }>('/opportunities', {
    pipelineId,
    stageId,
    sort: 'rank',
    cursor,
    limit: 25,
  });
}

export function moveDeal(dealId: string, body: StageMoveBody): Promise<Deal> {
  return crmPost<Deal>(`/opportunities/${encodeURIComponent(dealId)}/stage`, body);
}
