import { api } from '$lib/api';
import type { paths } from '$lib/api/schema';
import { session } from '$lib/auth/session.svelte';

export type TenantMember =
  paths['/v1/tenants/current/members']['get']['responses']['200']['content']['application/json']['items'][number];

/**
 * The current tenant's members, paged through (at most ten pages of 100),
 * without the suspended ones.
 */
export async function fetchTenantMembers(): Promise<TenantMember[]> {
  const all: TenantMember[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { data } = await api.GET('/v1/tenants/current/members', {
      params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
    });
    if (!data) break;
    all.push(...data.items);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return all.filter((member) => member.status !== 'suspended');
}

/**
 * A product's directory of the tenant's people (Taskodex, CustomerConnect):
 * the members, loaded once per tenant, and a user's name ("Nobody" for none,
 * "Someone" for an id not in the list). A subclass may skip the request
 * (`canRead`) and drop its own per-tenant caches (`reset`).
 */
export class MemberDirectory {
  members: TenantMember[] = $state([]);
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;

  /** Whether to ask for the list at all; else it stays empty. */
  protected canRead(): boolean {
    return true;
  }

  /** Called when the tenant changes, before the list is loaded again. */
  protected reset(): void {}

  load(): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve();
    if (this.#tenant === tenant && this.#loading) return this.#loading;
    if (this.#tenant !== tenant) this.reset();
    this.#tenant = tenant;
    this.members = [];
    this.#loading = this.canRead()
      ? fetchTenantMembers().then((members) => {
          if (this.#tenant === tenant) this.members = members;
        })
      : Promise.resolve();
    return this.#loading;
  }

  name(userId: string | null | undefined): string {
    if (!userId) return 'Nobody';
    if (userId === session.user?.id) return session.user.name;
    return this.members.find((member) => member.userId === userId)?.name ?? 'Someone';
  }
}
