import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { adminhubEvents } from '../events';
import { markResolved, selectAlert } from './repository';
import type { Alert, ResolveAlertInput } from './schemas';
import { alertSnapshot } from './snapshot';

export type ResolveAlertDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events'>;

/**
 * Closes an open or acknowledged alert with a note saying what was found
 * (audited, `adminhub.alert.resolved`). A resolved alert no longer holds its
 * incident's dedup key, so the next detection of it raises a new alert. A
 * resolved alert cannot be resolved again (409): its note stays as written.
 */
export async function resolveAlert(
  id: string,
  input: ResolveAlertInput,
  deps: ResolveAlertDeps,
): Promise<Alert> {
  const { tx, principal } = deps;
  const alert = await selectAlert(tx, principal.tenantId, id, { forUpdate: true });
  if (!alert) throw new NotFoundError('Alert');
  if (alert.status === 'resolved')
    throw new ConflictError('The alert is resolved already.', 'alert_resolved');
  const by = principal.principalType === 'user' ? principal.principalId : null;
  const resolved = await markResolved(tx, principal.tenantId, id, by, input.note);
  await recordAudit(tx, deps.actor, {
    action: 'adminhub.alert.resolved',
    targetType: 'alert',
    targetId: id,
    details: { detector: alert.detector, severity: alert.severity, before: alert.status, note: input.note },
  });
  await deps.events.record(adminhubEvents, 'alert.resolved', {
    alert: alertSnapshot(resolved),
    resolvedBy: by,
    note: input.note,
  });
  return resolved;
}
