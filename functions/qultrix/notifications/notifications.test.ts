import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { NotificationMessage, NotifyHandler } from '@halooid/shared/notifications';
import { describe, expect, it } from 'vitest';
import { notify as notifyApprovers } from './time-off-awaiting-approval';
import { notify as notifyRequester } from './time-off-decision';

const REQUEST = '0193a000-0000-7000-8000-0000000000d4';
const EMPLOYEE = '0193a000-0000-7000-8000-0000000000b2';
const USER = '0193a000-0000-7000-8000-0000000000c3';
const MANAGER = '0193a000-0000-7000-8000-0000000000a1';
const DELEGATE = '0193a000-0000-7000-8000-0000000000a2';

const data = {
  requestId: REQUEST,
  employeeId: EMPLOYEE,
  userId: USER,
  leaveTypeId: '0193a000-0000-7000-8000-0000000000e1',
  leaveTypeName: 'Annual leave',
  unit: 'days',
  start: '2026-03-02',
  end: '2026-03-04',
  startHalf: false,
  endHalf: false,
  amount: '3',
  status: 'pending',
};

const envelope = (type: string, payload: Record<string, unknown>): EventEnvelope => ({
  id: '0193a000-0000-7000-8000-0000000000e5',
  source: 'halooid.qultrix',
  type,
  version: 1,
  tenantId: '0193a000-0000-7000-8000-0000000000f6',
  occurredAt: '2026-01-01T12:00:00.000Z',
  actor: { type: 'user', id: USER },
  data: payload,
});

async function run(rule: NotifyHandler, event: EventEnvelope) {
  const calls: { userId: string; message: NotificationMessage }[] = [];
  await rule(event, {
    notifyMember: async (userId, message) => {
      calls.push({ userId, message });
      return true;
    },
  });
  return calls;
}

describe('Qultrix time-off notification rules', () => {
  it('a request awaiting approval notifies each approver of the step', async () => {
    const event = envelope('time-off.awaiting_approval', {
      ...data,
      employeeName: 'Ada Lovelace',
      step: 1,
      approverUserIds: [MANAGER, DELEGATE],
    });

    const calls = await run(notifyApprovers, event);

    expect(calls.map((call) => call.userId)).toEqual([MANAGER, DELEGATE]);
    expect(calls[0]?.message).toEqual({
      title: 'Ada Lovelace asks for Annual leave, 2026-03-02 to 2026-03-04',
      body: '3 days; awaiting your approval.',
      resource: { type: 'qultrix.time-off-request', id: REQUEST },
    });
  });

  it('approval and rejection notify the employee, and nobody when they have no user', async () => {
    const approved = await run(
      notifyRequester,
      envelope('time-off.approved', { ...data, status: 'approved' }),
    );
    const rejected = await run(
      notifyRequester,
      envelope('time-off.rejected', { ...data, status: 'rejected' }),
    );
    const noUser = await run(notifyRequester, envelope('time-off.approved', { ...data, userId: null }));

    expect(approved).toEqual([
      {
        userId: USER,
        message: {
          title: 'Your Annual leave (2026-03-02 to 2026-03-04) was approved',
          resource: { type: 'qultrix.time-off-request', id: REQUEST },
        },
      },
    ]);
    expect(rejected[0]?.message.title).toBe('Your Annual leave (2026-03-02 to 2026-03-04) was rejected');
    expect(noUser).toEqual([]);
  });
});
