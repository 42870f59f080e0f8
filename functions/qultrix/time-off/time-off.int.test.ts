import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let hr: Session;
let member: Session;
let employee: Session;
let viewer: Session;
let globexOwner: Session;
let tenantId: string;
// Employees: the manager (member@), the requester (employee@, at a location with a
// holiday on Monday 2027-03-08), HR's own record, and two without a user.
const ids = { manager: '', requester: '', hr: '', teammate: '', saver: '' };
const types = { annual: '', sick: '' };

const get = (as: Session, path: string) => platform.request('GET', path, { headers: as.headers('acme') });
const post = (as: Session, path: string, body?: unknown) =>
  platform.request('POST', path, { headers: as.headers('acme'), body });
const request = (as: Session, body: Record<string, unknown>) =>
  post(as, '/v1/qultrix/time-off/requests', body);
const decide = (as: Session, id: string, action: 'approve' | 'reject' | 'cancel', body?: unknown) =>
  post(as, `/v1/qultrix/time-off/requests/${id}/${action}`, body ?? (action === 'cancel' ? undefined : {}));

async function createEmployee(given: string, extra: Record<string, unknown>): Promise<string> {
  const response = await post(admin, '/v1/qultrix/employees', {
    legalName: { given, family: 'Tester' },
    hireDate: '2026-01-05',
    status: 'active',
    ...extra,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

async function createLeaveType(body: Record<string, unknown>): Promise<string> {
  const response = await post(admin, '/v1/qultrix/leave-types', body);
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

/** Grants days through an adjustment ledger row (what HR's adjustment or the accrual job write). */
async function grant(employeeId: string, leaveTypeId: string, amount: string) {
  await platform.db.query(
    `insert into qultrix.leave_ledger (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date)
     values ($1, gen_random_uuid(), $2, $3, 'adjustment', $4, '2027-01-01')`,
    [tenantId, employeeId, leaveTypeId, amount],
  );
}

async function ledgerOf(employeeId: string, leaveTypeId: string) {
  const { rows } = await platform.db.query(
    `select kind, trim_scale(amount)::text as amount, request_id from qultrix.leave_ledger
      where tenant_id = $1 and employee_id = $2 and leave_type_id = $3 order by created_at, kind`,
    [tenantId, employeeId, leaveTypeId],
  );
  return rows as { kind: string; amount: string; request_id: string | null }[];
}

/** Polls until `probe` finds something or `ms` pass (the notification relay runs every 200 ms in tests). */
async function waitFor<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const notificationOf = (as: Session, type: string, requestId: string) =>
  waitFor(15_000, async () => {
    const response = await get(as, '/v1/notifications?unread=true&limit=100');
    return (response.body.items as { type: string; title: string; resource?: { id: string } }[]).find(
      (item) => item.type === type && item.resource?.id === requestId,
    );
  });

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, hr, member, employee, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('hr@acme.example'),
    platform.login('member@acme.example'),
    platform.login('employee@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  const { rows } = await platform.db.query(
    `with calendar as (
       insert into qultrix.holiday_calendars (tenant_id, id, name) values ($1, gen_random_uuid(), 'Test holidays')
       returning id
     ), holiday as (
       insert into qultrix.holidays (tenant_id, calendar_id, holiday_date, name)
       select $1, id, '2027-03-08', 'Test day' from calendar
     )
     insert into qultrix.locations (tenant_id, id, name, holiday_calendar_id)
     select $1, gen_random_uuid(), 'Test office', id from calendar returning id`,
    [tenantId],
  );
  const locationId = rows[0].id;
  ids.manager = await createEmployee('Manny', { userId: member.userId });
  ids.requester = await createEmployee('Rita', {
    userId: employee.userId,
    managerId: ids.manager,
    locationId,
  });
  ids.hr = await createEmployee('Harriet', { userId: hr.userId });
  ids.teammate = await createEmployee('Tim', { managerId: ids.manager });
  ids.saver = await createEmployee('Sam', { managerId: ids.manager });
  types.annual = await createLeaveType({ name: 'Annual', kind: 'annual', approval: 'manager_then_hr' });
  types.sick = await createLeaveType({
    name: 'Sick',
    kind: 'sick',
    attachmentAfterDays: '2',
    tracksBalance: false,
  });
  await grant(ids.requester, types.annual, '10');
  await grant(ids.hr, types.annual, '10');
  await grant(ids.saver, types.annual, '3');
});

afterAll(async () => {
  await platform?.stop();
});

describe('time-off requests', () => {
  let first = { id: '' };

  it('counts only working days across a weekend and a holiday, in the preview and the request', async () => {
    // Friday 2027-03-05 to Tuesday 2027-03-09: the weekend and Monday's holiday are off.
    const range = { start: '2027-03-05', end: '2027-03-09' };

    const preview = await get(
      employee,
      `/v1/qultrix/time-off/preview?leaveTypeId=${types.annual}&start=${range.start}&end=${range.end}`,
    );
    const created = await request(employee, { leaveTypeId: types.annual, ...range, reason: 'Family visit' });

    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({
      employeeId: ids.requester,
      workingDays: '2',
      amount: '2',
      balance: { balance: '10', pending: '0', available: '10' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      employeeId: ids.requester,
      employeeName: 'Rita Tester',
      amount: '2',
      status: 'pending',
      currentStep: 1,
      approval: 'manager_then_hr',
      requestedBy: employee.userId,
    });
    expect(created.headers.get('location')).toBe(`/v1/qultrix/time-off/requests/${created.body.id}`);
    first = created.body;
    const { rows } = await platform.db.query(
      `select type, envelope->'data' as data from platform.outbox
        where envelope->>'source' = 'halooid.qultrix' and envelope->'data'->>'requestId' = $1 order by type`,
      [first.id],
    );
    expect(rows.map((row) => row.type)).toEqual(['time-off.awaiting_approval', 'time-off.requested']);
    expect(rows[0].data).toMatchObject({ step: 1, approverUserIds: [member.userId] });
    expect(JSON.stringify(rows)).not.toContain('Family visit');
  });

  it('refuses an overlapping request with a 409 naming the other, and a range without working days with a 422', async () => {
    const overlap = await request(employee, {
      leaveTypeId: types.annual,
      start: '2027-03-09',
      end: '2027-03-10',
    });
    const weekend = await request(employee, {
      leaveTypeId: types.annual,
      start: '2027-03-06',
      end: '2027-03-07',
    });

    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('overlapping_request');
    expect(overlap.body.detail).toContain(first.id);
    expect(overlap.body.detail).toContain('2027-03-05 to 2027-03-09');
    expect(weekend.status).toBe(422);
    expect(weekend.body.code).toBe('no_working_days');
  });

  it('asks for an attachment beyond the type’s limit', async () => {
    const body = { leaveTypeId: types.sick, start: '2027-06-01', end: '2027-06-03' };

    const without = await request(employee, body);
    const withUrl = await request(employee, { ...body, attachmentUrl: 'https://files.example/note.pdf' });

    expect(without.status).toBe(422);
    expect(without.body.code).toBe('attachment_required');
    expect(withUrl.status, withUrl.text).toBe(201);
    expect((await decide(employee, withUrl.body.id, 'cancel')).body.status).toBe('cancelled');
  });

  it('ten concurrent one-day requests against 3 available days: exactly 3 are accepted, never below zero', async () => {
    // Weekdays from Monday 2027-05-03 on, each its own day.
    const days = ['03', '04', '05', '06', '07', '10', '11', '12', '13', '14'].map((day) => `2027-05-${day}`);

    const responses = await Promise.all(
      days.map((day) =>
        request(hr, { employeeId: ids.saver, leaveTypeId: types.annual, start: day, end: day }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
    for (const refused of responses.filter((response) => response.status === 422))
      expect(refused.body.code).toBe('insufficient_balance');
    const preview = await get(
      hr,
      `/v1/qultrix/time-off/preview?employeeId=${ids.saver}&leaveTypeId=${types.annual}&start=2027-06-01&end=2027-06-01`,
    );
    expect(preview.body.balance).toEqual({ balance: '3', pending: '3', available: '0' });
  });

  it('two-level approval: never one’s own, manager then HR, and the balance is spent by a taken ledger row', async () => {
    const own = await decide(employee, first.id, 'approve');
    const hrAtStepOne = await decide(hr, first.id, 'approve');
    const byManager = await decide(member, first.id, 'approve', { comment: 'Enjoy' });
    const managerAgain = await decide(member, first.id, 'approve');
    const awaitingHr = await get(hr, '/v1/qultrix/time-off/requests?awaitingMe=true');
    const byHr = await decide(hr, first.id, 'approve');

    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own_request');
    expect(hrAtStepOne.status).toBe(403);
    expect(hrAtStepOne.body.code).toBe('not_approver');
    expect(byManager.status, byManager.text).toBe(200);
    expect(byManager.body).toMatchObject({ status: 'pending', currentStep: 2 });
    expect(managerAgain.status).toBe(403);
    expect(awaitingHr.body.items.map((item: { id: string }) => item.id)).toContain(first.id);
    expect(byHr.status, byHr.text).toBe(200);
    expect(byHr.body).toMatchObject({ status: 'approved', currentStep: null });
    expect(byHr.body.approvals).toMatchObject([
      { step: 1, decision: 'approved', decidedBy: member.userId, onBehalfOf: null, comment: 'Enjoy' },
      { step: 2, decision: 'approved', decidedBy: hr.userId },
    ]);
    expect(await ledgerOf(ids.requester, types.annual)).toEqual([
      { kind: 'adjustment', amount: '10', request_id: null },
      { kind: 'taken', amount: '-2', request_id: first.id },
    ]);
  });

  it('cancelling the approved request restores the balance through a reversal row', async () => {
    const cancelled = await decide(employee, first.id, 'cancel');
    const again = await decide(employee, first.id, 'cancel');

    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(again.status).toBe(409);
    const ledger = await ledgerOf(ids.requester, types.annual);
    expect(ledger.map((row) => [row.kind, row.amount])).toEqual([
      ['adjustment', '10'],
      ['taken', '-2'],
      ['reversal', '2'],
    ]);
    const { rows } = await platform.db.query(
      `select type from platform.outbox where envelope->'data'->>'requestId' = $1 order by created_at`,
      [first.id],
    );
    expect(rows.map((row) => row.type)).toContain('time-off.cancelled');
  });

  it('a rejection ends the request and writes nothing to the ledger', async () => {
    const created = await request(employee, {
      leaveTypeId: types.annual,
      start: '2027-04-05',
      end: '2027-04-06',
    });

    const rejected = await decide(member, created.body.id, 'reject', { comment: 'Release week' });

    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', currentStep: null });
    const ledger = await ledgerOf(ids.requester, types.annual);
    expect(ledger.filter((row) => row.request_id === created.body.id)).toEqual([]);
  });

  it('a request without a manager goes to HR, and HR never decides their own', async () => {
    const created = await request(hr, { leaveTypeId: types.annual, start: '2027-07-05', end: '2027-07-05' });

    const own = await decide(hr, created.body.id, 'approve');
    const byAdmin = await decide(admin, created.body.id, 'approve');
    const outsider = await get(member, `/v1/qultrix/time-off/requests/${created.body.id}`);

    // manager_then_hr without a manager: straight to the HR step.
    expect(created.body.currentStep).toBe(2);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own_request');
    expect(byAdmin.body.status).toBe('approved');
    expect(outsider.status).toBe(404);
  });

  it('a delegate decides for the away manager, recorded on their behalf', async () => {
    const delegation = await post(member, '/v1/qultrix/time-off/delegations', {
      delegateId: ids.requester,
      startsOn: isoDay(-1),
      endsOn: isoDay(7),
    });
    const created = await request(hr, {
      employeeId: ids.teammate,
      leaveTypeId: types.sick,
      start: '2027-08-02',
      end: '2027-08-02',
    });
    const inbox = await get(employee, '/v1/qultrix/time-off/requests?awaitingMe=true');

    const approved = await decide(employee, created.body.id, 'approve');
    const delegateRemoves = await platform.request(
      'DELETE',
      `/v1/qultrix/time-off/delegations/${delegation.body.id}`,
      { headers: employee.headers('acme') },
    );
    const delegatorRemoves = await platform.request(
      'DELETE',
      `/v1/qultrix/time-off/delegations/${delegation.body.id}`,
      { headers: member.headers('acme') },
    );

    expect(delegation.status, delegation.text).toBe(201);
    expect(delegation.body).toMatchObject({ delegatorId: ids.manager, delegateId: ids.requester });
    // The delegate's inbox: everything pending at the manager's step (Sam's requests too), never their own.
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(inbox.body.items.map((item: { employeeId: string }) => item.employeeId)).not.toContain(
      ids.requester,
    );
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approvals).toMatchObject([
      { step: 1, decidedBy: employee.userId, onBehalfOf: member.userId },
    ]);
    expect(delegateRemoves.status).toBe(403);
    expect(delegatorRemoves.status).toBe(204);
    const list = await get(member, '/v1/qultrix/time-off/delegations');
    expect(list.body.items).toEqual([]);
  });

  it('a morning off and an afternoon off on the same day do not overlap; two mornings do', async () => {
    const morning = await request(employee, {
      leaveTypeId: types.sick,
      start: '2027-11-01',
      end: '2027-11-01',
      endHalf: true,
    });
    const afternoon = await request(employee, {
      leaveTypeId: types.sick,
      start: '2027-11-01',
      end: '2027-11-02',
      startHalf: true,
    });
    const secondMorning = await request(employee, {
      leaveTypeId: types.sick,
      start: '2027-11-01',
      end: '2027-11-01',
      endHalf: true,
    });

    expect(morning.status, morning.text).toBe(201);
    expect(morning.body.amount).toBe('0.5');
    expect(afternoon.status, afternoon.text).toBe(201);
    expect(afternoon.body.amount).toBe('1.5');
    expect(secondMorning.status).toBe(409);
    expect(secondMorning.body.detail).toContain(morning.body.id);
  });

  it('an approved request whose last day has passed cannot be cancelled (422)', async () => {
    const past = await request(employee, { leaveTypeId: types.sick, start: '2026-01-05', end: '2026-01-05' });
    const approved = await decide(member, past.body.id, 'approve');

    const cancel = await decide(employee, past.body.id, 'cancel');

    expect(approved.body.status).toBe('approved');
    expect(cancel.status).toBe(422);
    expect(cancel.body.code).toBe('already_ended');
  });

  it('lists by status and dates, and the employee sees only their own', async () => {
    const approved = await get(
      employee,
      '/v1/qultrix/time-off/requests?status=approved&from=2026-01-01&to=2026-01-31',
    );
    const mine = await get(employee, '/v1/qultrix/time-off/requests?limit=2');
    const next = await get(employee, `/v1/qultrix/time-off/requests?limit=2&cursor=${mine.body.nextCursor}`);

    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.items.map((item: { start: string }) => item.start)).toEqual(['2026-01-05']);
    expect(mine.body.items).toHaveLength(2);
    expect(next.body.items[0].id).not.toBe(mine.body.items[1].id);
    for (const item of [...mine.body.items, ...next.body.items]) expect(item.employeeId).toBe(ids.requester);
  });

  it('a retried POST with the same Idempotency-Key files one request', async () => {
    const send = () =>
      platform.request('POST', '/v1/qultrix/time-off/requests', {
        headers: { ...employee.headers('acme'), 'idempotency-key': 'time-off-retry-1' },
        body: { leaveTypeId: types.sick, start: '2027-12-06', end: '2027-12-06' },
      });

    const first = await send();
    const retry = await send();

    expect(first.status, first.text).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
  });

  it('the manager hears of a request awaiting them, and the employee of the decision', async () => {
    const created = await request(employee, {
      leaveTypeId: types.sick,
      start: '2027-12-13',
      end: '2027-12-13',
    });
    const approved = await decide(member, created.body.id, 'approve');

    const toManager = await notificationOf(member, 'qultrix.time-off.awaiting_approval', created.body.id);
    const toEmployee = await notificationOf(employee, 'qultrix.time-off.approved', created.body.id);

    expect(approved.body.status).toBe('approved');
    expect(toManager).toMatchObject({ title: 'Rita Tester asks for Sick, 2027-12-13' });
    expect(toEmployee).toMatchObject({ title: 'Your Sick (2027-12-13) was approved' });
  });

  it('the team calendar shows who is out, pending flagged, without reasons', async () => {
    const created = await request(employee, {
      leaveTypeId: types.annual,
      start: '2027-09-06',
      end: '2027-09-07',
      reason: 'Private matter',
    });

    const calendar = await get(employee, '/v1/qultrix/time-off/calendar?from=2027-09-01&to=2027-09-30');
    const tooLong = await get(employee, '/v1/qultrix/time-off/calendar?from=2027-01-01&to=2027-06-01');

    expect(calendar.status, calendar.text).toBe(200);
    expect(calendar.body.entries).toEqual([
      {
        requestId: created.body.id,
        employeeId: ids.requester,
        name: 'Rita Tester',
        departmentId: null,
        leaveType: { id: types.annual, name: 'Annual', color: null },
        start: '2027-09-06',
        end: '2027-09-07',
        startHalf: false,
        endHalf: false,
        status: 'pending',
      },
    ]);
    expect(calendar.text).not.toContain('Private matter');
    expect(tooLong.status).toBe(400);
  });

  it('answers 400 for bad input, 403 without the permission, 404 for unknown or foreign requests', async () => {
    const backwards = await request(employee, {
      leaveTypeId: types.annual,
      start: '2027-03-05',
      end: '2027-03-01',
    });
    const unknown = await get(employee, '/v1/qultrix/time-off/requests/0193a000-0000-7000-8000-000000000000');
    const list = await get(employee, '/v1/qultrix/time-off/requests?mine=true');
    const foreign = await platform.request('GET', `/v1/qultrix/time-off/requests/${list.body.items[0].id}`, {
      headers: globexOwner.headers('globex'),
    });
    const noPermission = await get(viewer, '/v1/qultrix/time-off/requests');
    const forSomeoneElse = await request(employee, {
      employeeId: ids.teammate,
      leaveTypeId: types.annual,
      start: '2027-10-04',
      end: '2027-10-04',
    });

    expect(backwards.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(list.status).toBe(200);
    expect(foreign.status).toBe(404);
    expect(noPermission.status).toBe(403);
    expect(forSomeoneElse.status).toBe(403);
  });
});
