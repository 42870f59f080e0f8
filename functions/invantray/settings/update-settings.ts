import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { approvalLevelsProblem } from '../domain/approval';
import { loadSettings } from '../domain/settings';
import { settingsView } from './get-settings';
import { lockSettingsRow, stockHasValue, updateSettingsRow } from './repository';
import type { Settings, UpdateSettingsInput } from './schemas';

export type UpdateSettingsDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * PATCH: the row created with the defaults if the tenant has none, locked,
 * checked against `version` (409 when stale), the levels checked (422), the
 * base currency kept once the ledger holds values (409), then written and
 * audited with the names of the changed settings.
 */
export async function updateSettings(
  version: number,
  changes: Omit<UpdateSettingsInput, 'version'>,
  deps: UpdateSettingsDeps,
): Promise<Settings> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  const current = await lockSettingsRow(tx, tenantId);
  checkVersion('settings', current, version);
  if (changes.approvalLevels) {
    const problem = approvalLevelsProblem(changes.approvalLevels);
    if (problem)
      throw new BusinessRuleError('invalid_approval_levels', problem, [
        { field: 'body.approvalLevels', message: problem, code: 'invalid_approval_levels' },
      ]);
  }
  const before = await loadSettings(tx, tenantId);
  if (
    changes.baseCurrency &&
    changes.baseCurrency !== before.baseCurrency &&
    (await stockHasValue(tx, tenantId))
  )
    throw new ConflictError(
      `Stock is already valued in ${before.baseCurrency}; the base currency cannot change any more.`,
      'base_currency_in_use',
    );
  await updateSettingsRow(tx, tenantId, changes);
  await recordAudit(tx, deps.actor, {
    action: 'invantray.settings.updated',
    targetType: 'invantray.settings',
    details: {
      fields: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined),
    },
  });
  return settingsView(await loadSettings(tx, tenantId));
}
