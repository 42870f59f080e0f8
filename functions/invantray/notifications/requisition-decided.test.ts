import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { NotificationMessage } from '@halooid/shared/notifications';
import { describe, expect, it } from 'vitest';
import { notify } from './requisition-decided';

const requester = '0195e0a0-0000-7000-8000-000000000002';
const requisitionId = '0195e0a0-0000-7000-8000-000000000009';

function eventOf(data: Record<string, unknown>) {
  return {
    data: { requisitionId, number: 'REQ-00007', decidedBy: null, ...data },
  } as unknown as EventEnvelope;
}

async function notified(data: Record<string, unknown>) {
  const sent: [string, NotificationMessage][] = [];
  await notify(eventOf(data), {
    notifyMember: async (userId, message) => {
      sent.push([userId, message]);
      return true;
    },
  });
  return sent;
}

describe('requisition decided notification', () => {
  it('tells the requester of a rejection with its reason, linking the requisition', async () => {
    expect(await notified({ requestedBy: requester, decision: 'rejected', note: 'Plenty in stock' })).toEqual(
      [
        [
          requester,
          {
            title: 'Requisition REQ-00007 rejected',
            body: 'Plenty in stock',
            resource: { type: 'invantray.requisition', id: requisitionId },
          },
        ],
      ],
    );
  });

  it('tells of an approval without a body when there is no note, and nobody when no person asked', async () => {
    const approved = await notified({ requestedBy: requester, decision: 'approved', note: null });

    expect(approved[0]?.[1]).toEqual({
      title: 'Requisition REQ-00007 approved',
      resource: { type: 'invantray.requisition', id: requisitionId },
    });
    expect(await notified({ requestedBy: null, decision: 'approved', note: null })).toEqual([]);
  });
});
