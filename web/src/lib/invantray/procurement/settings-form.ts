import { compareDecimals, isDecimal, trimDecimal } from '$lib/decimal';
import type { Approver, InventorySettings } from './types';

/**
 * The settings form as text, and the PATCH it becomes: only what changed (the
 * base currency is refused once stock has value, so it is sent only when the
 * admin really changes it), with the version read.
 */
export interface SettingsDraft {
  baseCurrency: string;
  approvalLevels: { above: string; approver: Approver }[];
  countApprovalThreshold: string;
  overReceiptTolerancePercent: string;
  matchQuantityTolerancePercent: string;
  matchPriceTolerancePercent: string;
}

const PERCENTS = [
  'overReceiptTolerancePercent',
  'matchQuantityTolerancePercent',
  'matchPriceTolerancePercent',
] as const;

export function settingsDraft(settings: InventorySettings): SettingsDraft {
  return {
    baseCurrency: settings.baseCurrency,
    approvalLevels: settings.approvalLevels.map((level) => ({
      above: trimDecimal(level.above),
      approver: level.approver,
    })),
    countApprovalThreshold: trimDecimal(settings.countApprovalThreshold),
    overReceiptTolerancePercent: trimDecimal(settings.overReceiptTolerancePercent),
    matchQuantityTolerancePercent: trimDecimal(settings.matchQuantityTolerancePercent),
    matchPriceTolerancePercent: trimDecimal(settings.matchPriceTolerancePercent),
  };
}

export function settingsPatch(
  saved: InventorySettings,
  draft: SettingsDraft,
): { body: Record<string, unknown>; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const before = settingsDraft(saved);
  const body: Record<string, unknown> = { version: saved.version };
  const currency = draft.baseCurrency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.baseCurrency = 'A three-letter ISO 4217 code such as EUR.';
  else if (currency !== before.baseCurrency) body.baseCurrency = currency;

  const levels = draft.approvalLevels.map((level) => ({
    above: level.above.trim(),
    approver: level.approver,
  }));
  levels.forEach((level, index) => {
    if (!isDecimal(level.above, 2))
      problems[`approvalLevels.${index}.above`] = 'An amount, at most 2 decimal places.';
    const previous = levels[index - 1];
    if (
      previous &&
      isDecimal(previous.above, 2) &&
      isDecimal(level.above, 2) &&
      compareDecimals(level.above, previous.above) <= 0
    )
      problems[`approvalLevels.${index}.above`] = 'Each level must be above the one before.';
  });
  if (JSON.stringify(levels) !== JSON.stringify(before.approvalLevels)) body.approvalLevels = levels;

  const threshold = draft.countApprovalThreshold.trim();
  if (!isDecimal(threshold, 2)) problems.countApprovalThreshold = 'An amount, at most 2 decimal places.';
  else if (threshold !== before.countApprovalThreshold) body.countApprovalThreshold = threshold;

  for (const key of PERCENTS) {
    const value = draft[key].trim();
    if (!isDecimal(value, 2) || compareDecimals(value, '100') > 0)
      problems[key] = 'A percentage from 0 to 100.';
    else if (value !== before[key]) body[key] = value;
  }
  return { body, problems };
}
