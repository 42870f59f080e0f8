import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let viewer: Session;
let admin: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, viewer, admin] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('admin@acme.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const createView = (as: Session, body: Record<string, unknown>) =>
  platform.request('POST', '/v1/taskodex/views', { headers: as.headers('acme'), body });
const namesSeenBy = async (as: Session) => {
  const response = await platform.request('GET', '/v1/taskodex/views?limit=100', {
    headers: as.headers('acme'),
  });
  expect(response.status).toBe(200);
  return response.body.items.map((view: { name: string }) => view.name);
};

describe('saved views', () => {
  it('keeps a private view to its owner and shows a shared one to the tenant', async () => {
    const mine = await createView(member, {
      name: 'My urgent bugs',
      filters: { priority: ['urgent'], label: 'bug', assigneeId: member.userId },
      sort: '-priority,dueDate',
      layout: 'board',
    });
    const team = await createView(member, {
      name: 'Team backlog',
      shared: true,
      filters: { status: ['backlog'] },
    });

    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      ownerId: member.userId,
      shared: false,
      layout: 'board',
      sort: '-priority,dueDate',
      filters: { priority: ['urgent'], label: 'bug' },
      version: 1,
    });
    expect(await namesSeenBy(member)).toEqual(expect.arrayContaining(['My urgent bugs', 'Team backlog']));
    expect(await namesSeenBy(viewer)).toContain('Team backlog');
    expect(await namesSeenBy(viewer)).not.toContain('My urgent bugs');
    const privateRead = await platform.request('GET', `/v1/taskodex/views/${mine.body.id}`, {
      headers: viewer.headers('acme'),
    });
    expect(privateRead.status).toBe(404);
    const sharedRead = await platform.request('GET', `/v1/taskodex/views/${team.body.id}`, {
      headers: viewer.headers('acme'),
    });
    expect(sharedRead.status).toBe(200);
  });

  it('lets only the owner change or delete a view (403 for others), with version checks', async () => {
    const view = await createView(member, { name: 'Shared draft', shared: true });
    const path = `/v1/taskodex/views/${view.body.id}`;

    const byOther = await platform.request('PATCH', path, {
      headers: viewer.headers('acme'),
      body: { version: 1, name: 'Taken over' },
    });
    const deleteByOther = await platform.request('DELETE', path, { headers: admin.headers('acme') });
    const byOwner = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: 1, name: 'Shared final', layout: 'calendar' },
    });
    const stale = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: 1, name: 'Lost update' },
    });

    expect([byOther.status, deleteByOther.status, byOwner.status, stale.status]).toEqual([
      403, 403, 200, 409,
    ]);
    expect(byOwner.body).toMatchObject({ name: 'Shared final', layout: 'calendar', version: 2 });
    const removed = await platform.request('DELETE', path, { headers: member.headers('acme') });
    expect(removed.status).toBe(204);
    const { rows } = await platform.db.query('select 1 from taskodex.saved_views where id = $1', [
      view.body.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('takes the version as If-Match like tasks and projects do, and answers with an ETag', async () => {
    const view = await createView(member, { name: 'Concurrency' });
    const path = `/v1/taskodex/views/${view.body.id}`;
    const read = await platform.request('GET', path, { headers: member.headers('acme') });

    const changed = await platform.request('PATCH', path, {
      headers: { ...member.headers('acme'), 'if-match': read.headers.get('etag') ?? '' },
      body: { name: 'Concurrency, renamed' },
    });
    const stale = await platform.request('PATCH', path, {
      headers: { ...member.headers('acme'), 'if-match': read.headers.get('etag') ?? '' },
      body: { name: 'Lost update' },
    });
    const neither = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { name: 'No version' },
    });

    expect([view.headers.get('etag'), read.headers.get('etag')]).toEqual(['"1"', '"1"']);
    expect([changed.status, changed.headers.get('etag'), changed.body.name]).toEqual([
      200,
      '"2"',
      'Concurrency, renamed',
    ]);
    expect([stale.status, neither.status]).toEqual([409, 400]);
    expect(neither.body.errors).toEqual([expect.objectContaining({ field: 'body.version' })]);
  });

  it("shares a project's view only with those who can see the project", async () => {
    const project = await platform.request('POST', '/v1/taskodex/projects', {
      headers: admin.headers('acme'),
      body: { key: 'VIEWS', name: 'Private views', isPrivate: true },
    });
    expect(project.status).toBe(201);
    const view = await createView(admin, {
      name: 'Private project board',
      projectId: project.body.id,
      shared: true,
    });
    expect(view.status).toBe(201);

    expect(await namesSeenBy(member)).not.toContain('Private project board');
    const added = await platform.request('POST', `/v1/taskodex/projects/${project.body.id}/members`, {
      headers: admin.headers('acme'),
      body: { userId: member.userId, role: 'member' },
    });
    expect(added.status).toBeLessThan(300);
    expect(await namesSeenBy(member)).toContain('Private project board');
  });

  it('refuses a sort the task list would refuse, unknown filters and an invisible project', async () => {
    const sort = await createView(member, { name: 'Bad sort', sort: 'secret' });
    const filter = await createView(member, { name: 'Bad filter', filters: { colour: 'red' } });
    const project = await createView(member, {
      name: 'Nowhere',
      projectId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });

    expect([sort.status, filter.status, project.status]).toEqual([400, 400, 422]);
    expect(sort.body.errors[0].field).toBe('body.sort');
  });
});
