import { beforeEach, describe, expect, it, vi } from 'vitest';

const GET = vi.fn();
const session = {
  tenant: { id: 't1' } as { id: string } | undefined,
  user: { id: 'me', name: 'Me Myself' } as { id: string; name: string } | undefined,
};
vi.mock('$lib/api', () => ({ api: { GET: (...args: unknown[]) => GET(...args) } }));
vi.mock('$lib/auth/session.svelte', () => ({ session }));

const { MemberDirectory, fetchTenantMembers } = await import('./members.svelte');

const member = (userId: string, status = 'active') => ({
  userId,
  name: `Name ${userId}`,
  email: `${userId}@x`,
  status,
});

beforeEach(() => {
  GET.mockReset();
  session.tenant = { id: 't1' };
});

describe('fetchTenantMembers', () => {
  it('follows the cursor and leaves out suspended members', async () => {
    GET.mockResolvedValueOnce({ data: { items: [member('a'), member('b', 'suspended')], nextCursor: 'c1' } });
    GET.mockResolvedValueOnce({ data: { items: [member('c', 'invited')], nextCursor: null } });
    const members = await fetchTenantMembers();
    expect(members.map((item) => item.userId)).toEqual(['a', 'c']);
    expect(GET).toHaveBeenLastCalledWith('/v1/tenants/current/members', {
      params: { query: { limit: 100, cursor: 'c1' } },
    });
  });

  it('stops at a refused page', async () => {
    GET.mockResolvedValueOnce({ data: undefined });
    expect(await fetchTenantMembers()).toEqual([]);
  });
});

describe('MemberDirectory', () => {
  it('loads once per tenant and names people', async () => {
    GET.mockResolvedValue({ data: { items: [member('a')], nextCursor: null } });
    const directory = new MemberDirectory();
    await directory.load();
    await directory.load();
    expect(GET).toHaveBeenCalledTimes(1);
    expect(directory.name('a')).toBe('Name a');
    expect(directory.name('me')).toBe('Me Myself');
    expect(directory.name('zz')).toBe('Someone');
    expect(directory.name(null)).toBe('Nobody');
    session.tenant = { id: 't2' };
    await directory.load();
    expect(GET).toHaveBeenCalledTimes(2);
  });

  it('skips the request when the subclass cannot read members, resetting on a tenant change', async () => {
    const reset = vi.fn();
    class Hidden extends MemberDirectory {
      protected override canRead() {
        return false;
      }
      protected override reset() {
        reset();
      }
    }
    const directory = new Hidden();
    await directory.load();
    expect(GET).not.toHaveBeenCalled();
    expect(directory.members).toEqual([]);
    expect(reset).toHaveBeenCalledTimes(1);
    await directory.load();
    expect(reset).toHaveBeenCalledTimes(1);
  });
});
