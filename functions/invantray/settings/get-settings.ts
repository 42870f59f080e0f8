import { trimDecimal } from '@halooid/shared/decimal';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type InventorySettings, loadSettings } from '../domain/settings';
import type { Settings } from './schemas';

export type GetSettingsDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The tenant's settings (or the defaults), amounts as money and percentages trimmed. */
export async function getSettings(deps: GetSettingsDeps): Promise<Settings> {
  return settingsView(await loadSettings(deps.tx, deps.principal.tenantId));
}

export function settingsView(settings: InventorySettings): Settings {
  return {
    baseCurrency: settings.baseCurrency,
    approvalLevels: settings.approvalLevels.map((level) => ({
      above: trimDecimal(level.above, 2),
      approver: level.approver,
    })),
    countApprovalThreshold: trimDecimal(settings.countApprovalThreshold, 2),
    overReceiptTolerancePercent: trimDecimal(settings.overReceiptTolerancePercent),
    matchQuantityTolerancePercent: trimDecimal(settings.matchQuantityTolerancePercent),
    matchPriceTolerancePercent: trimDecimal(settings.matchPriceTolerancePercent),
    version: settings.version,
  };
}
