import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import type { TenantMember } from './types';

/**
 * The tenant's people, for assignee pickers, @mentions and names in the
 * activity. Loaded once per tenant and shared by every Taskodex screen;
 * without platform:member:read the list stays empty and ids show as "Someone".
 */
class Directory {
  members: TenantMember[] = $state([]);
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;

  load(): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve();
    if (this.#tenant === tenant && this.#loading) return this.#loading;
    this.#tenant = tenant;
    this.members = [];
    this.#loading = (async () => {
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
      if (this.#tenant === tenant) this.members = all.filter((member) => member.status !== 'suspended');
    })();
    return this.#loading;
  }

  name(userId: string | null | undefined): string {
    if (!userId) return 'Nobody';
    if (userId === session.user?.id) return session.user.name;
    return this.members.find((member) => member.userId === userId)?.name ?? 'Someone';
  }

  get options() {
    return this.members
      .filter((member) => member.status === 'active')
      .map((member) => ({ value: member.userId, label: member.name }));
  }
}

export const directory = new Directory();
