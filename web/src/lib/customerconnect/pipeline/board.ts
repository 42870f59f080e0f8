import { adjustTotals } from '../money';
import type { Board, BoardColumn, BoardResponse, Deal, StageMoveBody } from './types';

/**
 * The pipeline board's pure logic, tested without a DOM: where a dropped card
 * lands, the body of the stage move, and the board as it looks right after
 * the drop (counts and per-currency totals moved exactly), which the screen
 * shows at once and rolls back if the server refuses.
 */
export interface PlannedMove {
  board: Board;
  body: StageMoveBody;
  /** False when the card would land where it already is. */
  changed: boolean;
  /** Won or lost: the user gives a reason before the move is sent. */
  closing: 'won' | 'lost' | undefined;
  from: BoardColumn;
  to: BoardColumn;
}

export function findDeal(board: Board, dealId: string): { column: BoardColumn; deal: Deal } | undefined {
  for (const column of board.columns) {
    const deal = column.deals.find((item) => item.id === dealId);
    if (deal) return { column, deal };
  }
  return undefined;
}

/**
 * Moves `dealId` into `stageId` at `index` (its index among the cards shown
 * in the target column once it is there). `afterId` names the card above it,
 * else `beforeId` the card below it; a first card in an empty column sends neither.
 * No `version`: a card moved twice in a row must not meet its own first move
 * as a conflict (the route takes it as optional for this reason).
 */
export function planDealMove(
  board: Board,
  dealId: string,
  stageId: string,
  index: number,
): PlannedMove | undefined {
  const found = findDeal(board, dealId);
  const to = board.columns.find((column) => column.stage.id === stageId);
  if (!found || !to) return undefined;
  const { column: from, deal } = found;
  const others = to.deals.filter((item) => item.id !== dealId);
  const at = Math.max(0, Math.min(index, others.length));
  const above = others[at - 1];
  const below = others[at];
  const sameStage = from.stage.id === stageId;
  const changed = !sameStage || from.deals.findIndex((item) => item.id === dealId) !== at;
  const kind = to.stage.kind;
  const { id, name, probability } = to.stage;
  const moved: Deal = { ...deal, stageId, status: kind, stage: { id, name, kind, probability } };
  const columns = board.columns.map((column) => {
    if (sameStage && column === to) {
      const deals = [...others];
      deals.splice(at, 0, moved);
      return { ...column, deals };
    }
    if (column === from) {
      return {
        ...column,
        deals: column.deals.filter((item) => item.id !== dealId),
        count: Math.max(0, column.count - 1),
        totals: adjustTotals(column.totals, deal.amount, deal.currency, -1),
      };
    }
    if (column === to) {
      const deals = [...others];
      deals.splice(at, 0, moved);
      return {
        ...column,
        deals,
        count: column.count + 1,
        totals: adjustTotals(column.totals, deal.amount, deal.currency, 1),
      };
    }
    return column;
  });
  const body: StageMoveBody = {
    stageId,
    ...(above ? { afterId: above.id } : below ? { beforeId: below.id } : {}),
  };
  return {
    board: { ...board, columns },
    body,
    changed,
    closing: !sameStage && (kind === 'won' || kind === 'lost') ? kind : undefined,
    from,
    to,
  };
}

/** The board with one deal replaced by the server's answer (its new version, rank, status). */
export function replaceDeal(board: Board, next: Deal): Board {
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.deals.some((deal) => deal.id === next.id)
        ? {
            ...column,
            deals: column.deals.map((deal) => (deal.id === next.id ? { ...deal, ...next } : deal)),
          }
        : column,
    ),
  };
}

export function toBoard(response: BoardResponse): Board {
  return {
    pipeline: response.pipeline,
    columns: response.stages.map(({ count, totals, cards, nextCursor, ...stage }) => ({
      stage,
      count,
      totals,
      deals: cards,
      nextCursor,
    })),
  };
}

/** The board with another page of one stage's deals appended (no card twice). */
export function appendDeals(
  board: Board,
  stageId: string,
  deals: readonly Deal[],
  nextCursor: string | null,
): Board {
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage.id !== stageId) return column;
      const known = new Set(column.deals.map((deal) => deal.id));
      return {
        ...column,
        deals: [...column.deals, ...deals.filter((deal) => !known.has(deal.id))],
        nextCursor,
      };
    }),
  };
}
