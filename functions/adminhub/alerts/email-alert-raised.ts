import type { Tx } from '@halooid/shared/db/transaction';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { Mailer } from '@halooid/shared/mail';
import { adminhubEvents } from '../events';

const SEVERITY_WORD = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

/**
 * adminhub.alert.raised → an email to each administrator it names who is
 * still an active member (read in the event's tenant transaction, so nobody
 * removed since is mailed). The in-app notification is the platform's rule
 * (notify-alert-raised); email has no platform rule yet, so AdminHub sends it
 * through the kernel's mailer. The message says what and where, never the
 * evidence: email leaves the platform.
 */
export async function emailAlertRaised(tx: Tx, event: EventEnvelope, mailer: Mailer): Promise<number> {
  const { alert, recipientUserIds } = adminhubEvents.events['alert.raised'].schema.parse(event.data);
  if (recipientUserIds.length === 0) return 0;
  const { rows } = await tx.query<{ email: string; tenant: string }>(
    `select u.email, t.name as tenant
       from platform.users u
       join platform.memberships m on m.user_id = u.id and m.tenant_id = platform.current_tenant_id()
       join platform.tenants t on t.id = m.tenant_id
      where u.id = any($1::uuid[]) and m.status = 'active'
      order by u.email`,
    [recipientUserIds],
  );
  for (const row of rows)
    await mailer.send({
      to: row.email,
      subject: `[${row.tenant}] ${SEVERITY_WORD[alert.severity]} security alert: ${alert.title}`,
      text: [
        `AdminHub raised a ${alert.severity} security alert in ${row.tenant}:`,
        '',
        `  ${alert.title}`,
        '',
        'Open Administration → Alerts to see its evidence, then acknowledge or resolve it.',
        `Alert id: ${alert.id}`,
      ].join('\n'),
    });
  return rows.length;
}
