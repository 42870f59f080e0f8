import { api, unwrap } from '$lib/api';
import { toBoard } from './board';
import type { Board, Deal, Pipeline, StageMoveBody } from './types';

/** The tenant's pipelines (default first), each with its stages in board order. */
export async function loadPipelines(): Promise<Pipeline[]> {
  const items: Pipeline[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const data = await unwrap(
      api.GET('/v1/customerconnect/pipelines', {
        params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    items.push(...data.items);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return items;
}

/** `ownerId: 'me'`: only the caller's deals (counts and totals too). */
export async function loadBoard(pipelineId: string, ownerId?: 'me'): Promise<Board> {
  return toBoard(
    await unwrap(
      api.GET('/v1/customerconnect/board', {
        params: { query: { pipelineId, ...(ownerId ? { ownerId } : {}) } },
      }),
    ),
  );
}

/** The next page of one stage's cards, in rank order. */
export function moreDeals(pipelineId: string, stageId: string, cursor: string, ownerId?: 'me') {
  return unwrap(
    api.GET('/v1/customerconnect/opportunities', {
      params: {
        query: { pipelineId, stageId, sort: 'rank', cursor, limit: 25, ...(ownerId ? { ownerId } : {}) },
      },
    }),
  );
}

export async function moveDeal(dealId: string, body: StageMoveBody): Promise<Deal> {
  const { contacts: _, ...deal } = await unwrap(
    api.POST('/v1/customerconnect/opportunities/{opportunityId}/stage', {
      params: { path: { opportunityId: dealId } },
      body,
    }),
  );
  return deal;
}
