import { recordAudit } from '@halooid/shared/audit';
import { ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectSettings, writeSettings } from './repository';
import type { PutSettingsInput, SalesSettings } from './schemas';

export type SettingsDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

export function getSettings(deps: Pick<RequestDeps, 'tx' | 'principal'>): Promise<SalesSettings> {
  return selectSettings(deps.tx, deps.principal.tenantId);
}

/**
 * Replaces the per-object visibility. Every read of a record asks the
 * setting in its own transaction (domain/visibility.ts), so the change
 * applies from the next request on, in every Lambda.
 */
export async function putSettings(input: PutSettingsInput, deps: SettingsDeps): Promise<SalesSettings> {
  const tenantId = deps.principal.tenantId;
  const before = await selectSettings(deps.tx, tenantId, { forUpdate: true });
  const after = await writeSettings(deps.tx, tenantId, input.visibility, input.version);
  if (!after)
    throw new ConflictError(
      `The settings changed since you read them (you sent version ${input.version}, they are now ${before.version}). Reload and try again.`,
      'version_conflict',
    );
  await recordAudit(deps.tx, deps.actor, {
    action: 'customerconnect.settings.changed',
    targetType: 'customerconnect.settings',
    details: { before: before.visibility, after: after.visibility },
  });
  return after;
}
