import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidaysFor } from '../domain/holidays';

let platform: TestPlatform;
let hr: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [hr, viewer, globexOwner] = await Promise.all([
    platform.login('hr@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;
const call = (
  as: Session,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => platform.request(method, `/v1/qultrix${path}`, { headers: { ...as.headers('acme'), ...headers }, body });
const newCalendar = async () => {
  const response = await call(hr, 'POST', '/holiday-calendars', { name: unique('Calendar') });
  expect(response.status).toBe(201);
  return response.body as { id: string; name: string };
};

describe('holiday calendars', () => {
  it('creates, renames with its version, lists and deletes a calendar; a name another has is a 409', async () => {
    const calendar = await newCalendar();

    const duplicate = await call(hr, 'POST', '/holiday-calendars', { name: calendar.name.toUpperCase() });
    const renamed = await call(
      hr,
      'PATCH',
      `/holiday-calendars/${calendar.id}`,
      { name: unique('Renamed') },
      {
        'If-Match': '"1"',
      },
    );
    const stale = await call(hr, 'PATCH', `/holiday-calendars/${calendar.id}`, {
      name: unique('Stale'),
      version: 1,
    });
    const list = await call(viewer, 'GET', '/holiday-calendars');
    const deleted = await call(hr, 'DELETE', `/holiday-calendars/${calendar.id}`);
    const after = await call(hr, 'GET', `/holiday-calendars/${calendar.id}`);

    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('holiday_calendar_name_taken');
    expect(duplicate.body.detail).toContain(calendar.id);
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    expect(stale.status).toBe(409);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(calendar.id);
    expect(deleted.status).toBe(204);
    expect(after.status).toBe(404);
  });

  it('refuses to delete a calendar a location uses (409)', async () => {
    const calendar = await newCalendar();
    await call(hr, 'POST', '/locations', { name: unique('Site'), holidayCalendarId: calendar.id });

    const refused = await call(hr, 'DELETE', `/holiday-calendars/${calendar.id}`);
    const read = await call(hr, 'GET', `/holiday-calendars/${calendar.id}`);

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('holiday_calendar_in_use');
    expect(read.body.locationCount).toBe(1);
  });

  it('sets (201, then 200), lists by year and removes holidays; bad dates and bodies are 400s', async () => {
    const calendar = await newCalendar();
    const base = `/holiday-calendars/${calendar.id}/holidays`;

    const created = await call(hr, 'PUT', `${base}/2026-12-25`, { name: 'Christmas Day' });
    const replaced = await call(hr, 'PUT', `${base}/2026-12-25`, { name: 'Christmas', halfDay: false });
    await call(hr, 'PUT', `${base}/2026-12-24`, { name: 'Christmas Eve', halfDay: true });
    await call(hr, 'PUT', `${base}/2027-01-01`, { name: 'New Year' });
    const year2026 = await call(viewer, 'GET', `${base}?year=2026`);
    const all = await call(viewer, 'GET', base);
    const removed = await call(hr, 'DELETE', `${base}/2027-01-01`);
    const removedAgain = await call(hr, 'DELETE', `${base}/2027-01-01`);
    const invalid = await Promise.all([
      call(hr, 'PUT', `${base}/2026-02-30`, { name: 'Nope' }),
      call(hr, 'PUT', `${base}/christmas`, { name: 'Nope' }),
      call(hr, 'PUT', `${base}/2026-12-26`, {}),
      call(hr, 'PUT', `${base}/2026-12-26`, { name: 'x'.repeat(101) }),
      call(hr, 'GET', `${base}?year=abc`),
    ]);

    expect(created.status).toBe(201);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ date: '2026-12-25', name: 'Christmas', halfDay: false });
    expect(year2026.body.items).toEqual([
      { date: '2026-12-24', name: 'Christmas Eve', halfDay: true },
      { date: '2026-12-25', name: 'Christmas', halfDay: false },
    ]);
    expect(all.body.items).toHaveLength(3);
    expect(removed.status).toBe(204);
    expect(removedAgain.status).toBe(404);
    expect(invalid.map((response) => response.status)).toEqual([400, 400, 400, 400, 400]);
  });

  it('copies a year onto another, skipping days already set and 29 February', async () => {
    const calendar = await newCalendar();
    const base = `/holiday-calendars/${calendar.id}/holidays`;
    await call(hr, 'PUT', `${base}/2028-01-01`, { name: 'New Year' });
    await call(hr, 'PUT', `${base}/2028-02-29`, { name: 'Leap Day' });
    await call(hr, 'PUT', `${base}/2028-12-25`, { name: 'Christmas', halfDay: true });
    await call(hr, 'PUT', `${base}/2029-12-25`, { name: 'Already set' });

    const copied = await call(hr, 'POST', `${base}/copy`, { fromYear: 2028, toYear: 2029 });
    const sameYear = await call(hr, 'POST', `${base}/copy`, { fromYear: 2028, toYear: 2028 });
    const target = await call(hr, 'GET', `${base}?year=2029`);

    expect(copied.status).toBe(200);
    expect(copied.body).toEqual({ copied: 1, skipped: ['2028-02-29', '2028-12-25'] });
    expect(sameYear.status).toBe(400);
    expect(target.body.items).toEqual([
      { date: '2029-01-01', name: 'New Year', halfDay: false },
      { date: '2029-12-25', name: 'Already set', halfDay: false },
    ]);
  });

  it("answers 404 for another tenant's calendar and its holidays, and 403 to a viewer who writes", async () => {
    const calendar = await newCalendar();
    const asGlobex = (method: string, path: string, body?: unknown) =>
      platform.request(method, `/v1/qultrix${path}`, { headers: globexOwner.headers('globex'), body });

    const responses = await Promise.all([
      asGlobex('GET', `/holiday-calendars/${calendar.id}`),
      asGlobex('GET', `/holiday-calendars/${calendar.id}/holidays`),
      asGlobex('PUT', `/holiday-calendars/${calendar.id}/holidays/2026-05-01`, { name: 'Stolen' }),
      asGlobex('DELETE', `/holiday-calendars/${calendar.id}`),
    ]);
    const viewerWrite = await call(viewer, 'PUT', `/holiday-calendars/${calendar.id}/holidays/2026-05-01`, {
      name: 'Nope',
    });

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    expect(viewerWrite.status).toBe(403);
  });

  it('holidaysFor gives the holidays of a location’s calendar between two dates', async () => {
    const calendar = await newCalendar();
    const base = `/holiday-calendars/${calendar.id}/holidays`;
    await call(hr, 'PUT', `${base}/2026-05-01`, { name: 'Labour Day' });
    await call(hr, 'PUT', `${base}/2026-05-14`, { name: 'Ascension', halfDay: true });
    await call(hr, 'PUT', `${base}/2026-06-01`, { name: 'Outside' });
    const location = await call(hr, 'POST', '/locations', {
      name: unique('Site'),
      holidayCalendarId: calendar.id,
    });
    const bare = await call(hr, 'POST', '/locations', { name: unique('Bare') });
    const tenantId = hr.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';

    const [withCalendar, without, none] = await withTenantTransaction({ tenantId }, (tx) =>
      Promise.all([
        holidaysFor(tx, tenantId, location.body.id, '2026-05-01', '2026-05-31'),
        holidaysFor(tx, tenantId, bare.body.id, '2026-05-01', '2026-05-31'),
        holidaysFor(tx, tenantId, null, '2026-05-01', '2026-05-31'),
      ]),
    );

    expect(withCalendar).toEqual([
      { date: '2026-05-01', halfDay: false },
      { date: '2026-05-14', halfDay: true },
    ]);
    expect(without).toEqual([]);
    expect(none).toEqual([]);
  });
});
