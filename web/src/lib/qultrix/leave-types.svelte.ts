import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import type { LeaveType } from './types';

/** The tenant's leave types (current and archived), loaded once per tenant; `reload()` after a change. */
class LeaveTypes {
  list: LeaveType[] = $state([]);
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;

  load(): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve();
    if (this.#tenant === tenant && this.#loading) return this.#loading;
    this.#tenant = tenant;
    this.#loading = (async () => {
      const all: LeaveType[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const { data } = await api.GET('/v1/qultrix/leave-types', {
          params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        });
        if (!data) break;
        all.push(...data.items);
        if (!data.nextCursor) break;
        cursor = data.nextCursor;
      }
      if (this.#tenant === tenant) this.list = all;
    })();
    return this.#loading;
  }

  reload(): Promise<void> {
    this.#loading = undefined;
    return this.load();
  }

  get current(): LeaveType[] {
    return this.list.filter((type) => !type.archived);
  }
}

export const leaveTypes = new LeaveTypes();
