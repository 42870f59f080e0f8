import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The AdminHub demo as `npm run dev` seeds it (the other suites start
 * without it), read back through the API as Acme's Admin sees it.
 */
let platform: TestPlatform;
let headers: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform({ demoProducts: ['platform', 'adminhub'] });
  headers = (await platform.login('admin@acme.example')).headers('acme');
});

afterAll(async () => {
  await platform?.stop();
});

const get = async (path: string) => {
  const response = await fetch(`${platform.url}${path}`, { headers });
  expect(response.status, path).toBe(200);
  return response.json();
};

describe('the AdminHub demo of Acme', () => {
  it('has a security policy saved twice, the newest current', async () => {
    const current = await get('/v1/adminhub/security-policy');
    expect(current.version).toBe(2);
    expect(current.policy.password).toMatchObject({
      minLength: 12,
      requireUppercase: true,
      requireDigit: true,
    });
    expect(current.policy.mfa.required).toBe('off');
    const versions = await get('/v1/adminhub/security-policy/versions');
    expect(versions.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
  });

  it('shows its people as having signed in, each with a session on their usual device', async () => {
    const directory = await get('/v1/adminhub/users?limit=100');
    const statuses = directory.items.map((user: { status: string }) => user.status);
    expect(statuses).not.toContain('invited');
    const viewer = directory.items.find((user: { email: string }) => user.email === 'viewer@acme.example');
    const sessions = await get(`/v1/adminhub/users/${viewer.memberId}/sessions`);
    expect(sessions.items.length).toBeGreaterThanOrEqual(1);
    expect(sessions.items[0]).toMatchObject({ ip: expect.stringMatching(/^198\.51\.100\./) });
  });

  it('has verified acme.example, so Acme manages the account of a person who is also in Globex', async () => {
    const domains = await get('/v1/adminhub/domains');
    expect(domains.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ domain: 'acme.example', status: 'verified' })]),
    );
    const directory = await get('/v1/adminhub/users?q=member%40acme.example');
    expect(directory.items[0]).toMatchObject({ email: 'member@acme.example', accountManaged: true });
  });

  it('has an alert in each status, the open one listed by default filters', async () => {
    const all = await get('/v1/adminhub/alerts');
    expect(all.items.map((alert: { status: string }) => alert.status).sort()).toEqual([
      'acknowledged',
      'open',
      'resolved',
    ]);
    const open = await get('/v1/adminhub/alerts?status=open');
    expect(open.items).toHaveLength(1);
    expect(open.items[0].detector).toBe('failed-sign-in-burst');
  });

  it('has two finished bulk jobs with their results', async () => {
    const jobs = await get('/v1/adminhub/bulk-jobs');
    expect(jobs.items).toHaveLength(2);
    const job = await get(
      `/v1/adminhub/bulk-jobs/${jobs.items.find((item: { action: string }) => item.action === 'sign_out').id}`,
    );
    expect(job.results.map((result: { outcome: string }) => result.outcome)).toEqual(['ok', 'ok']);
  });
});
