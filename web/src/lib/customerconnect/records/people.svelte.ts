import { session } from '$lib/auth/session.svelte';
import { MemberDirectory } from '$lib/members.svelte';
import { crmGet } from './http';
import type { CrmRecord } from './objects';

/**
 * The tenant's people (owners, @mentions) and the names of companies shown
 * beside contacts and deals. Loaded once per tenant and shared by every CRM
 * screen; without platform:member:read ids show as "Someone".
 */
class People extends MemberDirectory {
  companies: Record<string, string> = $state({});
  #pending = new Set<string>();

  // A Sales Rep does not read the member list (platform:member:read): names
  // other than their own show as "Someone" and the @mention list is empty.
  protected override canRead(): boolean {
    return session.can('platform:member:read');
  }

  protected override reset(): void {
    this.companies = {};
    this.#pending.clear();
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
