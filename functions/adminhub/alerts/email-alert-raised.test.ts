import type { Tx } from '@halooid/shared/db/transaction';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { MailMessage } from '@halooid/shared/mail';
import { describe, expect, it } from 'vitest';
import { emailAlertRaised } from './email-alert-raised';

const ADMIN = '0195e0a0-0000-7000-8000-0000000000a1';
const ALERT = '0195e0a0-0000-7000-8000-0000000000f1';

const event = (recipientUserIds: string[]) =>
  ({
    id: '0195e0a0-0000-7000-8000-0000000000e1',
    source: 'halooid.adminhub',
    type: 'alert.raised',
    version: 1,
    tenantId: '0195e0a0-0000-7000-8000-000000000001',
    occurredAt: '2026-12-06T10:00:00.000Z',
    actor: { type: 'system', id: 'halooid' },
    data: {
      alert: {
        id: ALERT,
        detector: 'failed-sign-in-burst',
        severity: 'critical',
        title: '50 failed sign-ins from 203.0.113.9 within 10 minutes',
        subject: { type: 'ip', id: '203.0.113.9' },
      },
      recipientUserIds,
    },
  }) as EventEnvelope;

function fakes(rows: { email: string; tenant: string }[]) {
  const sent: MailMessage[] = [];
  const queries: unknown[][] = [];
  const tx = {
    query: async (_text: string, values: unknown[]) => {
      queries.push(values);
      return { rows };
    },
  } as unknown as Tx;
  return { tx, sent, queries, mailer: { send: async (message: MailMessage) => void sent.push(message) } };
}

describe('alert email', () => {
  it('mails each named admin who is still an active member: what, where and the alert id, no evidence', async () => {
    const { tx, sent, queries, mailer } = fakes([{ email: 'admin@acme.example', tenant: 'Acme' }]);

    const count = await emailAlertRaised(tx, event([ADMIN]), mailer);

    expect(count).toBe(1);
    expect(queries[0]).toEqual([[ADMIN]]);
    expect(sent).toEqual([
      {
        to: 'admin@acme.example',
        subject: '[Acme] Critical security alert: 50 failed sign-ins from 203.0.113.9 within 10 minutes',
        text: expect.stringContaining(`Alert id: ${ALERT}`),
      },
    ]);
  });

  it('reads nobody and mails nobody when the alert names no admin', async () => {
    const { tx, sent, queries, mailer } = fakes([]);

    expect(await emailAlertRaised(tx, event([]), mailer)).toBe(0);
    expect(queries).toEqual([]);
    expect(sent).toEqual([]);
  });
});
