import { describe, expect, it } from 'vitest';
import { settingsDraft, settingsPatch } from './settings-form';
import type { InventorySettings } from './types';

const saved: InventorySettings = {
  baseCurrency: 'USD',
  approvalLevels: [
    { above: '5000.00', approver: 'approve_permission' },
    { above: '50000.00', approver: 'owner' },
  ],
  countApprovalThreshold: '500.00',
  overReceiptTolerancePercent: '5.00',
  matchQuantityTolerancePercent: '0',
  matchPriceTolerancePercent: '2.00',
  version: 3,
};

describe('settingsPatch', () => {
  it('sends only what changed, with the version', () => {
    const draft = settingsDraft(saved);
    draft.overReceiptTolerancePercent = '10';
    expect(settingsPatch(saved, draft)).toEqual({
      body: { version: 3, overReceiptTolerancePercent: '10' },
      problems: {},
    });
  });

  it('sends the whole list of levels when one changes', () => {
    const draft = settingsDraft(saved);
    draft.approvalLevels = [...draft.approvalLevels, { above: '100000', approver: 'owner' }];
    expect(settingsPatch(saved, draft).body.approvalLevels).toHaveLength(3);
  });

  it('refuses levels out of order, bad amounts and percentages above 100', () => {
    const draft = settingsDraft(saved);
    draft.approvalLevels = [
      { above: '5000', approver: 'approve_permission' },
      { above: '100', approver: 'owner' },
    ];
    draft.matchPriceTolerancePercent = '101';
    draft.baseCurrency = 'EURO';
    expect(Object.keys(settingsPatch(saved, draft).problems)).toEqual([
      'baseCurrency',
      'approvalLevels.1.above',
      'matchPriceTolerancePercent',
    ]);
  });
});
