import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import type { Employee } from './types';

/**
 * The caller's own employee record (GET /employees/me), for "my time off"
 * and self-service: `undefined` while unknown, `null` when the signed-in user
 * is not an employee of this tenant (an admin without a record).
 */
class Me {
  employee: Employee | null | undefined = $state();
  #tenant: string | undefined;
  #loading: Promise<Employee | null> | undefined;

  load(): Promise<Employee | null> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve(null);
    if (this.#tenant === tenant && this.#loading) return this.#loading;
    this.#tenant = tenant;
    this.employee = undefined;
    this.#loading = (async () => {
      const { data } = await api.GET('/v1/qultrix/employees/me');
      const employee = data ?? null;
      if (this.#tenant === tenant) this.employee = employee;
      return employee;
    })();
    return this.#loading;
  }
}

export const me = new Me();
