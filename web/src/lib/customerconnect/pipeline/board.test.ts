import { describe, expect, it } from 'vitest';
import { appendDeals, planDealMove, replaceDeal } from './board';
import { board, deal } from './test-fixtures';

describe('planDealMove', () => {
  it('moves a card to another stage, its count and totals with it', () => {
    const plan = planDealMove(board(), '2', 'b', 0);
    expect(plan?.changed).toBe(true);
    expect(plan?.closing).toBeUndefined();
    expect(plan?.body).toEqual({ stageId: 'b', beforeId: '4' });
    const [a, b] = plan?.board.columns ?? [];
    expect(a?.deals.map((item) => item.id)).toEqual(['1', '3']);
    expect(a?.count).toBe(2);
    expect(a?.totals).toEqual([{ currency: 'EUR', total: '100.00' }]);
    expect(b?.deals.map((item) => item.id)).toEqual(['2', '4']);
    expect(b?.count).toBe(2);
    expect(b?.totals).toEqual([
      { currency: 'USD', total: '5.00' },
      { currency: 'EUR', total: '100.10' },
    ]);
  });

  it('names the card above as afterId when there is one', () => {
    expect(planDealMove(board(), '1', 'b', 1)?.body).toEqual({ stageId: 'b', afterId: '4' });
    expect(planDealMove(board(), '1', 'won', 0)?.body).toEqual({ stageId: 'won' });
  });

  it('reorders within a stage without touching counts', () => {
    const plan = planDealMove(board(), '1', 'a', 2);
    expect(plan?.changed).toBe(true);
    expect(plan?.body).toEqual({ stageId: 'a', afterId: '3' });
    const a = plan?.board.columns[0];
    expect(a?.deals.map((item) => item.id)).toEqual(['2', '3', '1']);
    expect(a?.count).toBe(3);
    expect(a?.totals).toEqual([{ currency: 'EUR', total: '200.10' }]);
  });

  it('is no change when the card lands where it is', () => {
    expect(planDealMove(board(), '2', 'a', 1)?.changed).toBe(false);
  });

  it('asks for a reason when the target stage closes the deal', () => {
    const plan = planDealMove(board(), '1', 'won', 0);
    expect(plan?.closing).toBe('won');
    expect(plan?.board.columns[2]?.deals[0]?.status).toBe('won');
    expect(plan?.board.columns[2]?.deals[0]?.stage).toEqual({
      id: 'won',
      name: 'WON',
      kind: 'won',
      probability: '100.00',
    });
    expect(plan?.board.columns[2]?.deals[0]?.stage).toEqual({
      id: 'won',
      name: 'WON',
      kind: 'won',
      probability: '100.00',
    });
  });

  it('ignores unknown deals and stages', () => {
    expect(planDealMove(board(), 'nope', 'a', 0)).toBeUndefined();
    expect(planDealMove(board(), '1', 'nope', 0)).toBeUndefined();
  });
});

describe('board helpers', () => {
  it('replaces a deal with the server answer', () => {
    const next = replaceDeal(board(), { ...deal('4', 'b', '5.00', 'USD'), version: 9 });
    expect(next.columns[1]?.deals[0]?.version).toBe(9);
  });

  it('appends a page of a stage without duplicates', () => {
    const next = appendDeals(board(), 'b', [deal('4', 'b'), deal('5', 'b')], null);
    expect(next.columns[1]?.deals.map((item) => item.id)).toEqual(['4', '5']);
    expect(next.columns[1]?.nextCursor).toBeNull();
  });
});
