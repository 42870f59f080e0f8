import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

const patch = (as: Session, body: Record<string, unknown>, tenant = 'acme') =>
  platform.request('PATCH', '/v1/adminhub/organization', { headers: as.headers(tenant), body });

describe('organization', () => {
  it("changes the profile on the platform's tenant record, audited, and shows it to both routes", async () => {
    const changed = await patch(admin, {
      name: 'Acme Industries',
      logoUrl: 'https://cdn.acme.example/logo.svg',
      locale: 'en-gb',
      timeZone: 'Europe/London',
      fiscalYearStartMonth: 4,
      currency: 'gbp',
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Acme Industries',
      slug: 'acme',
      logoUrl: 'https://cdn.acme.example/logo.svg',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      fiscalYearStartMonth: 4,
      currency: 'GBP',
    });
    expect(changed.body.enabledProducts).toContain('adminhub');
    const tenant = await platform.request('GET', '/v1/tenants/current', { headers: admin.headers('acme') });
    expect(tenant.body.name).toBe('Acme Industries');
    expect(tenant.body.settings.profile).toMatchObject({ currency: 'GBP', timeZone: 'Europe/London' });
    const audit = await platform.request('GET', '/v1/adminhub/audit?action=adminhub.organization.updated', {
      headers: admin.headers('acme'),
    });
    expect(audit.body.items[0]).toMatchObject({
      actor: { id: admin.userId },
      target: { type: 'tenant', id: changed.body.id },
      details: { changed: { currency: { before: null, after: 'GBP' } } },
    });
    expect(audit.body.items[0].ip).toEqual(expect.any(String));

    const cleared = await patch(admin, { logoUrl: null });
    expect(cleared.body).toMatchObject({ logoUrl: null, currency: 'GBP' });
    const globex = await platform.request('GET', '/v1/adminhub/organization', {
      headers: globexOwner.headers('globex'),
    });
    expect(globex.body).toMatchObject({ slug: 'globex', currency: null });
  });

  it('answers 400 naming the field, 403 to members and viewers changing it, and keeps the row as it was', async () => {
    const before = await platform.request('GET', '/v1/adminhub/organization', {
      headers: admin.headers('acme'),
    });

    const badZone = await patch(admin, { timeZone: 'Nowhere/Atlantis' });
    const httpLogo = await patch(admin, { logoUrl: 'http://cdn.acme.example/logo.svg' });
    const byMember = await patch(member, { currency: 'USD' });
    const byViewer = await patch(viewer, { currency: 'USD' });
    const viewerRead = await platform.request('GET', '/v1/adminhub/organization', {
      headers: viewer.headers('acme'),
    });

    expect(badZone.status).toBe(400);
    expect(badZone.body.errors[0].field).toBe('body.timeZone');
    expect(httpLogo.status).toBe(400);
    expect([byMember.status, byViewer.status, viewerRead.status]).toEqual([403, 403, 403]);
    const after = await platform.request('GET', '/v1/adminhub/organization', {
      headers: admin.headers('acme'),
    });
    expect(after.body).toEqual(before.body);
  });
});
