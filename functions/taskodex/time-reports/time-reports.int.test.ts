import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
const projects: Record<string, { id: string; key: string; name: string }> = {};
const entries: { userId: string; projectId: string; seconds: number; billable: boolean }[] = [];

const post = (session: Session, path: string, body?: unknown) =>
  platform.request('POST', path, { headers: session.headers('acme'), body });
const report = (session: Session, query: string, headers: Record<string, string> = {}) =>
  platform.request('GET', `/v1/taskodex/reports/time?${query}`, {
    headers: { ...session.headers('acme'), ...headers },
  });

async function createProject(key: string, name: string, billable: boolean, hourlyRate: number | null) {
  const response = await post(admin, '/v1/taskodex/projects', { key, name, billable, hourlyRate });
  expect(response.status).toBe(201);
  projects[key] = { id: response.body.id, key, name };
}

async function log(session: Session, body: Record<string, unknown>) {
  const response = await post(session, '/v1/taskodex/time-entries', body);
  expect(response.status).toBe(201);
  const inRange = response.body.startedAt < '2026-09-14';
  if (inRange)
    entries.push({
      userId: session.userId,
      projectId: response.body.projectId,
      seconds: response.body.durationSeconds,
      billable: response.body.billable,
    });
}

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
  ]);
  await createProject('RPTA', 'Acme, "Big" Client; Phase 2', true, 120);
  await createProject('RPTB', '=Design sprint', true, 87.5);
  await createProject('RPTC', 'Internal', false, null);
  const task = async (title: string, project: string, labels: string[]) => {
    const response = await post(member, '/v1/taskodex/tasks', {
      title,
      projectId: projects[project]?.id,
      labels,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const api = await task('Build the API', 'RPTA', ['backend', 'api']);
  const mockups = await task('Mock-ups', 'RPTB', ['design']);
  const at = (day: string, hour: number) => `2026-09-${day}T${String(hour).padStart(2, '0')}:00:00Z`;

  await log(member, { taskId: api, startedAt: at('07', 9), durationSeconds: 7200 });
  await log(member, { projectId: projects.RPTA?.id, startedAt: at('07', 14), durationSeconds: 1200 });
  await log(member, {
    projectId: projects.RPTA?.id,
    startedAt: at('08', 9),
    durationSeconds: 1800,
    billable: false,
  });
  await log(member, { taskId: mockups, startedAt: at('09', 9), durationSeconds: 5400 });
  await log(member, { projectId: projects.RPTC?.id, startedAt: at('13', 23), durationSeconds: 3600 });
  await log(admin, { taskId: api, startedAt: at('10', 9), durationSeconds: 3600 });
  await log(member, { projectId: projects.RPTA?.id, startedAt: at('14', 9), durationSeconds: 3600 }); // after `to`
});

afterAll(async () => {
  await platform?.stop();
});

function projectOf(key: string) {
  const project = projects[key];
  if (!project) throw new Error(`No project ${key}`);
  return project;
}

const RANGE = 'from=2026-09-07&to=2026-09-13';

describe('time report', () => {
  it('groups by project: totals equal the entries, amounts use the hourly rate', async () => {
    const response = await report(admin, `${RANGE}&groupBy=project`);

    expect(response.status).toBe(200);
    const sumOf = (projectId: string, billableOnly: boolean) =>
      entries
        .filter((entry) => entry.projectId === projectId && (!billableOnly || entry.billable))
        .reduce((sum, entry) => sum + entry.seconds, 0);
    const [a, b, c] = [projectOf('RPTA'), projectOf('RPTB'), projectOf('RPTC')];
    expect(response.body.groups).toEqual([
      {
        id: a.id,
        name: `RPTA · ${a.name}`,
        totalSeconds: sumOf(a.id, false),
        billableSeconds: sumOf(a.id, true),
        billableAmount: '400.00', // (2 h + 20 min + 1 h) × 120
        entryCount: 4,
      },
      {
        id: b.id,
        name: `RPTB · ${b.name}`,
        totalSeconds: 5400,
        billableSeconds: 5400,
        billableAmount: '131.25', // 1.5 h × 87.50
        entryCount: 1,
      },
      {
        id: c.id,
        name: 'RPTC · Internal',
        totalSeconds: 3600,
        billableSeconds: 0,
        billableAmount: '0.00',
        entryCount: 1,
      },
    ]);
    expect(sumOf(a.id, false)).toBe(13_800);
    expect(response.body.totals).toEqual({
      totalSeconds: entries.reduce((sum, entry) => sum + entry.seconds, 0),
      billableSeconds: 17_400,
      billableAmount: '531.25',
      entryCount: 6,
    });
  });

  it('groups by user, task and label, and filters billable time', async () => {
    const byUser = await report(admin, `${RANGE}&groupBy=user`);
    expect(byUser.body.groups).toEqual([
      expect.objectContaining({ id: member.userId, name: 'Maya Member', totalSeconds: 19_200 }),
      expect.objectContaining({
        id: admin.userId,
        name: 'Adam Admin',
        totalSeconds: 3600,
        billableAmount: '120.00',
      }),
    ]);

    const byTask = await report(admin, `${RANGE}&groupBy=task`);
    expect(
      byTask.body.groups.map((group: { name: string; totalSeconds: number }) => [
        group.name,
        group.totalSeconds,
      ]),
    ).toEqual([
      [expect.stringMatching(/^RPTA-1 Build the API$/), 10_800],
      ['(no task)', 6600],
      [expect.stringMatching(/^RPTB-1 Mock-ups$/), 5400],
    ]);

    const byLabel = await report(admin, `${RANGE}&groupBy=label`);
    expect(
      byLabel.body.groups.map((group: { id: string | null; totalSeconds: number }) => [
        group.id,
        group.totalSeconds,
      ]),
    ).toEqual([
      ['api', 10_800],
      ['backend', 10_800],
      [null, 6600],
      ['design', 5400],
    ]);

    const billable = await report(admin, `${RANGE}&billable=true`);
    expect(billable.body.totals).toMatchObject({ totalSeconds: 17_400, billableSeconds: 17_400 });
  });

  it('shows a member only their own time unless they approve timesheets', async () => {
    const own = await report(member, `${RANGE}&groupBy=user`);
    expect(own.status).toBe(200);
    expect(own.body.groups.map((group: { id: string }) => group.id)).toEqual([member.userId]);
    expect((await report(member, `${RANGE}&userId=${admin.userId}`)).status).toBe(403);
  });

  it('validates the range', async () => {
    const backwards = await report(admin, 'from=2026-09-13&to=2026-09-07');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((error: { field: string }) => error.field)).toEqual(['query.to']);
    expect((await report(admin, 'from=2026-01-01&to=2027-06-01')).status).toBe(400);
    expect((await report(admin, 'to=2026-09-13')).status).toBe(400);
    expect((await report(admin, `${RANGE}&groupBy=colour`)).status).toBe(400);
  });

  it('downloads as CSV with headers, RFC 4180 quoting and formula protection', async () => {
    const response = await report(admin, `${RANGE}&groupBy=project`, { accept: 'text/csv' });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="time-by-project-2026-09-07-2026-09-13.csv"',
    );
    // UTF-8 with a byte-order mark, so spreadsheets read accents right (fetch's text() hides it);
    // then the first cell, quoted like every cell (the OWASP CSV rule set).
    const raw = await fetch(`${platform.url}/v1/taskodex/reports/time?${RANGE}`, {
      headers: { ...admin.headers('acme'), accept: 'text/csv' },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x22]);
    expect(parseCsv(response.text)).toEqual([
      [
        'project',
        'projectId',
        'totalHours',
        'billableHours',
        'billableAmount',
        'totalSeconds',
        'billableSeconds',
        'entries',
      ],
      [
        `RPTA · Acme, "Big" Client; Phase 2`,
        projects.RPTA?.id,
        '3.83',
        '3.33',
        '400.00',
        '13800',
        '12000',
        '4',
      ],
      ['RPTB · =Design sprint', projects.RPTB?.id, '1.50', '1.50', '131.25', '5400', '5400', '1'],
      ['RPTC · Internal', projects.RPTC?.id, '1.00', '0.00', '0.00', '3600', '0', '1'],
    ]);
  });
});
