import { TASKODEX_DEMO } from '@halooid/functions/taskodex/demo/data';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from './demo-data';

/** Every email a Taskodex demo entry names: assignees, leads, members, subtasks' assignees. */
function emailsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^[^@\s]+@[^@\s]+\.example$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(emailsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(emailsIn);
  return [];
}

describe('demo data', () => {
  it('gives Taskodex data only to demo tenants that exist', () => {
    const slugs = DEMO_TENANTS.map((tenant) => tenant.slug);

    expect(Object.keys(TASKODEX_DEMO).filter((slug) => !slugs.includes(slug))).toEqual([]);
  });

  it("names in each tenant's Taskodex data only people of that tenant (the seeder would refuse the rest)", () => {
    for (const tenant of DEMO_TENANTS) {
      const people = tenant.users.map((user) => user.email);
      const named = emailsIn(TASKODEX_DEMO[tenant.slug]);

      expect(named.length, tenant.slug).toBeGreaterThan(0);
      expect(
        named.filter((email) => !people.includes(email)),
        tenant.slug,
      ).toEqual([]);
    }
  });
});
