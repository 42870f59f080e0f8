import type { Board, Deal, Stage } from './types';

/** Stages, deals and a three-column board for the board's tests. */
export const stage = (id: string, kind: Stage['kind'] = 'open', probability = '50.00'): Stage => ({
  id,
  name: id.toUpperCase(),
  position: 0,
  probability,
  kind,
});
export const deal = (
  id: string,
  stageId: string,
  amount: string | null = '100.00',
  currency: string | null = 'EUR',
): Deal => ({
  id,
  name: `Deal ${id}`,
  pipelineId: 'p',
  stageId,
  stage: { id: stageId, name: stageId, kind: 'open', probability: '50.00' },
  status: 'open',
  amount,
  currency,
  expectedCloseDate: null,
  ownerId: null,
  companyId: null,
  leadId: null,
  rank: '1',
  stageEnteredAt: '2026-12-01T00:00:00.000Z',
  closedAt: null,
  closeReason: null,
  tags: [],
  custom: {},
  createdBy: null,
  version: 3,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

export function board(): Board {
  return {
    pipeline: {
      id: 'p',
      name: 'Sales',
      isDefault: true,
      projectTemplateId: null,
      version: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
    },
    columns: [
      {
        stage: stage('a'),
        count: 3,
        totals: [{ currency: 'EUR', total: '200.10' }],
        deals: [deal('1', 'a'), deal('2', 'a', '100.10'), deal('3', 'a', null, null)],
        nextCursor: null,
      },
      {
        stage: stage('b'),
        count: 1,
        totals: [{ currency: 'USD', total: '5.00' }],
        deals: [deal('4', 'b', '5.00', 'USD')],
        nextCursor: 'x',
      },
      { stage: stage('won', 'won', '100.00'), count: 0, totals: [], deals: [], nextCursor: null },
    ],
  };
}
