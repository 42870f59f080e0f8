import { recordAudit } from '@halooid/shared/audit';
import { SYSTEM_ACTOR, withTenantEvents } from '@halooid/shared/events/outbox';
import { uuidv7 } from '@halooid/shared/ids';
import { adminhubEvents } from '../events';
import { roleAdministers, tenantAdminIds } from './admins';
import type { Detection } from './detectors/detection';
import { upsertAlert } from './repository';
import { alertSnapshot } from './snapshot';

/** A detection bound for one tenant, with the users of it who are that tenant's members. */
export interface TenantDetection {
  detection: Detection;
  /** For a detection about people: those of them who belong to this tenant. */
  members?: readonly string[];
}

/**
 * What a tenant may read of a detection about people: an IP burst names the
 * accounts it went after, and a tenant sees only its own members among them
 * (the count of the whole burst stays: it is the address's behaviour).
 */
export function evidenceFor({ detection, members }: TenantDetection): Record<string, unknown> {
  const { evidence } = detection;
  if (!members || !Array.isArray(evidence.users)) return evidence;
  const mine = new Set(members);
  return {
    ...evidence,
    users: (evidence.users as { userId: string }[]).filter((user) => mine.has(user.userId)),
  };
}

/**
 * Raises one tenant's detections in one tenant transaction, as the system:
 * each becomes a new alert or adds to its open one. A new alert is audited
 * (`adminhub.alert.raised`) and emits `adminhub.alert.raised` through the
 * outbox in the same transaction, naming the tenant's administrators, whom
 * the notification rule tells (product.ts `notify-alert-raised`). Detections
 * that need an administrator (a new sign-in location, MFA removed) are
 * dropped where the person does not administer the tenant, and a role
 * assignment where the role does not administer it. Returns how many
 * alerts were new.
 */
export async function raiseInTenant(
  tenantId: string,
  detections: readonly TenantDetection[],
): Promise<number> {
  return withTenantEvents({ tenantId, actor: SYSTEM_ACTOR }, async (tx, events) => {
    const admins = await tenantAdminIds(tx);
    const isAdmin = new Set(admins);
    let raised = 0;
    for (const bound of detections) {
      const { detection } = bound;
      const { target } = detection;
      if (target.kind === 'tenant' && target.onlyIfAdmin && !isAdmin.has(target.onlyIfAdmin)) continue;
      if (
        target.kind === 'tenant' &&
        target.onlyIfAdminRole &&
        !(await roleAdministers(tx, target.onlyIfAdminRole))
      )
        continue;
      if (
        target.kind === 'users' &&
        target.adminsOnly &&
        !(bound.members ?? []).some((id) => isAdmin.has(id))
      )
        continue;
      const outcome = await upsertAlert(tx, tenantId, uuidv7(), detection, evidenceFor(bound));
      if (!outcome.raised) continue;
      raised += 1;
      await recordAudit(
        tx,
        { principal: { principalId: SYSTEM_ACTOR.id, principalType: 'system' } },
        {
          action: 'adminhub.alert.raised',
          targetType: 'alert',
          targetId: outcome.alert.id,
          details: {
            detector: detection.detector,
            severity: detection.severity,
            dedupKey: detection.dedupKey,
          },
        },
      );
      await events.record(adminhubEvents, 'alert.raised', {
        alert: alertSnapshot(outcome.alert),
        recipientUserIds: admins,
      });
    }
    return raised;
  });
}
