import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import type { SelectOption } from '$lib/ui';
import type { Department, Location, Position } from './types';

/**
 * The tenant's departments, positions and locations: the directory's filters,
 * the employee form's pickers and the settings lists share one copy, loaded
 * once per tenant; `reload()` after a change in the settings. Without
 * `qultrix:org:read` the lists stay empty and the pickers show the joined
 * names the employee record carries.
 */
class Organization {
  departments: Department[] = $state([]);
  positions: Position[] = $state([]);
  locations: Location[] = $state([]);
  loaded = $state(false);
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;

  load(): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant || !session.can('qultrix:org:read')) return Promise.resolve();
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
    const [departments, positions, locations] = await Promise.all([
      api.GET('/v1/qultrix/departments'),
      api.GET('/v1/qultrix/positions'),
      api.GET('/v1/qultrix/locations'),
    ]);
    if (this.#tenant !== tenant) return;
    this.departments = departments.data?.items ?? [];
    this.positions = positions.data?.items ?? [];
    this.locations = locations.data?.items ?? [];
    this.loaded = true;
  }

  /** Departments as "Engineering › Platform", in tree order (by path). */
  get departmentOptions(): SelectOption[] {
    return departmentOptions(this.departments);
  }

  get positionOptions(): SelectOption[] {
    return this.positions
      .map((position) => ({ value: position.id, label: position.title }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get locationOptions(): SelectOption[] {
    return this.locations
      .map((location) => ({ value: location.id, label: location.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }
}

export function departmentOptions(departments: readonly Department[]): SelectOption[] {
  return departments
    .map((department) => ({ value: department.id, label: department.path.join(' › ') || department.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export const org = new Organization();
