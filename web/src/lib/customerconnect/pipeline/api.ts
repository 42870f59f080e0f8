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

/**
 * The names of the board's companies, a few requests at a time (a board of
 * 100 cards must not burst the tenant's rate limit), remembered for every
 * CRM screen. A company the caller cannot see keeps no name.
 */
export async function resolveCompanies(ids: readonly string[], known: Readonly<Record<string, string>>) {
  const missing = [...new Set(ids)].filter((id) => known[id] === undefined);
  const found: { id: string; name: string }[] = [];
  const queue = [...missing];
  async function worker() {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const { data } = await api.GET('/v1/customerconnect/companies/{companyId}', {
        params: { path: { companyId: id } },
      });
      found.push({ id, name: data?.name ?? '' });
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  return found;
}
