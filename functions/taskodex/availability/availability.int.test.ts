import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import { uuidv7 } from '@halooid/shared/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let member: Session;
let viewer: Session;
let employee: Session;
let tenantId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, member, viewer, employee] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('employee@acme.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
});

afterAll(async () => {
  await platform?.stop();
});

interface TimeOff {
  id: string;
  userId: string | null;
  startDate: string;
  endDate: string;
}

/** A Qultrix time-off decision as it travels on the bus (Qultrix publishes it after the approval commits). */
function timeOffEvent(type: 'time-off.approved' | 'time-off.cancelled', request: TimeOff): EventEnvelope {
  return {
    id: uuidv7(),
    source: 'halooid.qultrix',
    type,
    version: 1,
    tenantId,
    occurredAt: new Date().toISOString(),
    actor: { type: 'user', id: admin.userId },
    data: {
      requestId: request.id,
      employeeId: uuidv7(),
      userId: request.userId,
      leaveTypeId: uuidv7(),
      leaveTypeName: 'Sick leave',
      unit: 'days',
      start: request.startDate,
      end: request.endDate,
      startHalf: false,
      endHalf: false,
      amount: '3',
      status: type === 'time-off.approved' ? 'approved' : 'cancelled',
    },
  };
}

/** Publishes on the local bus and waits until every subscriber has handled the events. */
async function deliver(...events: EventEnvelope[]) {
  await platform.events.bus.publish(events);
  await platform.events.bus.idle();
  expect(platform.events.bus.deadLetters()).toEqual([]);
}

const createTask = (body: Record<string, unknown>) =>
  platform.request('POST', '/v1/taskodex/tasks', { headers: admin.headers('acme'), body });
const absencesOf = async (sourceId: string) =>
  (
    await platform.db.query(
      'select user_id, start_date::text, end_date::text, label from taskodex.member_absences where source_id = $1',
      [sourceId],
    )
  ).rows;

describe('who is away', () => {
  it('warns when a task is due while its assignee is away, and not otherwise', async () => {
    const request = { id: uuidv7(), userId: member.userId, startDate: '2031-03-10', endDate: '2031-03-14' };
    await deliver(timeOffEvent('time-off.approved', request));

    const inside = await createTask({
      title: 'Ship the release',
      assigneeId: member.userId,
      dueDate: '2031-03-12',
    });
    const outside = await createTask({
      title: 'Plan the next one',
      assigneeId: member.userId,
      dueDate: '2031-03-17',
    });
    const unassigned = await createTask({ title: 'Someone, sometime', dueDate: '2031-03-12' });

    expect(inside.status).toBe(201);
    expect(inside.body.warnings).toEqual([
      {
        code: 'assignee_away',
        message: expect.stringContaining('2031-03-10'),
        userId: member.userId,
        from: '2031-03-10',
        to: '2031-03-14',
      },
    ]);
    expect(outside.status).toBe(201);
    expect(outside.body).not.toHaveProperty('warnings');
    expect(unassigned.status).toBe(201);
    expect(unassigned.body).not.toHaveProperty('warnings');
  });

  it('warns when a change moves the due date into the absence, and the change is saved', async () => {
    const request = { id: uuidv7(), userId: member.userId, startDate: '2031-04-07', endDate: '2031-04-08' };
    await deliver(timeOffEvent('time-off.approved', request));
    const task = await createTask({ title: 'Review', assigneeId: member.userId, dueDate: '2031-04-09' });
    const path = `/v1/taskodex/tasks/${task.body.id}`;

    const moved = await platform.request('PATCH', path, {
      headers: admin.headers('acme'),
      body: { version: task.body.version, dueDate: '2031-04-08' },
    });
    const renamed = await platform.request('PATCH', path, {
      headers: admin.headers('acme'),
      body: { version: moved.body.version, title: 'Review (carefully)' },
    });

    expect(task.body).not.toHaveProperty('warnings');
    expect(moved.status).toBe(200);
    expect(moved.body.dueDate).toBe('2031-04-08');
    expect(moved.body.warnings).toMatchObject([
      { code: 'assignee_away', from: '2031-04-07', to: '2031-04-08' },
    ]);
    expect(renamed.status).toBe(200);
    expect(renamed.body).not.toHaveProperty('warnings');
  });

  it('keeps one row per request: a replay changes nothing, a re-approval replaces the dates', async () => {
    const request = { id: uuidv7(), userId: member.userId, startDate: '2031-05-04', endDate: '2031-05-05' };
    const approved = timeOffEvent('time-off.approved', request);

    await deliver(approved);
    await deliver(approved);
    expect(await absencesOf(request.id)).toEqual([
      { user_id: member.userId, start_date: '2031-05-04', end_date: '2031-05-05', label: 'Time off' },
    ]);

    await deliver(timeOffEvent('time-off.approved', { ...request, endDate: '2031-05-06' }));
    expect(await absencesOf(request.id)).toEqual([
      { user_id: member.userId, start_date: '2031-05-04', end_date: '2031-05-06', label: 'Time off' },
    ]);
  });

  it('forgets a cancelled absence', async () => {
    const request = { id: uuidv7(), userId: member.userId, startDate: '2031-06-02', endDate: '2031-06-06' };
    await deliver(timeOffEvent('time-off.approved', request));

    await deliver(timeOffEvent('time-off.cancelled', request));
    const task = await createTask({ title: 'After all', assigneeId: member.userId, dueDate: '2031-06-03' });

    expect(await absencesOf(request.id)).toEqual([]);
    expect(task.status).toBe(201);
    expect(task.body).not.toHaveProperty('warnings');
  });

  it('ignores time off of an employee without a platform user', async () => {
    const request = { id: uuidv7(), userId: null, startDate: '2031-07-01', endDate: '2031-07-02' };

    await deliver(timeOffEvent('time-off.approved', request));

    expect(await absencesOf(request.id)).toEqual([]);
  });

  it('lists who is away in a range to anyone who reads tasks, at most 93 days at once', async () => {
    const request = { id: uuidv7(), userId: admin.userId, startDate: '2031-08-30', endDate: '2031-09-02' };
    await deliver(timeOffEvent('time-off.approved', request));

    const overlapping = await platform.request('GET', '/v1/taskodex/absences?from=2031-09-01&to=2031-09-30', {
      headers: viewer.headers('acme'),
    });
    const before = await platform.request('GET', '/v1/taskodex/absences?from=2031-08-01&to=2031-08-29', {
      headers: viewer.headers('acme'),
    });
    const tooLong = await platform.request('GET', '/v1/taskodex/absences?from=2031-09-01&to=2031-12-03', {
      headers: viewer.headers('acme'),
    });
    const backwards = await platform.request('GET', '/v1/taskodex/absences?from=2031-09-02&to=2031-09-01', {
      headers: viewer.headers('acme'),
    });
    const editedCursor = await platform.request(
      'GET',
      `/v1/taskodex/absences?from=2031-09-01&to=2031-09-30&cursor=${Buffer.from('["x","y"]').toString('base64url')}`,
      { headers: viewer.headers('acme') },
    );
    const yearZero = await platform.request('GET', '/v1/taskodex/absences?from=0000-01-01&to=0000-01-02', {
      headers: viewer.headers('acme'),
    });
    const otherTenant = await platform.login('owner@globex.example');
    const elsewhere = await platform.request('GET', '/v1/taskodex/absences?from=2031-09-01&to=2031-09-30', {
      headers: otherTenant.headers('globex'),
    });

    expect(overlapping.status).toBe(200);
    expect(overlapping.body).toEqual({
      items: [{ userId: admin.userId, from: '2031-08-30', to: '2031-09-02', label: 'Time off' }],
      nextCursor: null,
    });
    expect(before.body.items).toEqual([]);
    expect(tooLong.status).toBe(400);
    expect(backwards.status).toBe(400);
    expect(editedCursor.status).toBe(400);
    expect(yearZero.status).toBe(400);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);
  });
});

describe('who is away, through Qultrix time off', () => {
  const post = (as: Session, path: string, body?: unknown) =>
    platform.request('POST', path, { headers: as.headers('acme'), body });
  const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('an approved request warns on a task due inside it; its cancellation ends that', async () => {
    const manager = await post(admin, '/v1/qultrix/employees', {
      legalName: { given: 'Manny', family: 'Away' },
      hireDate: '2026-01-05',
      status: 'active',
      userId: member.userId,
    });
    const requester = await post(admin, '/v1/qultrix/employees', {
      legalName: { given: 'Rita', family: 'Away' },
      hireDate: '2026-01-05',
      status: 'active',
      userId: employee.userId,
      managerId: manager.body.id,
    });
    const leaveType = await post(admin, '/v1/qultrix/leave-types', { name: 'Unpaid', kind: 'unpaid' });
    expect([manager.status, requester.status, leaveType.status]).toEqual([201, 201, 201]);
    // A working week some weeks ahead, so the request can still be cancelled once approved.
    const [start, end] = [isoDay(40), isoDay(46)];

    const asked = await post(employee, '/v1/qultrix/time-off/requests', {
      leaveTypeId: leaveType.body.id,
      start,
      end,
    });
    const approved = await post(member, `/v1/qultrix/time-off/requests/${asked.body.id}/approve`, {});
    await platform.events.bus.idle();
    const during = await createTask({
      title: 'Cover for Rita',
      assigneeId: employee.userId,
      dueDate: isoDay(43),
    });

    expect(asked.status, asked.text).toBe(201);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(during.status).toBe(201);
    expect(during.body.warnings).toEqual([
      expect.objectContaining({ code: 'assignee_away', userId: employee.userId, from: start, to: end }),
    ]);

    const cancelled = await post(employee, `/v1/qultrix/time-off/requests/${asked.body.id}/cancel`);
    await platform.events.bus.idle();
    const after = await createTask({
      title: 'Rita after all',
      assigneeId: employee.userId,
      dueDate: isoDay(43),
    });

    expect(cancelled.status, cancelled.text).toBe(200);
    expect(await absencesOf(asked.body.id)).toEqual([]);
    expect(after.body).not.toHaveProperty('warnings');
    expect(platform.events.bus.deadLetters()).toEqual([]);
  });
});
