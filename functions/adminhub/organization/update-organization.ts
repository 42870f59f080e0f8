import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectOrganization, updateOrganization } from './repository';
import { type Organization, PROFILE_KEYS, type UpdateOrganizationInput } from './schemas';

export type UpdateOrganizationDeps = Pick<RequestDeps, 'tx' | 'actor'>;

/**
 * Renames the organization and changes its profile, audited with each
 * changed field's value before and after (a field sent unchanged is not a
 * change). Nothing changed, nothing written.
 */
export async function changeOrganization(
  input: UpdateOrganizationInput,
  deps: UpdateOrganizationDeps,
): Promise<Organization> {
  const before = await selectOrganization(deps.tx, true);
  if (!before) throw new NotFoundError('Organization');
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  const profile: Record<string, unknown> = {};
  for (const key of ['name', ...PROFILE_KEYS] as const) {
    const value = input[key];
    if (value === undefined || value === before[key]) continue;
    changed[key] = { before: before[key], after: value };
    if (key !== 'name') profile[key] = value;
  }
  if (Object.keys(changed).length === 0) return before;
  await updateOrganization(deps.tx, { name: changed.name ? input.name : undefined, profile });
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.organization.updated',
    targetType: 'tenant',
    targetId: before.id,
    details: { changed },
  });
  return (await selectOrganization(deps.tx)) as Organization;
}
