import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { adminhubEvents } from '../events';
import { markAcknowledged, selectAlert } from './repository';
import type { Alert } from './schemas';
import { alertSnapshot } from './snapshot';

export type AcknowledgeAlertDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events'>;

/**
 * Someone is looking into it: an open alert becomes acknowledged (audited,
 * `adminhub.alert.acknowledged`). Acknowledging it again changes nothing and
 * answers it as it is; a resolved alert is closed (409).
 */
export async function acknowledgeAlert(id: string, deps: AcknowledgeAlertDeps): Promise<Alert> {
  const { tx, principal } = deps;
  const alert = await selectAlert(tx, principal.tenantId, id, { forUpdate: true });
  if (!alert) throw new NotFoundError('Alert');
  if (alert.status === 'acknowledged') return alert;
  if (alert.status === 'resolved')
    throw new ConflictError('The alert is resolved already.', 'alert_resolved');
  const by = principal.principalType === 'user' ? principal.principalId : null;
  const acknowledged = await markAcknowledged(tx, principal.tenantId, id, by);
  await recordAudit(tx, deps.actor, {
    action: 'adminhub.alert.acknowledged',
    targetType: 'alert',
    targetId: id,
    details: { detector: alert.detector, severity: alert.severity, title: alert.title },
  });
  await deps.events.record(adminhubEvents, 'alert.acknowledged', {
    alert: alertSnapshot(acknowledged),
    acknowledgedBy: by,
  });
  return acknowledged;
}
