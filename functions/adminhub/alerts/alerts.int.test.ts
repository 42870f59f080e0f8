import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDetectors } from './detector-job';

let platform: TestPlatform;
let admin: Session;
let member: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, member, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

/** The detector job as the schedule runs it, reading everything up to now (the calls before it have answered and committed). */
const detect = () => runDetectors({ settleMs: 0 });

const alerts = (as: Session, tenant: string, query = '') =>
  platform.request('GET', `/v1/adminhub/alerts?limit=100${query}`, { headers: as.headers(tenant) });

const act = (as: Session, tenant: string, alertId: string, verb: 'acknowledge' | 'resolve', body?: unknown) =>
  platform.request('POST', `/v1/adminhub/alerts/${alertId}/${verb}`, { headers: as.headers(tenant), body });

async function notificationsOf(as: Session, tenant: string, type: string, within = 10_000) {
  const deadline = Date.now() + within;
  for (;;) {
    const list = await platform.request('GET', '/v1/notifications?limit=100', {
      headers: as.headers(tenant),
    });
    const found = (list.body?.items ?? []).filter((item: { type: string }) => item.type === type);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Security-alert emails to one address in the local mailbox, waiting for the first. */
async function alertMailTo(address: string, within = 10_000) {
  const deadline = Date.now() + within;
  for (;;) {
    const found = platform.mailbox.list(address).filter((item) => item.subject.includes('security alert'));
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('security alerts', () => {
  it('raises exactly one alert for 30 failed sign-ins from one IP, shows it to admins and notifies them in-app and by email', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const answer = await platform.request('POST', '/v1/auth/login', {
        body: { email: 'member@acme.example', password: `wrong-${attempt}` },
      });
      statuses.push(answer.status);
    }

    const first = await detect();
    const second = await detect();

    // Wrong passwords answer 401 until the account locks, then 429 (locked, then rate limited).
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    expect(first.streams['sign-ins']?.raised).toBeGreaterThanOrEqual(1);
    expect(second.streams['sign-ins']?.raised ?? 0).toBe(0);
    const list = await alerts(admin, 'acme');
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const [alert] = list.body.items;
    expect(alert).toMatchObject({
      detector: 'failed-sign-in-burst',
      status: 'open',
      subject: { type: 'ip' },
      evidence: { users: [{ userId: member.userId, locked: true }] },
    });
    // Wrong passwords, the one that locks and those refused while locked; the per-account rate limit
    // answers the rest before the password is checked, and those are not sign-in events.
    const { rows: attempts } = await platform.db.query(
      `select count(*)::int as n from platform.sign_in_events where user_id = $1 and outcome in ('failure', 'locked')`,
      [member.userId],
    );
    expect(attempts[0].n).toBeGreaterThanOrEqual(10);
    expect(alert.occurrences).toBe(attempts[0].n);
    expect(alert.evidence.failures).toBe(attempts[0].n);
    expect(alert.severity).toMatch(/^(high|critical)$/);
    const read = await platform.request('GET', `/v1/adminhub/alerts/${alert.id}`, {
      headers: admin.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(alert);
    expect((await alerts(viewer, 'acme')).status).toBe(403);
    const notified = await notificationsOf(admin, 'acme', 'adminhub.alert.raised');
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({ resource: { type: 'adminhub.alert', id: alert.id } });
    expect(notified[0].title).toContain('failed sign-ins');
    const { rows } = await platform.db.query(
      `select count(*)::int as n from platform.outbox where type = 'alert.raised' and envelope->'data'->'alert'->>'id' = $1`,
      [alert.id],
    );
    expect(rows[0].n).toBe(1);
    expect((await alertMailTo('admin@acme.example')).map((item) => item.subject)).toEqual([
      `[Acme] ${alert.severity === 'high' ? 'High' : 'Critical'} security alert: ${alert.title}`,
    ]);
  });

  it("fans the burst out to every tenant of the targeted account, each seeing its own alert and not another's", async () => {
    const acme = (await alerts(admin, 'acme', '&detector=failed-sign-in-burst')).body.items[0];

    const globex = await alerts(globexOwner, 'globex', '&detector=failed-sign-in-burst');
    const crossRead = await platform.request('GET', `/v1/adminhub/alerts/${acme.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(globex.body.items).toHaveLength(1);
    expect(globex.body.items[0].id).not.toBe(acme.id);
    expect(globex.body.items[0].evidence.users.map((user: { userId: string }) => user.userId)).toEqual([
      member.userId,
    ]);
    expect(crossRead.status).toBe(404);
  });

  it('raises one role-escalation alert when a member is made Admin, shows it to admins only and notifies them in-app and by email', async () => {
    const { rows: people } = await platform.db.query(
      `select id from platform.users where email = 'rep@acme.example'`,
    );
    const repId = people[0].id as string;
    const roles = await platform.request('GET', '/v1/rbac/roles', { headers: admin.headers('acme') });
    const role = (key: string) =>
      roles.body.items.find((candidate: { key: string }) => candidate.key === key).id;

    const changed = await platform.request('PUT', `/v1/tenants/current/members/${repId}/roles`, {
      headers: admin.headers('acme'),
      body: { roleIds: [role('sales_rep'), role('admin')] },
    });
    const first = await detect();
    const second = await detect();

    expect(changed.status, changed.text).toBe(200);
    expect(first.streams.audit).toMatchObject({ detections: 1, raised: 1 });
    expect(second.streams.audit?.raised ?? 0).toBe(0);
    const list = await alerts(admin, 'acme', '&detector=role-escalation');
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const [alert] = list.body.items;
    expect(alert).toMatchObject({
      detector: 'role-escalation',
      severity: 'medium',
      status: 'open',
      occurrences: 1,
      subject: { type: 'user', id: repId },
      evidence: { gained: ['admin'], actor: { id: admin.userId, type: 'user' } },
    });
    const read = await platform.request('GET', `/v1/adminhub/alerts/${alert.id}`, {
      headers: admin.headers('acme'),
    });
    expect(read.body).toEqual(alert);
    expect((await alerts(globexOwner, 'globex', '&detector=role-escalation')).body.items).toEqual([]);
    const notified = (await notificationsOf(admin, 'acme', 'adminhub.alert.raised')).filter(
      (item: { resource: { id: string } }) => item.resource.id === alert.id,
    );
    expect(notified).toHaveLength(1);
    expect(notified[0].title).toContain('given the admin role');
    expect(await notificationsOf(member, 'acme', 'adminhub.alert.raised', 0)).toEqual([]);
    const mail = (await alertMailTo('admin@acme.example')).filter((item) => item.body.includes(alert.id));
    expect(mail.map((item) => item.subject)).toEqual([
      '[Acme] Medium security alert: A member was given the admin role',
    ]);
    expect(
      (await alertMailTo('owner@acme.example')).filter((item) => item.body.includes(alert.id)),
    ).toHaveLength(1);
    expect(await alertMailTo('member@acme.example', 0)).toEqual([]);
  });

  it('raises a role escalation for a bulk assignment of the Admin role, not of a role that does not administer', async () => {
    const { rows: people } = await platform.db.query(
      `select id, email from platform.users where email in ('sales@acme.example', 'warehouse@acme.example') order by email`,
    );
    const [salesId, warehouseId] = people.map((person: { id: string }) => person.id) as [string, string];
    const roles = await platform.request('GET', '/v1/rbac/roles', { headers: admin.headers('acme') });
    const role = (key: string) =>
      roles.body.items.find((candidate: { key: string }) => candidate.key === key).id;
    const assign = (roleId: string, userId: string) =>
      platform.request('POST', '/v1/adminhub/bulk-jobs', {
        headers: admin.headers('acme'),
        body: { action: 'assign_role', roleId, selection: { userIds: [userId] } },
      });

    const toAdmin = await assign(role('admin'), salesId);
    const toViewer = await assign(role('viewer'), warehouseId);
    await detect();

    expect([toAdmin.status, toViewer.status]).toEqual([201, 201]);
    const escalations = await alerts(admin, 'acme', '&detector=role-escalation');
    const subjects = escalations.body.items.map((item: { subject: { id: string } }) => item.subject.id);
    expect(subjects).toContain(salesId);
    expect(subjects).not.toContain(warehouseId);
  });

  it('acknowledges and resolves with a note, audited; a resolved alert stays closed', async () => {
    const [alert] = (await alerts(admin, 'acme', '&status=open&detector=role-escalation')).body.items;

    const byMember = await act(member, 'acme', alert.id, 'acknowledge');
    const byViewer = await act(viewer, 'acme', alert.id, 'acknowledge');
    const acknowledged = await act(admin, 'acme', alert.id, 'acknowledge');
    const again = await act(admin, 'acme', alert.id, 'acknowledge');
    const noNote = await act(admin, 'acme', alert.id, 'resolve', { note: '   ' });
    const resolved = await act(admin, 'acme', alert.id, 'resolve', { note: 'Member reset their password.' });
    const twice = await act(admin, 'acme', alert.id, 'resolve', { note: 'Again' });

    expect(byMember.status).toBe(403);
    expect(byViewer.status).toBe(403);
    expect(acknowledged.status, acknowledged.text).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: admin.userId });
    expect(again.body.acknowledgedAt).toBe(acknowledged.body.acknowledgedAt);
    expect(noNote.status).toBe(400);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedBy: admin.userId,
      resolutionNote: 'Member reset their password.',
    });
    expect(twice.status).toBe(409);
    const { rows } = await platform.db.query(
      `select action, actor_id from platform.audit_log where target_id = $1 order by occurred_at, id`,
      [alert.id],
    );
    expect(rows).toEqual([
      { action: 'adminhub.alert.raised', actor_id: 'halooid' },
      { action: 'adminhub.alert.acknowledged', actor_id: admin.userId },
      { action: 'adminhub.alert.resolved', actor_id: admin.userId },
    ]);
    expect(
      (await alerts(admin, 'acme', '&status=resolved')).body.items.map((item: { id: string }) => item.id),
    ).toEqual([alert.id]);
  });

  it('answers 400 for bad filters and ids, 401 without a token', async () => {
    const badStatus = await alerts(admin, 'acme', '&status=closed');
    const badId = await platform.request('GET', '/v1/adminhub/alerts/not-a-uuid', {
      headers: admin.headers('acme'),
    });
    const anonymous = await platform.request('GET', '/v1/adminhub/alerts');

    expect(badStatus.status).toBe(400);
    expect(badId.status).toBe(400);
    expect(anonymous.status).toBe(401);
  });

  // Last: a reset ends the person's sessions, so the Admin's and the Viewer's tokens stop working here.
  // The Viewer, not Maya Member: she also belongs to Globex, so Acme does not manage her account.
  it("raises admin-mfa-removed when an Admin's MFA is reset, not a Viewer's", async () => {
    const owner = await platform.login('owner@acme.example');
    const reset = (userId: string) =>
      platform.request('POST', `/v1/adminhub/users/${userId}/mfa-reset`, { headers: owner.headers('acme') });

    const ofAdmin = await reset(admin.userId);
    const ofViewer = await reset(viewer.userId);
    await detect();

    expect([ofAdmin.status, ofViewer.status]).toEqual([200, 200]);
    const removed = await alerts(owner, 'acme', '&detector=admin-mfa-removed');
    expect(removed.body.items).toHaveLength(1);
    expect(removed.body.items[0]).toMatchObject({
      severity: 'high',
      subject: { type: 'user', id: admin.userId },
      evidence: { action: 'adminhub.user.mfa_reset', actor: { id: owner.userId } },
    });
  });
});
