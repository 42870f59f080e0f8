import type { Tx } from '@halooid/shared/db/transaction';
import { rowsInserter } from '@halooid/shared/demo-rows';
import { uuidv7 } from '@halooid/shared/ids';
import type { DemoSeeder, DemoTenantContext } from '@halooid/shared/product';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '@halooid/shared/security-policy';

/**
 * AdminHub's demo seeder (product.ts `demoSeed`), Acme only and small: a
 * security policy saved twice by Adam Admin (so the history has versions to
 * read), three alerts in each status, and two finished bulk jobs with their
 * per-member results. Nothing here gets in the way of signing in: no MFA
 * requirement, no IP allowlist, no password expiry, and the demo password
 * meets both versions' rules.
 */
export const seedDemo: DemoSeeder = async (tx, tenant) => {
  if (tenant.slug !== 'acme') return;
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  const admin = userOf(tenant, 'admin@acme.example');
  const owner = userOf(tenant, 'owner@acme.example');
  const member = userOf(tenant, 'member@acme.example');
  const viewer = userOf(tenant, 'viewer@acme.example');
  if (!admin || !owner || !member || !viewer) return;

  const v1: SecurityPolicy = {
    ...DEFAULT_SECURITY_POLICY,
    password: { ...DEFAULT_SECURITY_POLICY.password, minLength: 10 },
  };
  const v2: SecurityPolicy = {
    ...v1,
    password: { ...v1.password, minLength: 12, requireUppercase: true, requireDigit: true },
    sessions: { lifetimeHours: 336, idleTimeoutMinutes: 4320 },
  };
  await rowsInserter(tx, 'platform', tenant.tenantId)(
    'security_policies',
    'version integer, policy jsonb, created_by text, created_at timestamptz',
    [
      { version: 1, policy: v1, created_by: admin.id, created_at: at(24 * 30) },
      { version: 2, policy: v2, created_by: admin.id, created_at: at(24 * 6) },
    ],
  );

  const insert = rowsInserter(tx, 'adminhub', tenant.tenantId);
  await insert(
    'alerts',
    'id uuid, detector text, severity text, status text, title text, evidence jsonb, dedup_key text, subject_type text, subject_id text, first_seen timestamptz, last_seen timestamptz, occurrences integer, acknowledged_by uuid, acknowledged_at timestamptz, resolved_by uuid, resolved_at timestamptz, resolution_note text',
    [
      {
        id: uuidv7(),
        detector: 'failed-sign-in-burst',
        severity: 'high',
        status: 'open',
        title: '42 failed sign-ins from 203.0.113.77 in 10 minutes',
        evidence: { ip: '203.0.113.77', failures: 42, windowMinutes: 10, emails: 6 },
        dedup_key: 'failed-sign-in-burst:ip:203.0.113.77',
        subject_type: 'ip',
        subject_id: '203.0.113.77',
        first_seen: at(3),
        last_seen: at(2.8),
        occurrences: 1,
      },
      {
        id: uuidv7(),
        detector: 'admin-new-sign-in-location',
        severity: 'medium',
        status: 'acknowledged',
        title: `${admin.name} signed in from a new device: Firefox on Linux`,
        evidence: { device: 'Firefox on Linux', ip: '198.51.100.23', country: 'DE', knownDevices: 2 },
        dedup_key: `admin-new-sign-in-location:user:${admin.id}`,
        subject_type: 'user',
        subject_id: admin.id,
        first_seen: at(30),
        last_seen: at(30),
        occurrences: 1,
        acknowledged_by: owner.id,
        acknowledged_at: at(29),
      },
      {
        id: uuidv7(),
        detector: 'role-escalation',
        severity: 'high',
        status: 'resolved',
        title: `${tenant.users.find((user) => user.id === member.id)?.name ?? 'A member'} was given the Admin role`,
        evidence: { memberId: member.id, rolesAdded: ['admin'], by: owner.id },
        dedup_key: `role-escalation:user:${member.id}`,
        subject_type: 'user',
        subject_id: member.id,
        first_seen: at(24 * 4),
        last_seen: at(24 * 4),
        occurrences: 1,
        acknowledged_by: owner.id,
        acknowledged_at: at(24 * 4 - 1),
        resolved_by: owner.id,
        resolved_at: at(24 * 4 - 2),
        resolution_note: 'Temporary cover during the stocktake; the role was taken back the next day.',
      },
    ],
  );

  const signOut = uuidv7();
  const enable = uuidv7();
  await insert(
    'bulk_jobs',
    'id uuid, action text, selection jsonb, status text, total integer, succeeded integer, skipped integer, failed integer, created_by text, created_at timestamptz, finished_at timestamptz',
    [
      {
        id: signOut,
        action: 'sign_out',
        selection: { userIds: [member.id, viewer.id] },
        status: 'completed',
        total: 2,
        succeeded: 2,
        skipped: 0,
        failed: 0,
        created_by: admin.id,
        created_at: at(48),
        finished_at: at(48),
      },
      {
        id: enable,
        action: 'enable',
        selection: { filter: { status: 'disabled' } },
        status: 'completed',
        total: 1,
        succeeded: 0,
        skipped: 1,
        failed: 0,
        created_by: admin.id,
        created_at: at(20),
        finished_at: at(20),
      },
    ],
  );
  await insert('bulk_job_results', 'job_id uuid, user_id uuid, email text, outcome text, reason text', [
    { job_id: signOut, user_id: member.id, email: member.email, outcome: 'ok', reason: null },
    { job_id: signOut, user_id: viewer.id, email: viewer.email, outcome: 'ok', reason: null },
    {
      job_id: enable,
      user_id: viewer.id,
      email: viewer.email,
      outcome: 'skipped',
      reason: 'Already active.',
    },
  ]);
  // Acme owns acme.example, so its admins manage their people's accounts (MFA and password
  // resets, signing out everywhere) even where a person also belongs to another workspace.
  await insert(
    'domains',
    'id uuid, domain text, token text, status text, created_by uuid, created_at timestamptz, verified_at timestamptz',
    [
      {
        id: uuidv7(),
        domain: 'acme.example',
        token: 'demo-acme-example-verification-token',
        status: 'verified',
        created_by: owner.id,
        created_at: at(24 * 60),
        verified_at: at(24 * 60),
      },
    ],
  );
  await seedSignIns(tx, tenant, now);
};

const DEVICES = ['Chrome on macOS', 'Safari on iOS', 'Edge on Windows', 'Firefox on Linux'];

/**
 * A workspace people have been using: each demo member last signed in within
 * the past days, with one session still open on their usual device (listed,
 * and ended, like any other; it has no refresh token, so nothing can resume
 * it). Without it every demo member would show as "invited" — never signed
 * in. No sign-in events are written: the alert detectors would read a made-up
 * history as each person's known devices.
 */
async function seedSignIns(tx: Tx, tenant: DemoTenantContext, now: number): Promise<void> {
  const people = tenant.users.map((user, index) => ({
    id: user.id,
    device: DEVICES[index % DEVICES.length] as string,
    ip: `198.51.100.${10 + index}`,
    lastSeen: new Date(now - (index + 1) * 5_400_000).toISOString(),
    since: new Date(now - (index + 2) * 86_400_000).toISOString(),
  }));
  await tx.query(
    `update platform.users u set last_sign_in_at = p.last_seen
       from jsonb_to_recordset($1::jsonb) as p(id uuid, last_seen timestamptz)
      where u.id = p.id and u.last_sign_in_at is null`,
    [JSON.stringify(people.map(({ id, lastSeen }) => ({ id, last_seen: lastSeen })))],
  );
  await tx.query(
    `insert into platform.sessions (id, user_id, device, user_agent, ip, country, created_at, last_seen_at)
     select gen_random_uuid(), p.id, p.device, p.device, p.ip, 'US', p.since, p.last_seen
       from jsonb_to_recordset($1::jsonb) as p(id uuid, device text, ip text, since timestamptz, last_seen timestamptz)
      where not exists (select 1 from platform.sessions s where s.user_id = p.id)`,
    [
      JSON.stringify(
        people.map(({ id, device, ip, since, lastSeen }) => ({ id, device, ip, since, last_seen: lastSeen })),
      ),
    ],
  );
}

function userOf(tenant: DemoTenantContext, email: string) {
  return tenant.users.find((user) => user.email === email);
}
