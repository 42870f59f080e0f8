import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Terminating an employee linked to a user ends that user's access to the tenant (issue 14, item 7). */
let platform: TestPlatform;
let hr: Session;
let employee: Session;
let owner: Session;
let globexOwner: Session;

const create = (as: Session, slug: string, body: Record<string, unknown>) =>
  platform.request('POST', '/v1/qultrix/employees', { headers: as.headers(slug), body });
const terminate = (as: Session, slug: string, id: string) =>
  platform.request('PATCH', `/v1/qultrix/employees/${id}`, {
    headers: as.headers(slug),
    body: { status: 'terminated', terminationDate: '2026-06-30', terminationReason: 'Resigned', version: 1 },
  });
const person = (given: string, userId: string) => ({
  legalName: { given, family: 'Leaver' },
  hireDate: '2026-01-05',
  status: 'active',
  userId,
});

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, employee, owner, globexOwner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('employee@acme.example'),
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

describe('termination ends access', () => {
  it("suspends the linked user's membership in the same change: their next requests are refused within 5 s", async () => {
    const created = await create(hr, 'acme', person('Ethan', employee.userId));
    const me = () =>
      platform.request('GET', '/v1/qultrix/employees/me', { headers: employee.headers('acme') });
    expect((await me()).status).toBe(200);

    const terminated = await terminate(hr, 'acme', created.body.id);

    expect(terminated.status).toBe(200);
    expect(await statusWithin(5000, me, 403)).toBe(403);
    const { rows } = await platform.db.query(
      `select m.status from platform.memberships m where m.user_id = $1 and m.tenant_id = $2`,
      [employee.userId, hr.headers('acme')['x-tenant-id']],
    );
    expect(rows).toEqual([{ status: 'suspended' }]);
    const audit = await platform.db.query(
      `select actor_id, details from platform.audit_log where action = 'member.suspended' and target_id = $1`,
      [employee.userId],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: hr.userId,
        details: {
          before: 'active',
          after: 'suspended',
          reason: 'employee.terminated',
          employeeId: created.body.id,
        },
      },
    ]);
    const events = await platform.db.query(
      `select envelope->'data'->>'userId' as user_id from platform.outbox
        where type = 'employee.terminated' and envelope->'data'->>'employeeId' = $1`,
      [created.body.id],
    );
    expect(events.rows).toEqual([{ user_id: employee.userId }]);
  });

  it("refuses to terminate the tenant's last Owner (409 last_owner) and writes nothing", async () => {
    const created = await create(globexOwner, 'globex', person('Olga', globexOwner.userId));

    const refused = await terminate(globexOwner, 'globex', created.body.id);
    const after = await platform.request('GET', `/v1/qultrix/employees/${created.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('last_owner');
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'active', version: 1 });
  });

  it('terminating an employee with no linked user changes no membership', async () => {
    const unlinked = await create(hr, 'acme', {
      legalName: { given: 'No', family: 'User' },
      hireDate: '2026-01-05',
      status: 'active',
    });
    const before = await platform.db.query(
      'select count(*)::int as n from platform.audit_log where action = $1',
      ['member.suspended'],
    );

    const terminated = await terminate(hr, 'acme', unlinked.body.id);

    expect(terminated.status).toBe(200);
    const after = await platform.db.query(
      'select count(*)::int as n from platform.audit_log where action = $1',
      ['member.suspended'],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // The Owner keeps access: the refused and the unlinked terminations touched no one else.
    expect(
      (await platform.request('GET', '/v1/qultrix/employees?limit=1', { headers: owner.headers('acme') }))
        .status,
    ).toBe(200);
  });
});
