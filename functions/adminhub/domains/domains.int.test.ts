import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, viewer, globexOwner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const add = (as: Session, tenant: string, domain: string) =>
  platform.request('POST', '/v1/adminhub/domains', { headers: as.headers(tenant), body: { domain } });
const verify = (as: Session, tenant: string, id: string) =>
  platform.request('POST', `/v1/adminhub/domains/${id}/verify`, { headers: as.headers(tenant) });

async function auditActions(targetId: string) {
  const { rows } = await platform.db.query<{ action: string }>(
    'select action from platform.audit_log where target_id = $1 order by occurred_at, id',
    [targetId],
  );
  return rows.map((row) => row.action);
}

describe('verified domains', () => {
  it('verifies a domain through its DNS TXT challenge, audited and announced', async () => {
    const added = await add(admin, 'acme', 'Acme-Verify.Example');
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ domain: 'acme-verify.example', status: 'pending', verifiedAt: null });
    expect(added.body.txtRecord).toEqual({
      name: 'acme-verify.example',
      type: 'TXT',
      value: expect.stringMatching(/^halooid-verification=[\w-]{43}$/),
    });

    const early = await verify(admin, 'acme', added.body.id);
    expect(early.status).toBe(422);
    expect(early.body.type).toMatch(/verification_failed/);
    await platform.dns.records.setTxt('acme-verify.example', ['v=spf1 -all', added.body.txtRecord.value]);
    const verified = await verify(admin, 'acme', added.body.id);
    const again = await verify(admin, 'acme', added.body.id);

    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', verifiedAt: expect.any(String) });
    expect(again.body).toEqual(verified.body);
    expect(await auditActions(added.body.id)).toEqual([
      'adminhub.domain.added',
      'adminhub.domain.verification_failed',
      'adminhub.domain.verified',
    ]);
    const { rows } = await platform.db.query(
      "select envelope -> 'data' as data from platform.outbox where source = 'halooid.adminhub' and type = 'domain.verified'",
    );
    expect(rows.map((row) => row.data)).toEqual([{ domainId: added.body.id, domain: 'acme-verify.example' }]);
    const list = await platform.request('GET', '/v1/adminhub/domains', { headers: admin.headers('acme') });
    expect(list.body.items.map((domain: { id: string }) => domain.id)).toContain(added.body.id);
  });

  it('refuses a domain another organization verified, until that one removes it', async () => {
    const acme = await add(admin, 'acme', 'shared-name.example');
    const globex = await add(globexOwner, 'globex', 'shared-name.example');
    await platform.dns.records.setTxt('shared-name.example', [
      acme.body.txtRecord.value,
      globex.body.txtRecord.value,
    ]);
    expect((await verify(admin, 'acme', acme.body.id)).status).toBe(200);

    const taken = await verify(globexOwner, 'globex', globex.body.id);
    const removed = await platform.request('DELETE', `/v1/adminhub/domains/${acme.body.id}`, {
      headers: admin.headers('acme'),
    });
    const afterRemoval = await verify(globexOwner, 'globex', globex.body.id);

    expect(taken.status).toBe(409);
    expect(taken.body.type).toMatch(/domain_taken/);
    expect(removed.status).toBe(204);
    expect(afterRemoval.status).toBe(200);
    expect(await auditActions(acme.body.id)).toContain('adminhub.domain.removed');
  });

  it("answers 409 for a domain the tenant has, 404 for another tenant's, 403 to a viewer and 400 for a bad name", async () => {
    const first = await add(admin, 'acme', 'twice.example');
    const twice = await add(admin, 'acme', 'TWICE.example.');
    const crossVerify = await verify(globexOwner, 'globex', first.body.id);
    const crossDelete = await platform.request('DELETE', `/v1/adminhub/domains/${first.body.id}`, {
      headers: globexOwner.headers('globex'),
    });
    const byViewer = await add(viewer, 'acme', 'viewer.example');
    const bad = await add(admin, 'acme', 'not a domain');

    expect(twice.status).toBe(409);
    expect(twice.body.existingId).toBe(first.body.id);
    expect([crossVerify.status, crossDelete.status, byViewer.status, bad.status]).toEqual([
      404, 404, 403, 400,
    ]);
    expect(bad.body.errors[0].field).toBe('body.domain');
  });
});
