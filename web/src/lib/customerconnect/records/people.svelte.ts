import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import { crmGet } from './http';
import type { CrmRecord } from './objects';

export interface Person {
  userId: string;
  name: string;
  email: string;
  status?: string;
}

/**
 * The tenant's people (owners, @mentions) and the names of companies shown
 * beside contacts and deals. Loaded once per tenant and shared by every CRM
 * screen; without platform:member:read ids show as "Someone".
 */
class People {
  members: Person[] = $state([]);
  companies: Record<string, string> = $state({});
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;
  #pending = new Set<string>();

  load(): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve();
    if (this.#tenant === tenant && this.#loading) return this.#loading;
    if (this.#tenant !== tenant) {
      this.companies = {};
      this.#pending.clear();
    }
    // A Sales Rep does not read the member list (platform:member:read): names
    // other than their own show as "Someone" and the @mention list is empty.
    if (!session.can('platform:member:read')) {
      this.#tenant = tenant;
      this.members = [];
      this.#loading = Promise.resolve();
      return this.#loading;
    }
    this.#tenant = tenant;
    this.members = [];
    this.#loading = (async () => {
      const all: Person[] = [];
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

  get ownerOptions() {
    return this.members
      .filter((member) => member.status === undefined || member.status === 'active')
      .map((member) => ({ value: member.userId, label: member.name }));
  }

  /** Remembers company names that came with records (a list, a picker). */
  remember(companies: readonly CrmRecord[]) {
    const next = { ...this.companies };
    for (const company of companies) if (company.name) next[company.id] = String(company.name);
    this.companies = next;
  }

  /** A company's name, fetched once when not known yet ('' until then or when hidden from the caller). */
  company(id: string | null | undefined): string {
    if (!id) return '';
    const known = this.companies[id];
    if (known !== undefined) return known;
    if (!this.#pending.has(id)) {
      this.#pending.add(id);
      this.#queue.push(id);
      queueMicrotask(() => this.#pump());
    }
    return '';
  }

  // Names not known yet are fetched a few at a time (a page of contacts may
  // name dozens of companies; a burst would meet the tenant's rate limit).
  #queue: string[] = [];
  #active = 0;
  #pump() {
    while (this.#active < 3 && this.#queue.length) {
      const id = this.#queue.shift() as string;
      this.#active++;
      void crmGet<CrmRecord>(`/companies/${id}`)
        .then((company) => {
          this.companies = { ...this.companies, [id]: String(company.name ?? '') };
        })
        .catch(() => {
          this.companies = { ...this.companies, [id]: '' };
        })
        .finally(() => {
          this.#active--;
          this.#pump();
        });
    }
  }
}

export const people = new People();
