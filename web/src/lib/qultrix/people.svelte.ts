import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import { employeeName } from './format';
import type { Employee } from './types';

/** At most this many pages of 100: a 500-person company fits, a bigger one gets a searchable list later. */
const MAX_PAGES = 10;

/**
 * The people the caller may see (the API scopes the list), for the manager
 * picker and for names by id. Loaded once per tenant and shared by every
 * Qultrix screen; `reload()` after a create or change.
 */
class People {
  list: Employee[] = $state([]);
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;

  load(): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve();
    if (this.#tenant === tenant && this.#loading) return this.#loading;
    this.#tenant = tenant;
    this.#loading = this.#fetch(tenant);
    return this.#loading;
  }

  reload(): Promise<void> {
    this.#loading = undefined;
    return this.load();
  }

  async #fetch(tenant: string): Promise<void> {
    const all: Employee[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await api.GET('/v1/qultrix/employees', {
        params: { query: { limit: 100, sort: 'name', ...(cursor ? { cursor } : {}) } },
      });
      if (!data) break;
      all.push(...data.items);
      if (!data.nextCursor) break;
      cursor = data.nextCursor;
    }
    if (this.#tenant === tenant) this.list = all;
  }

  name(id: string | null | undefined): string {
    if (!id) return '—';
    const employee = this.list.find((candidate) => candidate.id === id);
    return employee ? employeeName(employee) : (this.#names[id] ?? 'Someone');
  }

  /**
   * A name outside the caller's row scope (an employee's own manager): the
   * org chart shows directory-level fields to everyone with org:read, so one
   * node of it names the person without reading their record.
   */
  async resolve(id: string): Promise<void> {
    if (this.list.some((candidate) => candidate.id === id) || id in this.#names) return;
    if (!session.can('qultrix:org:read')) return;
    const { data } = await api.GET('/v1/qultrix/org-chart', { params: { query: { rootId: id, depth: 0 } } });
    const node = data?.items[0];
    if (node) this.#names = { ...this.#names, [id]: node.name };
  }

  #names: Record<string, string> = $state({});

  /** Options for a manager picker: everyone not terminated, except `exclude` (the employee edited). */
  managerOptions(exclude?: string) {
    return this.list
      .filter((employee) => employee.status !== 'terminated' && employee.id !== exclude)
      .map((employee) => ({
        value: employee.id,
        label: `${employeeName(employee)} (${employee.employeeNumber})`,
      }));
  }
}

export const people = new People();
